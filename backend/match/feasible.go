package match

import (
	"fmt"
	"strings"
)

// feasible reports whether the pair passes every hard constraint.
func (c *cohort) feasible(i, j int) bool {
	return c.broken(i, j) == ""
}

// broken names the first hard constraint the pair breaks, or "".
func (c *cohort) broken(i, j int) string {
	e, m := &c.mentees[i], &c.mentors[j]
	switch {
	case c.banned[i][int32(j)]:
		return "banned"
	case c.rules.MustShareLanguage && common(e.langs, m.langs) == 0:
		return "no shared language"
	case c.minOverlap > 0 && c.zoneMinutes(e, m) < c.minOverlap:
		return fmt.Sprintf("under %s of working-time overlap", hours(c.minOverlap))
	case c.rules.MustFitOrgPref && !orgFits(e, m):
		return "against an organization preference"
	}
	return ""
}

// reason says why mentee i was left without a mentor: every mentor breaks
// a hard constraint (counted by the first each breaks), or the feasible
// ones are full.
func (c *cohort) reason(i int) string {
	if len(c.mentors) == 0 {
		return "No mentors in the cohort"
	}
	counts := map[string]int{}
	var order []string
	feasible := 0
	for j := range c.mentors {
		b := c.broken(i, j)
		if b == "" {
			feasible++
			continue
		}
		if counts[b] == 0 {
			order = append(order, b)
		}
		counts[b]++
	}
	switch feasible {
	case 0:
	case 1:
		return "The one feasible mentor is taken by another mentee"
	case 2:
		return "Both feasible mentors are taken by other mentees"
	default:
		return fmt.Sprintf("All %d feasible mentors are taken by other mentees", feasible)
	}
	parts := make([]string, len(order))
	for k, b := range order {
		parts[k] = fmt.Sprintf("%s with %d", b, counts[b])
	}
	return "No feasible mentor: " + strings.Join(parts, ", ")
}
