package form

import (
	"cmp"
	"maps"
	"slices"
	"time"

	"circlebook/backend/apperr"
)

// unknown marks a tenure or UTC offset the input did not give.
const unknown = -1 << 30

// cohort is the input prepared for the search: people sorted by ID (so the
// input's order never matters), and what the objective reads, by index.
type cohort struct {
	people   []Person
	index    map[string]int // ID -> index
	leads    []bool
	tenure   []float64         // years at AsOf, or unknown
	offset   []int             // clock(minutes east of UTC) at AsOf, or unknown: spreads go round the clock
	utc      []int             // minutes east of UTC at AsOf, as the explanations write it
	org      []int             // organization number, or -1
	orgNames []string          // organization number -> name
	met      [][]int           // history neighbours, sorted
	metAt    map[[2]int]string // where a pair (lower index first) met, when the input says
	where    []int             // pinned circle, or -1
	meanT    float64           // the cohort's mean tenure
	spreadT  float64           // the cohort's tenure spread (max - min)
}

// prepare checks people and history and builds the cohort; pins are read
// later, once K is known.
func prepare(people []Person, history []Pair, asOf time.Time) (*cohort, error) {
	if len(people) == 0 {
		return nil, apperr.New(apperr.Invalid, "people", "The cohort is empty.")
	}
	c := &cohort{people: slices.Clone(people), index: map[string]int{}}
	slices.SortFunc(c.people, func(a, b Person) int { return cmp.Compare(a.ID, b.ID) })
	orgs := map[string]int{}
	for i, p := range c.people {
		if err := c.add(i, p, orgs, asOf); err != nil {
			return nil, err
		}
	}
	c.met, c.metAt = make([][]int, len(c.people)), map[[2]int]string{}
	for _, h := range history {
		a, okA := c.index[h.A]
		b, okB := c.index[h.B]
		if !okA || !okB || a == b {
			continue // someone outside the cohort
		}
		if !slices.Contains(c.met[a], b) {
			c.met[a], c.met[b] = append(c.met[a], b), append(c.met[b], a)
		}
		if key := [2]int{min(a, b), max(a, b)}; c.metAt[key] == "" {
			c.metAt[key] = h.Circle
		}
	}
	for _, m := range c.met {
		slices.Sort(m)
	}
	c.tenureFigures()
	return c, nil
}

// add checks person p and records it as index i.
func (c *cohort) add(i int, p Person, orgs map[string]int, asOf time.Time) error {
	if p.ID == "" {
		return apperr.New(apperr.Invalid, "people", "Every person needs an ID (%q has none).", p.Name)
	}
	if _, dup := c.index[p.ID]; dup {
		return apperr.New(apperr.Invalid, "people", "The ID %q appears twice in the cohort.", p.ID)
	}
	if p.Role != Leader && p.Role != Mentor && p.Role != Mentee {
		return apperr.New(apperr.Invalid, "role", "%s's role %q is not leader, mentor or mentee.", p.Name, p.Role)
	}
	c.index[p.ID] = i
	c.leads = append(c.leads, p.Leads())
	t, err := tenureYears(p, asOf)
	if err != nil {
		return err
	}
	off, err := utcOffset(p, asOf)
	if err != nil {
		return err
	}
	c.tenure, c.utc, c.offset = append(c.tenure, t), append(c.utc, off), append(c.offset, off)
	if off != unknown {
		c.offset[i] = clock(off)
	}
	o := -1
	if p.Organization != "" {
		n, ok := orgs[p.Organization]
		if !ok {
			n = len(c.orgNames)
			orgs[p.Organization] = n
			c.orgNames = append(c.orgNames, p.Organization)
		}
		o = n
	}
	c.org = append(c.org, o)
	return nil
}

// tenureYears reads p's tenure in years at asOf, or unknown.
func tenureYears(p Person, asOf time.Time) (float64, error) {
	if p.StartDate == "" {
		return unknown, nil
	}
	d, err := time.Parse(time.DateOnly, p.StartDate)
	if err != nil {
		return 0, apperr.New(apperr.Invalid, "startDate", "%s's start date %q is not a date like 2024-03-31.", p.Name, p.StartDate)
	}
	return asOf.Sub(d).Hours() / 24 / 365.25, nil
}

// utcOffset reads p's UTC offset in minutes at asOf, or unknown.
func utcOffset(p Person, asOf time.Time) (int, error) {
	if p.TimeZone == "" {
		return unknown, nil
	}
	loc, err := time.LoadLocation(p.TimeZone)
	if err != nil {
		return 0, apperr.New(apperr.Invalid, "timeZone", "%s's time zone %q is not a known zone.", p.Name, p.TimeZone)
	}
	_, sec := asOf.In(loc).Zone()
	return sec / 60, nil
}

// tenureFigures sets the cohort's mean tenure and spread.
func (c *cohort) tenureFigures() {
	lo, hi, sum, n := 0.0, 0.0, 0.0, 0
	for _, t := range c.tenure {
		if t == unknown {
			continue
		}
		if n == 0 || t < lo {
			lo = t
		}
		if n == 0 || t > hi {
			hi = t
		}
		sum, n = sum+t, n+1
	}
	if n > 0 {
		c.meanT, c.spreadT = sum/float64(n), hi-lo
	}
}

// leaders counts the people who can lead.
func (c *cohort) leaders() int {
	n := 0
	for _, l := range c.leads {
		if l {
			n++
		}
	}
	return n
}

// pin reads the pinned placements against K circles and the hard rules.
func (c *cohort) pin(o Options) error {
	c.where = make([]int, len(c.people))
	for i := range c.where {
		c.where[i] = -1
	}
	size, lead := make([]int, o.Circles), make([]int, o.Circles)
	ids := slices.Sorted(maps.Keys(o.Pinned))
	for _, id := range ids {
		k := o.Pinned[id]
		i, ok := c.index[id]
		if !ok {
			return apperr.New(apperr.Invalid, "pinned", "No person with ID %q is in the cohort to pin.", id)
		}
		if k < 0 || k >= o.Circles {
			return apperr.New(apperr.Invalid, "pinned", "%s is pinned to circle %d, but there are circles 1 to %d.", c.people[i].Name, k+1, o.Circles)
		}
		c.where[i] = k
		size[k]++
		if c.leads[i] {
			lead[k]++
		}
		if size[k] > o.MaxSize || lead[k] > o.MaxLeaders {
			return apperr.New(apperr.Invalid, "pinned", "Too many people are pinned to circle %d: at most %d members and %d leaders.", k+1, o.MaxSize, o.MaxLeaders)
		}
	}
	return nil
}

// metBefore reports whether people a and b were in a circle together.
func (c *cohort) metBefore(a, b int) bool {
	_, ok := slices.BinarySearch(c.met[a], b)
	return ok
}
