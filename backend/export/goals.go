package export

import (
	"fmt"
	"sort"
	"strings"

	"circlebook/backend/check"
	"circlebook/backend/model"
)

// maxGoals caps the goals a summary lists: a circle's members have a handful each.
const maxGoals = 500

// loadGoals lists the members' shared goals in the circle that were set by
// the period's end, in roster order, each with its check-ins in the period.
// A goal of someone no longer in the circle stays out with their name.
func (b *builder) loadGoals(s *Summary) error {
	var rows []model.Goal
	err := b.tx.Where("circle_id = ? AND visibility = ?", b.circle.ID, model.Shared).Order("id").Limit(maxGoals).Find(&rows).Error
	if err != nil || len(rows) == 0 {
		return err
	}
	var kept []model.Goal
	for _, g := range rows {
		if _, ok := b.index[g.PersonID]; ok && (b.opt.To == "" || g.CreatedAt.In(b.loc).Format(check.DateLayout) <= b.opt.To) {
			kept = append(kept, g)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if pi, pj := b.index[kept[i].PersonID], b.index[kept[j].PersonID]; pi != pj {
			return pi < pj
		}
		return kept[i].CreatedAt.Before(kept[j].CreatedAt) || kept[i].CreatedAt.Equal(kept[j].CreatedAt) && kept[i].UUID < kept[j].UUID
	})
	last, err := b.checkIns(kept)
	if err != nil {
		return err
	}
	for _, g := range kept {
		k := last[g.ID]
		out := Goal{Member: b.name(g.PersonID, ""), Status: g.Status, Progress: g.Progress, TargetDate: g.TargetDate,
			CheckIns: k.count, LastCheckIn: k.on}
		if !b.opt.FiguresOnly {
			out.Title, out.LastNote = b.text(g.Title), b.text(k.note)
		}
		s.Goals = append(s.Goals, out)
	}
	return nil
}

// periodCheckIns is a goal's check-ins in the period: how many, and the last one.
type periodCheckIns struct {
	count    int
	on, note string
}

// checkIns reads the goals' check-ins in the period, by goal.
func (b *builder) checkIns(gs []model.Goal) (map[uint]periodCheckIns, error) {
	out := map[uint]periodCheckIns{}
	if len(gs) == 0 {
		return out, nil
	}
	ids := make([]uint, len(gs))
	for i, g := range gs {
		ids[i] = g.ID
	}
	q := b.tx.Where("goal_id IN ?", ids)
	if b.opt.From != "" {
		q = q.Where("checked_on >= ?", b.opt.From)
	}
	if b.opt.To != "" {
		q = q.Where("checked_on <= ?", b.opt.To)
	}
	var ks []model.GoalCheckIn
	if err := q.Order("checked_on, id").Find(&ks).Error; err != nil {
		return nil, err
	}
	for _, k := range ks {
		c := out[k.GoalID]
		c.count, c.on, c.note = c.count+1, k.CheckedOn, k.Note
		out[k.GoalID] = c
	}
	return out, nil
}

// GoalCounts says how many goals the summary lists, by status, e.g.
// "7 goals: 4 active, 1 at risk, 2 achieved".
func (s Summary) GoalCounts() string {
	n := map[string]int{}
	for _, g := range s.Goals {
		n[g.Status]++
	}
	var parts []string
	for _, st := range model.GoalStatuses {
		if n[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[st], strings.ToLower(human(st))))
		}
	}
	return fmt.Sprintf("%d %s: %s", len(s.Goals), plural(len(s.Goals), "goal", "goals"), strings.Join(parts, ", "))
}

// figures is a goal's numbers for a line: "Active, 60%, 4 check-ins, the
// last on 2026-11-10", with its target date when it has one.
func (g Goal) figures() string {
	out := fmt.Sprintf("%s, %d%%, %d %s", human(g.Status), g.Progress, g.CheckIns, plural(g.CheckIns, "check-in", "check-ins"))
	if g.LastCheckIn != "" {
		out += ", the last on " + g.LastCheckIn
	}
	if g.TargetDate != "" {
		out += ", target " + g.TargetDate
	}
	return out
}

// label names a goal on its line: its title, or "A goal" when figures only.
func (g Goal) label() string {
	if g.Title == "" {
		return "A goal"
	}
	return g.Title
}
