// Package form splits a cohort into circles: each of a size within a range,
// with one or two people who can lead, mixing tenures, organizations and
// people who have not met, in time zones close enough to meet. It is pure
// computation: plain structs in, plain structs out, no database.
//
// The method is a deterministic greedy seed (pins, then leaders, then a
// snake by tenure) improved by local search (moves and swaps that keep the
// hard rules and lower the objective) until a local optimum or a bound on
// passes. The same input and seed give the same circles, whatever the
// order of the people in the input.
package form

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"circlebook/backend/fold"
)

// Input is a cohort to split, who met before, and how to split it.
type Input struct {
	People  []Person `json:"people"`
	History []Pair   `json:"history"` // pairs already in a circle together; people outside the cohort are ignored
	Options Options  `json:"options"`
}

// Circle is one proposed circle: its members' IDs (leaders first, then by
// name) and what its mix is.
type Circle struct {
	Members     []string    `json:"members"`
	Explanation Explanation `json:"explanation"`
}

// Result is a proposed split of the cohort.
type Result struct {
	Circles  []Circle `json:"circles"`  // in index order: a pin to circle k is Circles[k]
	Cost     float64  `json:"cost"`     // the objective: the sum of the circles' costs, lower is better
	SeedCost float64  `json:"seedCost"` // the objective of the greedy seed, before local search
	Passes   int      `json:"passes"`   // local search passes run
	Options  Options  `json:"options"`  // the options as resolved: K, the size range, defaults; pass them to Move
}

// Form splits the cohort into circles. progress, when not nil, is called as
// the search goes, with total an upper bound it jumps to when the search
// stops early. A cohort that cannot meet the hard rules returns an
// *apperr.Error of code Invalid naming the field.
func Form(in Input, progress func(done, total int)) (Result, error) {
	c, o, err := setUp(in)
	if err != nil {
		return Result{}, err
	}
	where, err := seed(c, o)
	if err != nil {
		return Result{}, err
	}
	s := newState(c, o, where)
	seedCost := s.total()
	passes := improve(s, rand.New(rand.NewPCG(o.Seed, 0x9e3779b97f4a7c15)), progress)
	r := result(s)
	r.SeedCost, r.Passes = seedCost, passes
	return r, nil
}

// setUp checks the input and returns the cohort with its pins and the
// resolved options.
func setUp(in Input) (*cohort, Options, error) {
	o := in.Options.defaults()
	c, err := prepare(in.People, in.History, o.AsOf)
	if err != nil {
		return nil, o, err
	}
	if o, err = o.resolve(len(c.people), c.leaders()); err != nil {
		return nil, o, err
	}
	return c, o, c.pin(o)
}

// result writes a placement out as circles with their explanations.
func result(s *state) Result {
	r := Result{Cost: s.total(), Options: s.o, Circles: make([]Circle, len(s.members))}
	for k, m := range s.members {
		m = slices.Clone(m)
		slices.SortFunc(m, s.c.memberOrder)
		ids := make([]string, len(m))
		for i, p := range m {
			ids[i] = s.c.people[p].ID
		}
		r.Circles[k] = Circle{Members: ids, Explanation: explain(s.c, s.o, m)}
	}
	return r
}

// memberOrder sorts a circle's members: leaders first, then by folded
// name, then by ID.
func (c *cohort) memberOrder(a, b int) int {
	if c.leads[a] != c.leads[b] {
		if c.leads[a] {
			return -1
		}
		return 1
	}
	return cmp.Or(cmp.Compare(fold.Key(c.people[a].Name), fold.Key(c.people[b].Name)), cmp.Compare(a, b))
}
