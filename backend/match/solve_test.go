package match

import (
	"context"
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"circlebook/backend/apperr"
)

// brute finds the best (matched, total) of p by trying every assignment of
// the free mentees: each to a feasible mentor with room, or to none.
func brute(t *testing.T, p Problem) (matched, total int) {
	t.Helper()
	c, err := compile(p)
	if err != nil {
		t.Fatal(err)
	}
	room := make([]int, len(c.mentors))
	for j, m := range c.mentors {
		room[j] = m.capacity
	}
	for i, j := range c.pinned {
		room[j]--
		matched++
		total += c.score(&c.mentees[i], &c.mentors[j])
	}
	var free []int
	for i := range c.mentees {
		if _, ok := c.pinned[i]; !ok {
			free = append(free, i)
		}
	}
	bestM, bestT := -1, -1
	var try func(k, m, s int)
	try = func(k, m, s int) {
		if k == len(free) {
			if m > bestM || m == bestM && s > bestT {
				bestM, bestT = m, s
			}
			return
		}
		try(k+1, m, s)
		for j := range c.mentors {
			if room[j] > 0 && c.feasible(free[k], j) {
				room[j]--
				try(k+1, m+1, s+c.score(&c.mentees[free[k]], &c.mentors[j]))
				room[j]++
			}
		}
	}
	try(0, 0, 0)
	return matched + bestM, total + bestT
}

// checkRules fails t if r breaks a hard rule of p: a mentor over capacity,
// a banned pair, a lost pin, a mentee twice, an infeasible unpinned pair,
// or parts that do not add up.
func checkRules(t *testing.T, p Problem, r Result) {
	t.Helper()
	c, err := compile(p)
	if err != nil {
		t.Fatal(err)
	}
	mentee, mentor := indexOf(c.mentees), indexOf(c.mentors)
	load, seen := map[string]int{}, map[string]bool{}
	sum := 0
	for _, m := range r.Matches {
		load[m.Mentor]++
		if load[m.Mentor] > c.mentors[mentor[m.Mentor]].capacity {
			t.Errorf("%s is over capacity", m.Mentor)
		}
		if seen[m.Mentee] {
			t.Errorf("%s matched twice", m.Mentee)
		}
		seen[m.Mentee] = true
		pair := Pair{m.Mentee, m.Mentor}
		if contains(p.Constraints.Banned, pair) {
			t.Errorf("banned pair %v produced", pair)
		}
		if m.Pinned != contains(p.Constraints.Pinned, pair) {
			t.Errorf("pair %v pinned %v", pair, m.Pinned)
		}
		if !m.Pinned && !c.feasible(mentee[m.Mentee], mentor[m.Mentor]) {
			t.Errorf("infeasible pair %v produced", pair)
		}
		parts := 0
		for _, part := range m.Explanation.Parts {
			parts += part.Points
		}
		if parts != m.Explanation.Total {
			t.Errorf("%v: parts add to %d, total %d", pair, parts, m.Explanation.Total)
		}
		sum += parts
	}
	for _, pin := range p.Constraints.Pinned {
		if !slices.ContainsFunc(r.Matches, func(m Match) bool { return m.Mentee == pin.Mentee && m.Mentor == pin.Mentor }) {
			t.Errorf("pin %v lost", pin)
		}
	}
	for _, u := range r.Unmatched {
		if seen[u.Mentee] || u.Reason == "" {
			t.Errorf("unmatched %v", u)
		}
		seen[u.Mentee] = true
	}
	if len(seen) != len(c.mentees) || sum != r.Total {
		t.Errorf("%d of %d mentees answered for; total %d, parts %d", len(seen), len(c.mentees), r.Total, sum)
	}
}

func TestSolveEqualsBruteForceOnSmallCohorts(t *testing.T) {
	restarts, added := 0, 0
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 1))
		s := shape{mentees: 1 + r.IntN(8), mentors: r.IntN(9), orgs: 1 + r.IntN(3), banRate: 0.3, pinRate: 0.15, rules: seed%2 == 0}
		p := randomProblem(seed, s)
		wantM, wantT := brute(t, p)
		for _, tu := range []tuning{{1, 0}, {1, 10}, {2, 10}, defaultTuning} {
			got, st, err := solve(context.Background(), p, nil, tu)
			if err != nil {
				t.Fatal(err)
			}
			checkRules(t, p, got)
			if len(got.Matches) != wantM || got.Total != wantT {
				t.Fatalf("seed %d %+v %+v: matched %d total %d, brute force %d %d", seed, s, tu, len(got.Matches), got.Total, wantM, wantT)
			}
			restarts, added = restarts+st.restarts, added+st.added
		}
	}
	if restarts == 0 || added == 0 {
		t.Fatalf("the dual check restarted %d times and added %d edges: not exercised", restarts, added)
	}
}

func TestSolveWithoutTheScoreMatrix(t *testing.T) {
	defer func(n int) { maxMatrix = n }(maxMatrix)
	for seed := range uint64(40) {
		p := randomProblem(seed, shape{mentees: 6, mentors: 5, orgs: 2, banRate: 0.3, pinRate: 0.1, rules: true})
		wantM, wantT := brute(t, p)
		maxMatrix = 0
		got, _, err := solve(context.Background(), p, nil, tuning{1, 1})
		maxMatrix = 64 << 20
		if err != nil || len(got.Matches) != wantM || got.Total != wantT {
			t.Fatalf("seed %d: %d pairs %d points (%v), brute force %d %d", seed, len(got.Matches), got.Total, err, wantM, wantT)
		}
	}
}

