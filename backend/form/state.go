package form

import "slices"

// state is a placement of the whole cohort with each circle's figures and
// cost kept current, so a move or swap is priced by what it changes.
type state struct {
	c       *cohort
	o       Options
	where   []int   // person -> circle
	members [][]int // circle -> people
	orgs    []int32 // circle k, organization o -> members from it, at k*len(orgNames)+o
	st      []stats
	cost    []float64
	offs    []int    // scratch for UTC offsets
	whole   []base   // circle -> its base without nobody
	drops   [][]base // circle -> its bases without each member, in members' order
	pos     []int    // person -> index in its circle's members
}

// newState places each person p in circle where[p].
func newState(c *cohort, o Options, where []int) *state {
	s := &state{c: c, o: o, where: slices.Clone(where), members: make([][]int, o.Circles),
		orgs: make([]int32, o.Circles*len(c.orgNames)), st: make([]stats, o.Circles), cost: make([]float64, o.Circles)}
	for p, k := range where {
		s.members[k] = append(s.members[k], p)
		if c.org[p] >= 0 {
			s.orgs[s.at(k, c.org[p])]++
		}
	}
	s.whole, s.drops, s.pos = make([]base, o.Circles), make([][]base, o.Circles), make([]int, len(where))
	for k, m := range s.members {
		s.set(k, measure(c, m))
		s.rebase(k)
	}
	return s
}

// total is the objective: the sum of the circles' costs.
func (s *state) total() float64 {
	v := 0.0
	for _, x := range s.cost {
		v += x
	}
	return v
}

// with returns circle k's figures were drop to leave it and add to join it
// (either may be -1), without changing anything.
func (s *state) with(k, drop, add int) stats {
	c := s.c
	n := s.st[k]
	n.tKnown, n.tSum, n.tMin, n.tMax = 0, 0, 0, 0
	s.offs = s.offs[:0]
	for _, p := range s.members[k] {
		if p != drop {
			s.member(&n, p)
		}
	}
	if add >= 0 {
		s.member(&n, add)
		n.size++
		if c.leads[add] {
			n.leaders++
		}
		if o := c.org[add]; o >= 0 {
			n.orgPairs += int(s.orgs[s.at(k, o)])
			if drop >= 0 && c.org[drop] == o {
				n.orgPairs--
			}
		}
		n.histPairs += s.metIn(add, k)
		if drop >= 0 && c.metBefore(drop, add) {
			n.histPairs--
		}
	}
	if drop >= 0 {
		n.size--
		if c.leads[drop] {
			n.leaders--
		}
		if o := c.org[drop]; o >= 0 {
			n.orgPairs -= int(s.orgs[s.at(k, o)]) - 1
		}
		n.histPairs -= s.metIn(drop, k)
	}
	n.zKnown = len(s.offs)
	n.zSpread, _, _ = zoneSpread(s.offs)
	return n
}

// member counts person p's tenure and offset into n.
func (s *state) member(n *stats, p int) {
	n.addTenure(s.c.tenure[p])
	if o := s.c.offset[p]; o != unknown {
		s.offs = append(s.offs, o)
	}
}

// metIn counts the people in circle k whom p met before.
func (s *state) metIn(p, k int) int {
	n := 0
	for _, q := range s.c.met[p] {
		if s.where[q] == k && q != p {
			n++
		}
	}
	return n
}

// fits reports whether figures keep the hard rules on size and leaders.
func (s *state) fits(n stats) bool {
	return n.size >= s.o.MinSize && n.size <= s.o.MaxSize &&
		n.leaders >= s.o.MinLeaders && n.leaders <= s.o.MaxLeaders
}

// relocate moves person p to circle k; the caller sets both circles' figures.
func (s *state) relocate(p, k int) {
	old := s.where[p]
	i := slices.Index(s.members[old], p)
	s.members[old] = slices.Delete(s.members[old], i, i+1)
	s.members[k] = append(s.members[k], p)
	if o := s.c.org[p]; o >= 0 {
		s.orgs[s.at(old, o)]--
		s.orgs[s.at(k, o)]++
	}
	s.where[p] = k
}

// set records circle k's new figures and cost; rebase must follow once
// its members are final.
func (s *state) set(k int, n stats) {
	s.st[k], s.cost[k] = n, n.cost(s.c, s.o.Weights)
}

// at indexes orgs: circle k's count of organization o.
func (s *state) at(k, o int) int {
	return k*len(s.c.orgNames) + o
}
