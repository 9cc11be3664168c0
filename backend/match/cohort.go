package match

import (
	"cmp"
	"slices"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/fold"
)

// person is a candidate compiled for fast scoring.
type person struct {
	id, name  string
	capacity  int
	tags      bitset // growth areas of a mentee, strengths of a mentor
	tagCount  int    // bits in tags
	langs     bitset
	org, zone int // indexes, -1 when unknown
	tenure    int // days since 1970, when hasTenure
	hasTenure bool
	pref      OrgPreference
}

// cohort is a Problem compiled: people sorted by ID, tags as bitsets,
// organizations and zones as indexes, the zone overlaps computed once.
type cohort struct {
	mentees, mentors []person
	tags, langs      *tagIndex
	orgs             []string
	overlap          [][]int // minutes of working-time overlap by zone index
	weights          Weights
	rules            Constraints
	minOverlap       int              // minutes
	banned           []map[int32]bool // by mentee index: mentor indexes
	pinned           map[int]int      // mentee index -> mentor index
}

// compile validates p and builds its cohort.
func compile(p Problem) (*cohort, error) {
	tags, err := newTagIndex(p.Vocabulary)
	if err != nil {
		return nil, err
	}
	c := &cohort{tags: tags, langs: &tagIndex{canon: map[string]string{}, ids: map[string]int{}},
		weights: p.Weights, rules: p.Constraints, minOverlap: int(p.Constraints.MinOverlapHours*60 + 0.5)}
	if err := c.validateWeights(); err != nil {
		return nil, err
	}
	people := slices.Clone(p.People)
	slices.SortFunc(people, func(a, b Candidate) int { return cmp.Compare(a.ID, b.ID) })
	orgs, zones := map[string]int{}, map[string]int{}
	var zoneNames []string
	type raw struct{ tags, langs []int }
	var menteeRaw, mentorRaw []raw
	for i, cand := range people {
		if cand.ID == "" {
			return nil, apperr.New(apperr.Invalid, "people", "person %d has no ID", i+1)
		}
		if i > 0 && people[i-1].ID == cand.ID {
			return nil, apperr.New(apperr.Invalid, "people", "%s is in the cohort twice", cand.ID)
		}
		pr, err := c.person(cand, orgs, zones, &zoneNames)
		if err != nil {
			return nil, err
		}
		r := raw{langs: c.langs.set(cand.Languages)}
		switch cand.Role {
		case Mentee:
			r.tags = c.tags.set(cand.GrowthAreas)
			c.mentees, menteeRaw = append(c.mentees, pr), append(menteeRaw, r)
		case Mentor:
			r.tags = c.tags.set(cand.Strengths)
			c.mentors, mentorRaw = append(c.mentors, pr), append(mentorRaw, r)
		default:
			return nil, apperr.New(apperr.Invalid, "role", "%s has role %q; it must be mentor or mentee", cand.ID, cand.Role)
		}
	}
	tw, lw := (len(c.tags.names)+63)/64, (len(c.langs.names)+63)/64
	for i := range c.mentees {
		c.mentees[i].setBits(menteeRaw[i].tags, menteeRaw[i].langs, tw, lw)
	}
	for i := range c.mentors {
		c.mentors[i].setBits(mentorRaw[i].tags, mentorRaw[i].langs, tw, lw)
	}
	c.orgs = make([]string, len(orgs))
	for name, i := range orgs {
		c.orgs[i] = name
	}
	if c.overlap, err = overlaps(zoneNames); err != nil {
		return nil, err
	}
	return c, c.compileRules()
}

// validateWeights refuses negative weights.
func (c *cohort) validateWeights() error {
	w := c.weights
	if min(w.GrowthAreas, w.CrossOrganization, w.TenureGap, w.SharedLanguage, w.TimeZoneOverlap) < 0 {
		return apperr.New(apperr.Invalid, "weights", "weights must not be negative")
	}
	if c.rules.MinOverlapHours < 0 || c.rules.MinOverlapHours > 8 {
		return apperr.New(apperr.Invalid, "minOverlapHours", "the minimum overlap must be between 0 and 8 hours")
	}
	return nil
}