func TestSolveKeepsRulesAndBeatsGreedy(t *testing.T) {
	for seed := range uint64(6) {
		p := randomProblem(seed, shape{mentees: 400, mentors: 150, orgs: 5, banRate: 0.5, pinRate: 0.05, rules: seed%2 == 1})
		got, err := Solve(context.Background(), p, nil)
		if err != nil {
			t.Fatal(err)
		}
		checkRules(t, p, got)
		g, err := greedy(p)
		if err != nil {
			t.Fatal(err)
		}
		checkRules(t, p, g)
		if len(got.Matches) < len(g.Matches) || len(got.Matches) == len(g.Matches) && got.Total < g.Total {
			t.Errorf("seed %d: optimal %d pairs %d points, greedy %d pairs %d points", seed, len(got.Matches), got.Total, len(g.Matches), g.Total)
		}
	}
}

func TestSolveIsDeterministicInAnyOrder(t *testing.T) {
	p := randomProblem(7, shape{mentees: 300, mentors: 120, orgs: 4, banRate: 0.3, pinRate: 0.05, rules: true})
	first, err := Solve(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 7))
	for range 3 {
		q := p
		q.People = slices.Clone(p.People)
		r.Shuffle(len(q.People), func(i, j int) { q.People[i], q.People[j] = q.People[j], q.People[i] })
		again, err := Solve(context.Background(), q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(first, again) {
			t.Fatal("a shuffled cohort matched differently")
		}
	}
}

func TestSolveReportsProgressToTheEnd(t *testing.T) {
	p := randomProblem(3, shape{mentees: 200, mentors: 80, orgs: 3})
	last, calls := 0, 0
	_, err := Solve(context.Background(), p, func(done, total int) {
		calls++
		if done < last || done > total {
			t.Errorf("progress %d of %d after %d", done, total, last)
		}
		last = done
		if done == total && total != 800 {
			t.Errorf("total %d", total)
		}
	})
	if err != nil || last != 800 || calls < 3 {
		t.Fatalf("err %v, last %d after %d calls", err, last, calls)
	}
}

func TestSolveStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Solve(ctx, randomProblem(1, shape{mentees: 100, mentors: 40}), nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
}

func TestSolveGivesReasons(t *testing.T) {
	p := Problem{Weights: DefaultWeights(), Constraints: Constraints{MustShareLanguage: true, Banned: []Pair{{"e2", "m1"}}}, People: []Candidate{
		{ID: "e1", Role: Mentee, Languages: []string{"Spanish"}, GrowthAreas: []string{"hiring"}},
		{ID: "e2", Role: Mentee, Languages: []string{"Spanish"}},
		{ID: "e3", Role: Mentee, Languages: []string{"Polish"}},
		{ID: "e4", Role: Mentee, Languages: []string{"English"}},
		{ID: "m1", Role: Mentor, Capacity: 1, Languages: []string{"SPANISH", "English"}, Strengths: []string{"Hiring"}},
		{ID: "m2", Role: Mentor, Capacity: 1, Languages: []string{"Polish", "English"}},
	}}
	got, err := Solve(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []Unmatched{
		{"e2", "No feasible mentor: banned with 1, no shared language with 1"},
		{"e4", "Both feasible mentors are taken by other mentees"},
	}
	if !reflect.DeepEqual(got.Unmatched, want) {
		t.Fatalf("unmatched %+v", got.Unmatched)
	}
}

func TestSolveRefusesBadInput(t *testing.T) {
	ok := []Candidate{{ID: "e", Role: Mentee}, {ID: "m", Role: Mentor, Capacity: 1}}
	cases := map[string]struct {
		p    Problem
		code apperr.Code
	}{
		"twice":         {Problem{People: append(slices.Clone(ok), Candidate{ID: "e", Role: Mentee})}, apperr.Invalid},
		"role":          {Problem{People: []Candidate{{ID: "x", Role: "both"}}}, apperr.Invalid},
		"zone":          {Problem{People: []Candidate{{ID: "x", Role: Mentee, TimeZone: "Mars/Olympus"}}}, apperr.Invalid},
		"weight":        {Problem{People: ok, Weights: Weights{GrowthAreas: -1}}, apperr.Invalid},
		"pin unknown":   {Problem{People: ok, Constraints: Constraints{Pinned: []Pair{{"e", "nobody"}}}}, apperr.Invalid},
		"pin banned":    {Problem{People: ok, Constraints: Constraints{Pinned: []Pair{{"e", "m"}}, Banned: []Pair{{"e", "m"}}}}, apperr.Conflict},
		"over capacity": {Problem{People: append(slices.Clone(ok), Candidate{ID: "f", Role: Mentee}), Constraints: Constraints{Pinned: []Pair{{"e", "m"}, {"f", "m"}}}}, apperr.Conflict},
		"synonym twice": {Problem{People: ok, Vocabulary: Vocabulary{"a": {"x"}, "b": {"X"}}}, apperr.Invalid},
	}
	for name, tc := range cases {
		_, err := Solve(context.Background(), tc.p, nil)
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Code != tc.code {
			t.Errorf("%s: err %v", name, err)
		}
	}
}

func TestSolveEdgeCohorts(t *testing.T) {
	cases := map[string]struct {
		people    []Candidate
		unmatched []Unmatched
	}{
		"empty":        {nil, []Unmatched{}},
		"only mentors": {[]Candidate{{ID: "m", Role: Mentor}}, []Unmatched{}},
		"only mentees": {[]Candidate{{ID: "e", Role: Mentee}}, []Unmatched{{"e", "No mentors in the cohort"}}},
	}
	for name, tc := range cases {
		got, err := Solve(context.Background(), Problem{People: tc.people, Weights: DefaultWeights()}, nil)
		if err != nil || len(got.Matches) != 0 || !reflect.DeepEqual(got.Unmatched, tc.unmatched) {
			t.Errorf("%s: %+v, %v", name, got, err)
		}
	}
}
