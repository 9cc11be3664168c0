package match

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// tuning sets how a run searches; the answer is optimal whatever it is.
type tuning struct {
	topK      int // mentors each mentee's first search, and each check, adds at most
	restartAt int // a check adding more than restartAt edges per free mentee searches again from the start
}

// defaultTuning is what Solve uses: the 12 best mentors of each mentee to start.
var defaultTuning = tuning{topK: 12, restartAt: 2}

// Solve assigns the cohort at once: pinned pairs as given, then each other
// mentee to at most one feasible mentor and each mentor to at most their
// capacity, so that the most mentees get a mentor and, among such
// assignments, the total score is the highest. The answer is exact and the
// same for the same input in any order: people are taken in ID order.
// progress, if not nil, is called as the work advances (done of total),
// from one goroutine at a time.
func Solve(ctx context.Context, p Problem, progress func(done, total int)) (Result, error) {
	r, _, err := solve(ctx, p, progress, defaultTuning)
	return r, err
}

// stats says how a run went: the rounds of the dual check, the edges it
// added, the times it searched again from the start, and the nodes all
// searches settled (a measure of work that does not depend on the machine).
type stats struct{ rounds, added, restarts, settled int }

// maxMatrix is the most pairs whose scores a run keeps in memory (two
// bytes each); past it, the dual check scores the pairs again.
var maxMatrix = 64 << 20

// solver holds one run's compiled cohort and the free part of the problem.
type solver struct {
	ctx      context.Context
	c        *cohort
	free     []int   // mentee indexes not pinned
	room     []int   // capacity left by mentor after the pins
	costs    []int16 // by free mentee position and mentor: the pair's cost, -1 if infeasible; nil past maxMatrix
	maxScore int
	progress func(done, total int)
	mu       sync.Mutex
	done     int
}

// solve is Solve with each mentee's first search limited to its topK best
// mentors. The dual check then proves the answer optimal on every pair, or
// adds the pairs that could improve it and searches again.
func solve(ctx context.Context, p Problem, progress func(done, total int), t tuning) (Result, stats, error) {
	var st stats
	c, err := compile(p)
	if err != nil {
		return Result{}, st, err
	}
	s := newSolver(ctx, c, progress)
	arcs, err := s.candidates(t.topK)
	if err != nil {
		return Result{}, st, err
	}
	f, err := s.route(newFlow(arcs, s.room, int64(len(s.free)+1)*int64(s.maxScore+1)), true)
	for err == nil {
		var missing [][]arc
		if missing, err = s.check(f, t.topK, st.rounds == 0); err != nil || missing == nil {
			break
		}
		st.rounds++
		if count(missing) > t.restartAt*len(s.free) {
			st.restarts++
			st.settled += f.settled
			f, err = s.restart(f, missing)
		} else {
			err = s.addAll(f, missing)
		}
		st.added += count(missing)
	}
	if err != nil {
		return Result{}, st, err
	}
	st.settled += f.settled
	s.finish()
	return s.result(f), st, nil
}

// newSolver sets out the free mentees and the room the pins leave.
func newSolver(ctx context.Context, c *cohort, progress func(done, total int)) *solver {
	s := &solver{ctx: ctx, c: c, room: make([]int, len(c.mentors)), progress: progress}
	w := c.weights
	s.maxScore = w.GrowthAreas + w.CrossOrganization + w.TenureGap + w.SharedLanguage + w.TimeZoneOverlap
	for j, m := range c.mentors {
		s.room[j] = m.capacity
	}
	for i := range c.mentees {
		if j, ok := c.pinned[i]; ok {
			s.room[j]--
		} else {
			s.free = append(s.free, i)
		}
	}
	if len(s.free)*len(c.mentors) <= maxMatrix && s.maxScore < 1<<15 {
		s.costs = make([]int16, len(s.free)*len(c.mentors))
	}
	return s
}

// route sends every free mentee to the sink along a shortest path.
func (s *solver) route(f *flow, report bool) (*flow, error) {
	for k := range s.free {
		if k%64 == 0 && s.ctx.Err() != nil {
			return nil, s.ctx.Err()
		}
		f.augment(int32(k))
		if report {
			s.step(1)
		} else {
			s.repairStep()
		}
	}
	return f, nil
}

// restart searches again from the start with the missing edges added,
// from the mentor potentials prev ended with: cheaper than adding many
// edges one at a time.
func (s *solver) restart(prev *flow, missing [][]arc) (*flow, error) {
	for k, list := range missing {
		prev.arcs[k] = append(prev.arcs[k], list...)
	}
	f := newFlow(prev.arcs, s.room, prev.unassigned)
	f.warm(prev)
	return s.route(f, false)
}

// addAll adds the missing edges one at a time, each keeping the flow optimal.
func (s *solver) addAll(f *flow, missing [][]arc) error {
	for k, list := range missing {
		if k%64 == 0 && s.ctx.Err() != nil {
			return s.ctx.Err()
		}
		for _, a := range list {
			f.add(int32(k), a.to, a.cost)
		}
		s.repairStep()
	}
	return nil
}

// count adds up the lengths of lists.
func count(lists [][]arc) int {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	return n
}

// The work a run reports: scoring, routing and checking, a unit a free
// mentee each, then a quarter for the repair rounds the check may ask for,
// whose number nobody knows beforehand: each rerouted or repaired mentee
// is a unit of that quarter, never the last (finish reports it).
func (s *solver) total() int { return 4 * len(s.free) }

// step reports n more units of work done.
func (s *solver) step(n int) {
	if s.progress == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done += n
	s.progress(s.done, s.total())
}

// repairStep reports a unit of a repair round, staying short of the end.
func (s *solver) repairStep() {
	if s.progress == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done < s.total()-1 {
		s.done++
		s.progress(s.done, s.total())
	}
}

// finish reports the run done.
func (s *solver) finish() {
	if s.progress == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done = s.total()
	s.progress(s.done, s.total())
}

// rows runs fn over the free mentees' positions in chunks, on every core,
// reporting progress when report is set.
func (s *solver) rows(report bool, fn func(k int)) error {
	const chunk = 32
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for s.ctx.Err() == nil {
				lo := int(next.Add(chunk)) - chunk
				if lo >= len(s.free) {
					return
				}
				hi := min(lo+chunk, len(s.free))
				for k := lo; k < hi; k++ {
					fn(k)
				}
				if report {
					s.step(hi - lo)
				}
			}
		})
	}
	wg.Wait()
	return s.ctx.Err()
}

// result turns the flow and the pins into pairs, explained, and the
// mentees left over, with their reasons; both in mentee ID order.
func (s *solver) result(f *flow) Result {
	c := s.c
	mentor := make([]int, len(c.mentees))
	for i := range mentor {
		mentor[i] = -1
	}
	for i, j := range c.pinned {
		mentor[i] = j
	}
	for k, i := range s.free {
		mentor[i] = int(f.assign[k])
	}
	r := Result{Matches: []Match{}, Unmatched: []Unmatched{}}
	for i, j := range mentor {
		if j < 0 {
			r.Unmatched = append(r.Unmatched, Unmatched{Mentee: c.mentees[i].id, Reason: c.reason(i)})
			continue
		}
		_, pinned := c.pinned[i]
		x := c.explain(&c.mentees[i], &c.mentors[j])
		r.Matches = append(r.Matches, Match{Mentee: c.mentees[i].id, Mentor: c.mentors[j].id, Pinned: pinned, Explanation: x})
		r.Total += x.Total
	}
	return r
}
