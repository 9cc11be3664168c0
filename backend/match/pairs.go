package match

import (
	"math"
	"slices"
	"sync/atomic"
)

// cost returns the cost of the pair of free mentee k and mentor j (the
// points it falls short of the maximum) and whether it is feasible with
// room; from the matrix once candidates has filled it.
func (s *solver) cost(k, j int) (int64, bool) {
	if s.costs != nil {
		c := s.costs[k*len(s.c.mentors)+j]
		return int64(c), c >= 0
	}
	return s.score(k, j)
}

// score computes the pair's cost and feasibility.
func (s *solver) score(k, j int) (int64, bool) {
	i := s.free[k]
	if s.room[j] == 0 || !s.c.feasible(i, j) {
		return -1, false
	}
	return int64(s.maxScore - s.c.score(&s.c.mentees[i], &s.c.mentors[j])), true
}

// candidates scores every pair (keeping the costs when they fit in memory)
// and returns, for each free mentee, its topK feasible mentors with room,
// best first (equal scores in an order fixed by the pair's indexes).
func (s *solver) candidates(topK int) ([][]arc, error) {
	arcs := make([][]arc, len(s.free))
	m := len(s.c.mentors)
	err := s.rows(true, func(k int) {
		var best topHeap
		for j := range m {
			c, ok := s.score(k, j)
			if s.costs != nil {
				s.costs[k*m+j] = int16(c)
			}
			if ok {
				best.offer(ranked{c, tieKey(s.free[k], j), int32(j)}, topK)
			}
		}
		arcs[k] = best.arcs()
	})
	return arcs, err
}

// check proves the flow optimal on the whole graph: every feasible edge
// left out of its arcs must have a reduced cost >= 0 under the flow's
// potentials. It returns, by mentee position, the topK edges that fall
// furthest short; nil when the flow is optimal.
func (s *solver) check(f *flow, topK int, report bool) ([][]arc, error) {
	missing := make([][]arc, len(s.free))
	var short atomic.Bool
	err := s.rows(report, func(k int) {
		listed := make([]int32, 0, len(f.arcs[k])+1)
		for _, a := range f.arcs[k] {
			listed = append(listed, a.to)
		}
		slices.Sort(listed)
		listed = append(listed, math.MaxInt32)
		var worst topHeap
		for j := range s.c.mentors {
			if int32(j) == listed[0] {
				listed = listed[1:]
				continue
			}
			if c, ok := s.cost(k, j); ok {
				if rc := f.reduced(k, j, c); rc < 0 {
					worst.offer(ranked{rc, tieKey(s.free[k], j), int32(j)}, topK)
				}
			}
		}
		for _, a := range worst.arcs() {
			c, _ := s.cost(k, int(a.to))
			missing[k] = append(missing[k], arc{a.to, c})
		}
		if len(worst) > 0 {
			short.Store(true)
		}
	})
	if err != nil || !short.Load() {
		return nil, err
	}
	return missing, nil
}
