package form

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Explanation is a circle's mix in figures and in sentences for the screen.
type Explanation struct {
	Size          int      `json:"size"`
	Leaders       []string `json:"leaders"`       // names of those who can lead
	TenureKnown   int      `json:"tenureKnown"`   // members whose start date is known
	TenureMin     float64  `json:"tenureMin"`     // years, at Options.AsOf
	TenureMax     float64  `json:"tenureMax"`     // years
	TenureSpread  float64  `json:"tenureSpread"`  // TenureMax - TenureMin
	Organizations int      `json:"organizations"` // distinct known organizations
	MostFromOne   int      `json:"mostFromOne"`   // the most members from one organization
	MostOrg       string   `json:"mostOrg"`       // that organization (the first by name on a tie)
	ZonesKnown    int      `json:"zonesKnown"`    // members whose time zone is known
	ZoneSpread    float64  `json:"zoneSpread"`    // hours the UTC offsets span
	ZoneFrom      string   `json:"zoneFrom"`      // westernmost offset, e.g. UTC-5
	ZoneTo        string   `json:"zoneTo"`        // easternmost, e.g. UTC-2
	MetBefore     []Pair   `json:"metBefore"`     // members who were in a circle together
	Cost          float64  `json:"cost"`          // the circle's share of the objective
	Sentences     []string `json:"sentences"`     // the figures, in words
}

// explain describes the circle of the given members.
func explain(c *cohort, o Options, members []int) Explanation {
	st := measure(c, members)
	e := Explanation{Size: len(members), TenureKnown: st.tKnown, ZonesKnown: st.zKnown, Cost: st.cost(c, o.Weights),
		Leaders: []string{}, MetBefore: []Pair{}}
	if st.tKnown > 0 {
		e.TenureMin, e.TenureMax, e.TenureSpread = st.tMin, st.tMax, st.tMax-st.tMin
	}
	var offs []int
	orgs := map[string]int{}
	for i, p := range members {
		if c.leads[p] {
			e.Leaders = append(e.Leaders, c.people[p].Name)
		}
		if c.offset[p] != unknown {
			offs = append(offs, c.offset[p])
		}
		if c.org[p] >= 0 {
			orgs[c.orgNames[c.org[p]]]++
		}
		for _, q := range members[:i] {
			if c.metBefore(p, q) {
				a, b := min(p, q), max(p, q)
				e.MetBefore = append(e.MetBefore, Pair{A: c.people[a].ID, B: c.people[b].ID, Circle: c.metAt[[2]int{a, b}]})
			}
		}
	}
	spread, from, to := zoneSpread(offs)
	e.ZoneSpread, e.ZoneFrom, e.ZoneTo = float64(spread)/60, utcName(c.named(members, from)), utcName(c.named(members, to))
	e.Organizations = len(orgs)
	for _, name := range slices.Sorted(maps.Keys(orgs)) {
		if orgs[name] > e.MostFromOne {
			e.MostFromOne, e.MostOrg = orgs[name], name
		}
	}
	slices.SortFunc(e.MetBefore, func(x, y Pair) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	e.Sentences = sentences(c, e)
	return e
}

// named finds the UTC offset, as a member's zone gives it, of a clock
// offset: UTC+13 and UTC-11 are one clock offset, and the member says which.
func (c *cohort) named(members []int, clock int) int {
	for _, p := range members {
		if c.offset[p] == clock {
			return c.utc[p]
		}
	}
	return clock
}

// sentences puts an explanation's figures in words.
func sentences(c *cohort, e Explanation) []string {
	var out []string
	if len(e.Leaders) > 0 {
		out = append(out, "Led by "+andList(e.Leaders))
	}
	switch {
	case e.TenureKnown == 0:
		out = append(out, "Tenure unknown")
	default:
		s := fmt.Sprintf("Tenure %s to %s years (spread %s)", num(e.TenureMin), num(e.TenureMax), num(e.TenureSpread))
		if e.TenureKnown < e.Size {
			s += fmt.Sprintf(", unknown for %d", e.Size-e.TenureKnown)
		}
		out = append(out, s)
	}
	switch {
	case e.Organizations == 0:
		out = append(out, "Organizations unknown")
	case e.MostFromOne == 1:
		out = append(out, fmt.Sprintf("%s, one person from each", plural(e.Organizations, "organization")))
	case e.MostFromOne == 2:
		out = append(out, fmt.Sprintf("%s, none more than 2", plural(e.Organizations, "organization")))
	default:
		out = append(out, fmt.Sprintf("%s, %d from %s", plural(e.Organizations, "organization"), e.MostFromOne, e.MostOrg))
	}
	switch {
	case e.ZonesKnown == 0:
		out = append(out, "Time zones unknown")
	case e.ZoneSpread == 0:
		out = append(out, fmt.Sprintf("All in one time zone (%s)", e.ZoneFrom))
	default:
		out = append(out, fmt.Sprintf("Time zones within %s h (%s to %s)", num(e.ZoneSpread), e.ZoneFrom, e.ZoneTo))
	}
	if len(e.MetBefore) == 0 {
		return append(out, "No two met before")
	}
	for _, m := range e.MetBefore {
		where := "a circle"
		if m.Circle != "" {
			where = m.Circle
		}
		out = append(out, fmt.Sprintf("%s and %s were in %s together", c.people[c.index[m.A]].Name, c.people[c.index[m.B]].Name, where))
	}
	return out
}

// num writes a figure with at most one decimal: 4, 0.5, 3.5.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// plural writes a count and a noun: 1 organization, 4 organizations.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// andList joins names: "Ana", "Ana and Bo", "Ana, Bo and Cy".
func andList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// utcName writes an offset in minutes as UTC, UTC+1, UTC-5, UTC+5:30.
func utcName(m int) string {
	if m == 0 {
		return "UTC"
	}
	sign := "+"
	if m < 0 {
		sign, m = "-", -m
	}
	if m%60 == 0 {
		return fmt.Sprintf("UTC%s%d", sign, m/60)
	}
	return fmt.Sprintf("UTC%s%d:%02d", sign, m/60, m%60)
}
