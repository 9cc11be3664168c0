package match

import (
	"fmt"
	"math/bits"
	"strings"
)

// The kinds of a score's parts, in the order an Explanation lists them.
const (
	PartGrowth       = "growthAreas"
	PartOrganization = "organization"
	PartTenure       = "tenureGap"
	PartLanguage     = "language"
	PartTimeZone     = "timeZone"
)

// Part is one weighted part of a pair's score.
type Part struct {
	Kind   string `json:"kind"`   // one of the Part* names
	Points int    `json:"points"` // what the pair earns, 0..Max
	Max    int    `json:"max"`    // the part's weight
	Text   string `json:"text"`   // a sentence for the leader: "Share Spanish"
}

// Explanation is a pair's score and its parts; Total is their sum.
type Explanation struct {
	Total int    `json:"total"`
	Parts []Part `json:"parts"`
}

// fullTenureDays is FullTenureYears in days.
const fullTenureDays = FullTenureYears * 36525 / 100

// share returns w*num/den rounded half up; 0 when den is 0.
func share(w, num, den int) int {
	if den == 0 {
		return 0
	}
	return (2*w*num + den) / (2 * den)
}

// popcount counts the bits of b.
func popcount(b bitset) int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// common counts the bits a and b share.
func common(a, b bitset) int {
	n := 0
	for i, w := range a {
		n += bits.OnesCount64(w & b[i])
	}
	return n
}

// prefFits reports whether a pair in the same organization (or not) fits p.
func prefFits(p OrgPreference, same bool) bool {
	switch p {
	case AnyOrg:
		return true
	case SameOrg:
		return same
	}
	return !same
}

// orgFits reports whether the pair's organizations fit both preferences;
// unknown organizations fit.
func orgFits(e, m *person) bool {
	if e.org < 0 || m.org < 0 {
		return true
	}
	same := e.org == m.org
	return prefFits(e.pref, same) && prefFits(m.pref, same)
}

// zoneMinutes is the pair's working-time overlap, -1 when a zone is unknown.
func (c *cohort) zoneMinutes(e, m *person) int {
	if e.zone < 0 || m.zone < 0 {
		return -1
	}
	return c.overlap[e.zone][m.zone]
}

// score is the pair's total, as explain's parts add up, without the text.
func (c *cohort) score(e, m *person) int {
	w := c.weights
	s := share(w.GrowthAreas, common(e.tags, m.tags), e.tagCount)
	if e.org >= 0 && m.org >= 0 && orgFits(e, m) {
		s += w.CrossOrganization
	}
	if e.hasTenure && m.hasTenure && e.tenure > m.tenure {
		s += share(w.TenureGap, min(e.tenure-m.tenure, fullTenureDays), fullTenureDays)
	}
	if common(e.langs, m.langs) > 0 {
		s += w.SharedLanguage
	}
	if z := c.zoneMinutes(e, m); z > 0 {
		s += share(w.TimeZoneOverlap, z, workMinutes)
	}
	return s
}

// explain returns the pair's score part by part, with a sentence each.
func (c *cohort) explain(e, m *person) Explanation {
	parts := []Part{c.growthPart(e, m), c.orgPart(e, m), c.tenurePart(e, m), c.languagePart(e, m), c.zonePart(e, m)}
	x := Explanation{Parts: parts}
	for _, p := range parts {
		x.Total += p.Points
	}
	return x
}

// growthPart scores the mentee's growth areas the mentor's strengths meet.
func (c *cohort) growthPart(e, m *person) Part {
	p := Part{Kind: PartGrowth, Max: c.weights.GrowthAreas}
	met := names(c.tags, e.tags, m.tags)
	p.Points = share(p.Max, len(met), e.tagCount)
	switch {
	case e.tagCount == 0:
		p.Text = "No growth areas listed"
	case len(met) == 0:
		p.Text = fmt.Sprintf("Strengths cover none of %d growth areas", e.tagCount)
	default:
		p.Text = fmt.Sprintf("Strengths cover %d of %d growth areas: %s", len(met), e.tagCount, strings.Join(met, ", "))
	}
	return p
}

// orgPart scores the pair's organizations against both preferences.
func (c *cohort) orgPart(e, m *person) Part {
	p := Part{Kind: PartOrganization, Max: c.weights.CrossOrganization}
	if e.org < 0 || m.org < 0 {
		p.Text = "Organization unknown"
		return p
	}
	same := e.org == m.org
	p.Text = "Different organizations"
	if same {
		p.Text = "Same organization"
	}
	if orgFits(e, m) {
		p.Points = p.Max
		return p
	}
	who := e
	if prefFits(e.pref, same) {
		who = m
	}
	want := "a different organization"
	if who.pref == SameOrg {
		want = "the same organization"
	}
	p.Text += fmt.Sprintf("; %s prefers %s", who.name, want)
	return p
}

// tenurePart scores how much longer the mentor's tenure is.
func (c *cohort) tenurePart(e, m *person) Part {
	p := Part{Kind: PartTenure, Max: c.weights.TenureGap}
	switch {
	case !e.hasTenure || !m.hasTenure:
		p.Text = "Tenure unknown"
	case e.tenure <= m.tenure:
		p.Text = "The mentor's tenure is not longer than the mentee's"
	default:
		gap := e.tenure - m.tenure
		p.Points = share(p.Max, min(gap, fullTenureDays), fullTenureDays)
		p.Text = fmt.Sprintf("Tenure gap %.1f years", float64(gap)/365.25)
	}
	return p
}

// languagePart scores a language in common.
func (c *cohort) languagePart(e, m *person) Part {
	p := Part{Kind: PartLanguage, Max: c.weights.SharedLanguage, Text: "No shared language"}
	if shared := names(c.langs, e.langs, m.langs); len(shared) > 0 {
		p.Points = p.Max
		p.Text = "Share " + joinAnd(shared)
	}
	return p
}

// zonePart scores the hours of working time the pair shares.
func (c *cohort) zonePart(e, m *person) Part {
	p := Part{Kind: PartTimeZone, Max: c.weights.TimeZoneOverlap}
	switch z := c.zoneMinutes(e, m); {
	case z < 0:
		p.Text = "Time zone unknown"
	case z == 0:
		p.Text = "No working-time overlap"
	default:
		p.Points = share(p.Max, z, workMinutes)
		p.Text = hours(z) + " of working-time overlap"
	}
	return p
}

// hours writes minutes as "6 h" or "2.5 h".
func hours(minutes int) string {
	if minutes%60 == 0 {
		return fmt.Sprintf("%d h", minutes/60)
	}
	return fmt.Sprintf("%.1f h", float64(minutes)/60)
}

// names lists the names of the bits a and b share, in bit order.
func names(x *tagIndex, a, b bitset) []string {
	var out []string
	for i, w := range a {
		for v := w & b[i]; v != 0; v &= v - 1 {
			out = append(out, x.names[i*64+bits.TrailingZeros64(v)])
		}
	}
	return out
}

// joinAnd joins words as "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// Score explains how well mentor suits mentee under w, with tags folded
// through v: the same points a run gives the pair.
func Score(mentee, mentor Candidate, w Weights, v Vocabulary) (Explanation, error) {
	mentee.Role, mentor.Role = Mentee, Mentor
	if mentee.ID == mentor.ID {
		mentee.ID, mentor.ID = "mentee:"+mentee.ID, "mentor:"+mentor.ID
	}
	c, err := compile(Problem{People: []Candidate{mentee, mentor}, Vocabulary: v, Weights: w})
	if err != nil {
		return Explanation{}, err
	}
	return c.explain(&c.mentees[0], &c.mentors[0]), nil
}
