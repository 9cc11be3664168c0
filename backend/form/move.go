package form

import (
	"circlebook/backend/apperr"
)

// Move moves one person to circle to (0-based) in a proposed split, as the
// leader does by keyboard or drag, and returns the split with the two
// circles' explanations and the cost worked out again. in is the cohort
// and, in in.Options, the Result.Options that Form returned. A move that
// breaks a hard rule (a circle's size or leaders out of range, a pinned
// person) returns an *apperr.Error of code Invalid and changes nothing.
func Move(in Input, circles []Circle, person string, to int) (Result, error) {
	c, o, err := setUp(in)
	if err != nil {
		return Result{}, err
	}
	where, err := placement(c, o, circles)
	if err != nil {
		return Result{}, err
	}
	p, ok := c.index[person]
	switch {
	case !ok:
		return Result{}, apperr.New(apperr.Invalid, "person", "No person with ID %q is in the cohort.", person)
	case to < 0 || to >= o.Circles:
		return Result{}, apperr.New(apperr.Invalid, "circle", "There is no circle %d; there are circles 1 to %d.", to+1, o.Circles)
	case c.where[p] >= 0 && c.where[p] != to:
		return Result{}, apperr.New(apperr.Invalid, "pinned", "%s is pinned to circle %d; unpin them first.", c.people[p].Name, c.where[p]+1)
	}
	s := newState(c, o, where)
	before := s.total()
	if from := where[p]; from != to {
		nf, nt := s.with(from, p, -1), s.with(to, -1, p)
		if err := s.check(from, nf); err != nil {
			return Result{}, err
		}
		if err := s.check(to, nt); err != nil {
			return Result{}, err
		}
		s.relocate(p, to)
		s.set(from, nf)
		s.set(to, nt)
	}
	r := result(s)
	r.SeedCost = before
	return r, nil
}

// placement reads circles of member IDs back as each person's circle,
// checking that they place the whole cohort once each, pins kept.
func placement(c *cohort, o Options, circles []Circle) ([]int, error) {
	if len(circles) != o.Circles {
		return nil, apperr.New(apperr.Invalid, "circles", "There are %d circles; the options say %d.", len(circles), o.Circles)
	}
	where := make([]int, len(c.people))
	for i := range where {
		where[i] = -1
	}
	for k, ci := range circles {
		for _, id := range ci.Members {
			p, ok := c.index[id]
			switch {
			case !ok:
				return nil, apperr.New(apperr.Invalid, "circles", "Circle %d holds %q, who is not in the cohort.", k+1, id)
			case where[p] >= 0:
				return nil, apperr.New(apperr.Invalid, "circles", "%s is in more than one circle.", c.people[p].Name)
			case c.where[p] >= 0 && c.where[p] != k:
				return nil, apperr.New(apperr.Invalid, "pinned", "%s is pinned to circle %d but placed in circle %d.", c.people[p].Name, c.where[p]+1, k+1)
			}
			where[p] = k
		}
	}
	for p, k := range where {
		if k < 0 {
			return nil, apperr.New(apperr.Invalid, "circles", "%s is in no circle.", c.people[p].Name)
		}
	}
	return where, nil
}

// check reports how circle k's new figures would break a hard rule.
func (s *state) check(k int, n stats) error {
	switch {
	case n.size > s.o.MaxSize:
		return apperr.New(apperr.Invalid, "circle", "Circle %d would have %d members; at most %d.", k+1, n.size, s.o.MaxSize)
	case n.size < s.o.MinSize:
		return apperr.New(apperr.Invalid, "circle", "Circle %d would have %d members; at least %d.", k+1, n.size, s.o.MinSize)
	case n.leaders > s.o.MaxLeaders:
		return apperr.New(apperr.Invalid, "circle", "Circle %d would have %d leaders or mentors; at most %d.", k+1, n.leaders, s.o.MaxLeaders)
	case n.leaders < s.o.MinLeaders:
		return apperr.New(apperr.Invalid, "circle", "Circle %d would have %d leaders or mentors; at least %d.", k+1, n.leaders, s.o.MinLeaders)
	}
	return nil
}
