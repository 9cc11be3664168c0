package export

import (
	"fmt"
	"strconv"

	"circlebook/backend/model"
)

// maxSkills caps the skills a summary lists: a circle uses a framework or two.
const maxSkills = 300

// Skill is one item (skill or topic) of a framework the circle uses, with
// its members' ratings in the circle: how many rated it at the start and at
// the end, and the mean of those ratings (1-5). Ratings are figures, shown
// in every summary, anonymized or figures only.
type Skill struct {
	Framework   string  `json:"framework"`
	Item        string  `json:"item"`
	BeforeRated int     `json:"beforeRated"`
	BeforeMean  float64 `json:"beforeMean"` // 0 when nobody rated it before
	AfterRated  int     `json:"afterRated"`
	AfterMean   float64 `json:"afterMean"` // 0 when nobody rated it after
}

// SkillGroup is one framework's skills, in the framework's order.
type SkillGroup struct {
	Framework string
	Skills    []Skill
}

// skillsSQL reads, for each item of the circle's frameworks, the count and
// sum of its members' ratings in the circle before and after, made by the
// period's end: the circle's ratings are summed first (an index search on
// the circle), then matched to the items. Sums, not AVG, so both engines
// give the same integers.
const skillsSQL = `SELECT f.name AS framework, i.name AS item, COALESCE(x.before_rated, 0) AS before_rated,
  COALESCE(x.before_sum, 0) AS before_sum, COALESCE(x.after_rated, 0) AS after_rated, COALESCE(x.after_sum, 0) AS after_sum
FROM circle_frameworks cf
JOIN frameworks f ON f.id = cf.framework_id
JOIN framework_items i ON i.framework_id = f.id
LEFT JOIN (
  SELECT r.framework_item_id,
    COUNT(CASE WHEN r.phase = ? THEN 1 END) AS before_rated, SUM(CASE WHEN r.phase = ? THEN r.rating END) AS before_sum,
    COUNT(CASE WHEN r.phase = ? THEN 1 END) AS after_rated, SUM(CASE WHEN r.phase = ? THEN r.rating END) AS after_sum
  FROM skill_ratings r
  WHERE r.circle_id = ? AND r.rated_on <= ? AND r.person_id IN (SELECT m.person_id FROM memberships m WHERE m.circle_id = ?)
  GROUP BY r.framework_item_id) x ON x.framework_item_id = i.id
WHERE cf.circle_id = ?
ORDER BY f.name, f.id, i.position, i.id
LIMIT ?`

// loadSkills reads the members' ratings on the skills of the circle's
// frameworks; none when nobody rated any.
func (b *builder) loadSkills(s *Summary) error {
	var rows []struct {
		Framework, Item        string
		BeforeRated, BeforeSum int
		AfterRated, AfterSum   int
	}
	to := b.opt.To
	if to == "" {
		to = "9999-12-31"
	}
	c := b.circle.ID
	err := b.tx.Raw(skillsSQL, model.PhaseBefore, model.PhaseBefore, model.PhaseAfter, model.PhaseAfter, c, to, c, c, maxSkills).
		Scan(&rows).Error
	if err != nil {
		return err
	}
	rated := false
	for _, r := range rows {
		k := Skill{Framework: r.Framework, Item: r.Item, BeforeRated: r.BeforeRated, AfterRated: r.AfterRated}
		if r.BeforeRated > 0 {
			k.BeforeMean = float64(r.BeforeSum) / float64(r.BeforeRated)
		}
		if r.AfterRated > 0 {
			k.AfterMean = float64(r.AfterSum) / float64(r.AfterRated)
		}
		rated = rated || r.BeforeRated+r.AfterRated > 0
		s.Skills = append(s.Skills, k)
	}
	if !rated {
		s.Skills = []Skill{}
	}
	return nil
}

// SkillGroups returns the summary's skills by framework.
func (s Summary) SkillGroups() []SkillGroup {
	var out []SkillGroup
	for _, k := range s.Skills {
		if n := len(out); n == 0 || out[n-1].Framework != k.Framework {
			out = append(out, SkillGroup{Framework: k.Framework})
		}
		out[len(out)-1].Skills = append(out[len(out)-1].Skills, k)
	}
	return out
}

// skillsIntro says what the section's figures are.
const skillsIntro = "Members' mean rating (1-5) of each skill at the start and at the end, and how many rated it."

// Before is the skill's rating at the start, e.g. "2.8 (5 rated)", or "not rated".
func (k Skill) Before() string { return rated(k.BeforeMean, k.BeforeRated) }

// After is the skill's rating at the end, e.g. "3.6 (4 rated)", or "not rated".
func (k Skill) After() string { return rated(k.AfterMean, k.AfterRated) }

// Change is the mean's change from before to after, e.g. "+0.8", or "" when
// either is missing.
func (k Skill) Change() string {
	if k.BeforeRated == 0 || k.AfterRated == 0 {
		return ""
	}
	d := k.AfterMean - k.BeforeMean
	if d > -0.05 && d < 0.05 {
		return "±0.0"
	}
	return fmt.Sprintf("%+.1f", d)
}

// figures is the skill's line after its name: "before 2.8 (5 rated), after
// 3.6 (4 rated), +0.8".
func (k Skill) figures() string {
	out := "before " + k.Before() + ", after " + k.After()
	if c := k.Change(); c != "" {
		out += ", " + c
	}
	return out
}

func rated(mean float64, n int) string {
	if n == 0 {
		return "not rated"
	}
	return strconv.FormatFloat(mean, 'f', 1, 64) + " (" + strconv.Itoa(n) + " rated)"
}