// person compiles one candidate, numbering its organization and zone.
func (c *cohort) person(cand Candidate, orgs, zones map[string]int, zoneNames *[]string) (person, error) {
	p := person{id: cand.ID, name: cmp.Or(cand.Name, cand.ID), capacity: max(cand.Capacity, 1), org: -1, zone: -1, pref: cand.OrgPref}
	if cand.Capacity < 0 {
		return p, apperr.New(apperr.Invalid, "capacity", "%s has a negative capacity", cand.ID)
	}
	switch cand.OrgPref {
	case "", SameOrg, DifferentOrg, AnyOrg:
	default:
		return p, apperr.New(apperr.Invalid, "orgPref", "%s has organization preference %q; it must be same, different or any", cand.ID, cand.OrgPref)
	}
	if k := fold.Key(cand.Organization); k != "" {
		p.org = number(orgs, k, nil)
	}
	if cand.TimeZone != "" {
		if _, err := time.LoadLocation(cand.TimeZone); err != nil {
			return p, apperr.New(apperr.Invalid, "timeZone", "%s has an unknown time zone %q", cand.ID, cand.TimeZone)
		}
		p.zone = number(zones, cand.TimeZone, zoneNames)
	}
	if !cand.TenureStart.IsZero() {
		p.tenure, p.hasTenure = int(cand.TenureStart.Unix()/86400), true
	}
	return p, nil
}

// number returns key's index in m, adding it (and to names) if new.
func number(m map[string]int, key string, names *[]string) int {
	if i, ok := m[key]; ok {
		return i
	}
	m[key] = len(m)
	if names != nil {
		*names = append(*names, key)
	}
	return m[key]
}

// setBits turns the person's tag and language bits into bitsets.
func (p *person) setBits(tags, langs []int, tw, lw int) {
	p.tags, p.langs = makeBits(tags, tw), makeBits(langs, lw)
	p.tagCount = popcount(p.tags)
}

// compileRules indexes banned and pinned pairs, refusing unknown people,
// a pair both banned and pinned, a mentee pinned twice and a mentor pinned
// past capacity.
func (c *cohort) compileRules() error {
	mentee, mentor := indexOf(c.mentees), indexOf(c.mentors)
	find := func(p Pair, field string) (int, int, error) {
		i, ok := mentee[p.Mentee]
		if !ok {
			return 0, 0, apperr.New(apperr.Invalid, field, "%s is not a mentee of the cohort", p.Mentee)
		}
		j, ok := mentor[p.Mentor]
		if !ok {
			return 0, 0, apperr.New(apperr.Invalid, field, "%s is not a mentor of the cohort", p.Mentor)
		}
		return i, j, nil
	}
	c.banned = make([]map[int32]bool, len(c.mentees))
	for _, b := range c.rules.Banned {
		i, j, err := find(b, "banned")
		if err != nil {
			return err
		}
		if c.banned[i] == nil {
			c.banned[i] = map[int32]bool{}
		}
		c.banned[i][int32(j)] = true
	}
	c.pinned = map[int]int{}
	load := make([]int, len(c.mentors))
	for _, p := range c.rules.Pinned {
		i, j, err := find(p, "pinned")
		if err != nil {
			return err
		}
		switch {
		case c.banned[i][int32(j)]:
			return apperr.New(apperr.Conflict, "pinned", "%s and %s are both pinned and banned", p.Mentee, p.Mentor)
		case c.pinned[i] != j && hasKey(c.pinned, i):
			return apperr.New(apperr.Conflict, "pinned", "%s is pinned to two mentors", p.Mentee)
		case hasKey(c.pinned, i):
			continue
		}
		if load[j]++; load[j] > c.mentors[j].capacity {
			return apperr.New(apperr.Conflict, "pinned", "%s has more pinned mentees than capacity %d", p.Mentor, c.mentors[j].capacity)
		}
		c.pinned[i] = j
	}
	return nil
}

// hasKey reports whether m has k.
func hasKey(m map[int]int, k int) bool { _, ok := m[k]; return ok }

// indexOf maps IDs to their index in list.
func indexOf(list []person) map[string]int {
	m := make(map[string]int, len(list))
	for i, p := range list {
		m[p.id] = i
	}
	return m
}
