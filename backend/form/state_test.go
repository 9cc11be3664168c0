package form

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestIncrementalFiguresMatchMeasure checks the search's cheap figures for a
// move or a swap against figures measured from scratch, on random cohorts.
func TestIncrementalFiguresMatchMeasure(t *testing.T) {
	asOf := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	r := rand.New(rand.NewPCG(1, 2))
	zones := []string{"America/New_York", "Europe/Madrid", "Asia/Kolkata", "Pacific/Auckland", "Pacific/Honolulu", ""}
	var people []Person
	var history []Pair
	for i := range 60 {
		people = append(people, Person{ID: fmt.Sprint(i), Name: fmt.Sprint(i), Role: Mentee,
			Organization: fmt.Sprint(r.IntN(8)), TimeZone: zones[r.IntN(len(zones))], StartDate: asOf.AddDate(0, -r.IntN(60), 0).Format(time.DateOnly)})
		if r.IntN(5) == 0 {
			people[i].Organization, people[i].StartDate = "", ""
		}
	}
	for range 120 {
		history = append(history, Pair{A: fmt.Sprint(r.IntN(60)), B: fmt.Sprint(r.IntN(60))})
	}
	c, err := prepare(people, history, asOf)
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Circles: 6, MinSize: 1, MaxSize: 60}.defaults()
	c.where = make([]int, len(people))
	where := make([]int, len(people))
	for p := range where {
		where[p], c.where[p] = r.IntN(6), -1
	}
	s := newState(c, o, where)
	for range 2000 {
		a, b := r.IntN(60), r.IntN(60)
		x, y := s.where[a], s.where[b]
		if x == y {
			continue
		}
		if r.IntN(2) == 0 {
			b = -1
		}
		nx, ny := s.with(x, a, b), s.with(y, b, a)
		px, py := s.drops[x][s.pos[a]].st, s.plus(y, &s.whole[y], a)
		if b >= 0 {
			px, py = s.plus(x, &s.drops[x][s.pos[a]], b), s.plus(y, &s.drops[y][s.pos[b]], a)
		}
		if !same(px, nx) || !same(py, ny) {
			t.Fatalf("figures from bases %+v %+v, from with %+v %+v", px, py, nx, ny)
		}
		s.relocate(a, y)
		if b >= 0 {
			s.relocate(b, x)
		}
		s.set(x, nx)
		s.set(y, ny)
		s.rebase(x)
		s.rebase(y)
		for _, k := range []int{x, y} {
			if want := measure(c, s.members[k]); !same(s.st[k], want) {
				t.Fatalf("circle %d: incremental %+v, measured %+v", k, s.st[k], want)
			}
		}
	}
	if !slices.ContainsFunc(s.st, func(st stats) bool { return st.histPairs > 0 && st.orgPairs > 0 }) {
		t.Fatal("the random cohort exercised neither history nor organizations")
	}
}

// same compares figures, allowing rounding in the tenure sum.
func same(a, b stats) bool {
	d := a.tSum - b.tSum
	a.tSum, b.tSum = 0, 0
	return a == b && d < 1e-9 && d > -1e-9
}

// TestZoneSpreadGoesRoundTheClock checks the shortest stretch holding every offset.
func TestZoneSpreadGoesRoundTheClock(t *testing.T) {
	for _, tc := range []struct {
		offs             []int
		spread, from, to int
	}{
		{nil, 0, 0, 0},
		{[]int{60}, 0, 60, 60},
		{[]int{clock(-300), clock(-120), clock(-240)}, 180, clock(-300), clock(-120)},
		{[]int{clock(720), clock(-660)}, 60, clock(720), clock(-660)}, // UTC+12 and UTC-11: 1 h apart round the date line
		{[]int{330, 0}, 330, 0, 330},
		{[]int{0, 480, 960}, 960, 0, 960},
	} {
		spread, from, to := zoneSpread(slices.Clone(tc.offs))
		if spread != tc.spread || from != tc.from || to != tc.to {
			t.Errorf("%v: got %d %d..%d, want %d %d..%d", tc.offs, spread, from, to, tc.spread, tc.from, tc.to)
		}
	}
}

// TestSeedSnakesByTenure checks the greedy seed: leaders spread one a
// circle, then everyone else dealt longest tenure first, 1, 2, 3, 3, 2, 1, ...
func TestSeedSnakesByTenure(t *testing.T) {
	asOf := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	var people []Person
	for i := range 12 {
		people = append(people, Person{ID: fmt.Sprintf("m%02d", i), Name: fmt.Sprint(i), Role: Mentee,
			StartDate: asOf.AddDate(-i-1, 0, 0).Format(time.DateOnly)}) // m11 longest
	}
	for i := range 3 {
		people = append(people, Person{ID: fmt.Sprintf("l%d", i), Name: fmt.Sprint(i), Role: Leader})
	}
	c, err := prepare(people, nil, asOf)
	if err != nil {
		t.Fatal(err)
	}
	o, err := Options{Circles: 3}.resolve(len(c.people), c.leaders())
	if err != nil {
		t.Fatal(err)
	}
	if err := c.pin(o); err != nil {
		t.Fatal(err)
	}
	where, err := seed(c, o)
	if err != nil {
		t.Fatal(err)
	}
	got := make([][]string, 3)
	for _, p := range c.people { // sorted by ID: leaders, then mentees m00..m11
		got[where[c.index[p.ID]]] = append(got[where[c.index[p.ID]]], p.ID)
	}
	want := [][]string{
		{"l0", "m00", "m05", "m06", "m11"},
		{"l1", "m01", "m04", "m07", "m10"},
		{"l2", "m02", "m03", "m08", "m09"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("seed\n got %v\nwant %v", got, want)
	}
}
