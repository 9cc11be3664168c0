package form_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/form"
)

// asOf is the fixed day every test reads tenures and offsets at.
var asOf = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// zones are the time zones random cohorts draw from.
var zones = []string{"America/New_York", "America/Sao_Paulo", "Europe/London", "Europe/Madrid", "Africa/Lagos", "Asia/Kolkata", "Asia/Tokyo", ""}

// cohort builds n random people, about one in leaderEvery able to lead,
// with history among about a tenth of them.
func cohort(seed uint64, n, leaderEvery int) form.Input {
	r := rand.New(rand.NewPCG(seed, 1))
	in := form.Input{Options: form.Options{AsOf: asOf, Seed: 7}}
	for i := range n {
		p := form.Person{ID: fmt.Sprintf("p%04d", i), Name: fmt.Sprintf("Person %d", i), Role: form.Mentee,
			Organization: fmt.Sprintf("Org %d", r.IntN(max(2, n/6))), TimeZone: zones[r.IntN(len(zones))]}
		if r.IntN(10) > 0 {
			p.StartDate = asOf.AddDate(0, -6-r.IntN(48), -r.IntN(28)).Format(time.DateOnly)
		}
		if i%leaderEvery == 0 {
			p.Role = form.Mentor
		}
		in.People = append(in.People, p)
	}
	for range n / 10 {
		a, b := r.IntN(n), r.IntN(n)
		in.History = append(in.History, form.Pair{A: in.People[a].ID, B: in.People[b].ID, Circle: "Data Guild"})
	}
	return in
}

// mustForm forms in or fails the test.
func mustForm(t testing.TB, in form.Input) form.Result {
	t.Helper()
	r, err := form.Form(in, nil)
	if err != nil {
		t.Fatalf("Form: %v", err)
	}
	return r
}

// byID indexes a cohort's people.
func byID(in form.Input) map[string]form.Person {
	m := map[string]form.Person{}
	for _, p := range in.People {
		m[p.ID] = p
	}
	return m
}

// checkRules fails the test when r breaks a hard rule for in.
func checkRules(t *testing.T, in form.Input, r form.Result) {
	t.Helper()
	people, seen := byID(in), map[string]int{}
	o := r.Options
	for k, c := range r.Circles {
		if n := len(c.Members); n < o.MinSize || n > o.MaxSize {
			t.Errorf("circle %d has %d members, not %d to %d", k, n, o.MinSize, o.MaxSize)
		}
		leaders := 0
		for _, id := range c.Members {
			if _, dup := seen[id]; dup {
				t.Errorf("%s placed twice", id)
			}
			seen[id] = k
			if people[id].Leads() {
				leaders++
			}
		}
		if leaders < o.MinLeaders || leaders > o.MaxLeaders {
			t.Errorf("circle %d has %d leaders, not %d to %d", k, leaders, o.MinLeaders, o.MaxLeaders)
		}
	}
	if len(seen) != len(in.People) {
		t.Errorf("%d of %d people placed", len(seen), len(in.People))
	}
	for id, k := range in.Options.Pinned {
		if seen[id] != k {
			t.Errorf("%s pinned to %d, placed in %d", id, k, seen[id])
		}
	}
}

func TestFormKeepsHardRulesOnRandomCohorts(t *testing.T) {
	for seed := range uint64(40) {
		in := cohort(seed, 20+int(seed)*7, 6)
		in.Options.MinSize, in.Options.MaxSize = 5, 9
		in.Options.Pinned = map[string]int{in.People[3].ID: 0, in.People[int(seed)+5].ID: 1}
		r, err := form.Form(in, nil)
		if err != nil {
			t.Fatalf("seed %d (%d people): %v", seed, len(in.People), err)
		}
		checkRules(t, in, r)
		if r.Cost > r.SeedCost+1e-9 {
			t.Errorf("seed %d: local search made it worse: %g > %g", seed, r.Cost, r.SeedCost)
		}
	}
}

func TestFormIsDeterministic(t *testing.T) {
	in := cohort(3, 120, 7)
	in.Options.Circles = 12
	in.Options.MinSize, in.Options.MaxSize = 8, 12
	want := mustForm(t, in)
	if got := mustForm(t, in); !reflect.DeepEqual(got, want) {
		t.Fatal("the same input formed different circles")
	}
	shuffled := in
	shuffled.People = slices.Clone(in.People)
	shuffled.History = slices.Clone(in.History)
	r := rand.New(rand.NewPCG(9, 9))
	r.Shuffle(len(shuffled.People), func(i, j int) { shuffled.People[i], shuffled.People[j] = shuffled.People[j], shuffled.People[i] })
	r.Shuffle(len(shuffled.History), func(i, j int) { shuffled.History[i], shuffled.History[j] = shuffled.History[j], shuffled.History[i] })
	if got := mustForm(t, shuffled); !reflect.DeepEqual(got.Circles, want.Circles) {
		t.Fatal("shuffling the input changed the circles")
	}
}

func TestFormAvoidsHistoryWhenItCan(t *testing.T) {
	// Eight people, two circles of four. Ana met Bo and Ed, Cy met Di; the
	// snake seed puts Ana and Bo together (neighbouring tenures), and a
	// split with no two who met exists (Ana, Cy, Fa, Gu | Bo, Di, Ed, Hu).
	in := form.Input{Options: form.Options{AsOf: asOf, Circles: 2}}
	names := []string{"Ana", "Bo", "Cy", "Di", "Ed", "Fa", "Gu", "Hu"}
	for i, n := range names {
		p := form.Person{ID: n, Name: n, Role: form.Mentee, Organization: "Org " + n, TimeZone: "Europe/Madrid",
			StartDate: asOf.AddDate(0, -6*(8-i), 0).Format(time.DateOnly)}
		if i >= 6 {
			p.Role = form.Leader
		}
		in.People = append(in.People, p)
	}
	in.History = []form.Pair{{A: "Ana", B: "Bo", Circle: "Data Guild"}, {A: "Di", B: "Cy"}, {A: "Ed", B: "Ana"}}
	r := mustForm(t, in)
	checkRules(t, in, r)
	for k, c := range r.Circles {
		if len(c.Explanation.MetBefore) > 0 {
			t.Errorf("circle %d holds people who met before: %v (members %v)", k, c.Explanation.MetBefore, c.Members)
		}
		if !slices.Contains(c.Explanation.Sentences, "No two met before") {
			t.Errorf("circle %d sentences %q", k, c.Explanation.Sentences)
		}
	}
}

func TestFormMixesOrganizationsAndZones(t *testing.T) {
	// Twelve people in three circles: four orgs of three people, and two
	// far-apart zone groups that cannot all share a circle cheaply.
	in := form.Input{Options: form.Options{AsOf: asOf, Circles: 3, Seed: 1}}
	for i := range 12 {
		tz := "America/New_York"
		if i%4 >= 2 {
			tz = "Asia/Tokyo"
		}
		p := form.Person{ID: fmt.Sprintf("p%02d", i), Name: fmt.Sprintf("P%d", i), Role: form.Mentee,
			Organization: fmt.Sprintf("Org %d", i/3), TimeZone: tz, StartDate: asOf.AddDate(-1-i%4, 0, 0).Format(time.DateOnly)}
		if i%4 == 0 {
			p.Role = form.Leader
		}
		in.People = append(in.People, p)
	}
	r := mustForm(t, in)
	checkRules(t, in, r)
	for k, c := range r.Circles {
		if c.Explanation.MostFromOne > 2 {
			t.Errorf("circle %d has %d from %s", k, c.Explanation.MostFromOne, c.Explanation.MostOrg)
		}
	}
	if r.Cost >= r.SeedCost {
		t.Errorf("search did not improve on the seed: %g >= %g", r.Cost, r.SeedCost)
	}
}

func TestExplanationMatchesRecomputation(t *testing.T) {
	in := cohort(11, 60, 6)
	in.Options.MinSize, in.Options.MaxSize = 6, 8
	r := mustForm(t, in)
	people := byID(in)
	met := map[[2]string]bool{}
	for _, h := range in.History {
		met[[2]string{h.A, h.B}], met[[2]string{h.B, h.A}] = true, true
	}
	for k, c := range r.Circles {
		e := c.Explanation
		lo, hi, known, orgs, pairs := math.Inf(1), math.Inf(-1), 0, map[string]int{}, 0
		var offs []int
		for i, id := range c.Members {
			p := people[id]
			if p.StartDate != "" {
				d, _ := time.Parse(time.DateOnly, p.StartDate)
				y := asOf.Sub(d).Hours() / 24 / 365.25
				lo, hi, known = math.Min(lo, y), math.Max(hi, y), known+1
			}
			if p.Organization != "" {
				orgs[p.Organization]++
			}
			if p.TimeZone != "" {
				loc, _ := time.LoadLocation(p.TimeZone)
				_, off := asOf.In(loc).Zone()
				offs = append(offs, off/60)
			}
			for _, q := range c.Members[:i] {
				if met[[2]string{id, q}] {
					pairs++
				}
			}
		}
		most := 0
		for _, n := range orgs {
			most = max(most, n)
		}
		if known != e.TenureKnown || math.Abs(lo-e.TenureMin) > 1e-9 || math.Abs(hi-e.TenureMax) > 1e-9 {
			t.Errorf("circle %d tenure %d %g..%g, explained %d %g..%g", k, known, lo, hi, e.TenureKnown, e.TenureMin, e.TenureMax)
		}
		if len(orgs) != e.Organizations || most != e.MostFromOne || pairs != len(e.MetBefore) || len(offs) != e.ZonesKnown {
			t.Errorf("circle %d: orgs %d most %d met %d zones %d; explained %+v", k, len(orgs), most, pairs, len(offs), e)
		}
		if want := clockSpread(offs); math.Abs(e.ZoneSpread*60-float64(want)) > 1e-9 {
			t.Errorf("circle %d zone spread %d min, explained %g h", k, want, e.ZoneSpread)
		}
		if len(c.Members) != e.Size {
			t.Errorf("circle %d size %d, explained %d", k, len(c.Members), e.Size)
		}
	}
}

// clockSpread is the shortest stretch of the clock holding every offset,
// by brute force: from each offset, the furthest reach east to any other.
func clockSpread(offs []int) int {
	best := 0
	for i, from := range offs {
		reach := 0
		for _, o := range offs {
			reach = max(reach, ((o-from)%1440+1440)%1440)
		}
		if i == 0 || reach < best {
			best = reach
		}
	}
	return best
}

func TestExplanationSentences(t *testing.T) {
	in := form.Input{Options: form.Options{AsOf: asOf, Circles: 1}, History: []form.Pair{{A: "a", B: "b", Circle: "Data Guild"}}}
	add := func(id, name, org, tz, start string, role form.Role) {
		in.People = append(in.People, form.Person{ID: id, Name: name, Role: role, Organization: org, TimeZone: tz, StartDate: start})
	}
	add("a", "Ana", "Acme", "America/New_York", "2025-12-01", form.Leader)   // 0.5 years, UTC-4 in June
	add("b", "Bo", "Acme", "America/Sao_Paulo", "2022-06-01", form.Mentee)   // 4 years, UTC-3
	add("c", "Cy", "Globex", "America/Sao_Paulo", "2024-06-01", form.Mentee) // UTC-3
	add("d", "Di", "Initech", "America/Noronha", "2023-06-01", form.Mentee)  // UTC-2
	add("e", "Ed", "Umbrella", "America/New_York", "2024-01-01", form.Mentee)
	r := mustForm(t, in)
	want := []string{
		"Led by Ana",
		"Tenure 0.5 to 4 years (spread 3.5)",
		"4 organizations, none more than 2",
		"Time zones within 2 h (UTC-4 to UTC-2)",
		"Ana and Bo were in Data Guild together",
	}
	if got := r.Circles[0].Explanation.Sentences; !reflect.DeepEqual(got, want) {
		t.Errorf("sentences\n got %q\nwant %q", got, want)
	}
}

func TestImpossibleInputsGiveTypedErrors(t *testing.T) {
	base := func() form.Input { return cohort(5, 30, 10) } // 3 who can lead
	cases := []struct {
		name, field string
		edit        func(*form.Input)
	}{
		{"too few leaders", "leaders", func(in *form.Input) { in.Options.Circles = 4 }},
		{"too many leaders", "leaders", func(in *form.Input) { in.Options.Circles = 1 }},
		{"size range impossible", "size", func(in *form.Input) { in.Options.Circles, in.Options.MinSize, in.Options.MaxSize = 3, 11, 12 }},
		{"no split fits", "size", func(in *form.Input) { in.Options.MinSize, in.Options.MaxSize = 7, 7 }},
		{"range upside down", "size", func(in *form.Input) { in.Options.MinSize, in.Options.MaxSize = 9, 8 }},
		{"nothing asked", "circles", func(in *form.Input) {}},
		{"circles too small", "circles", func(in *form.Input) { in.Options.Circles = 20 }},
		{"leaders out of range", "leaders", func(in *form.Input) { in.Options.Circles, in.Options.MaxLeaders = 3, 3 }},
		{"unknown zone", "timeZone", func(in *form.Input) { in.Options.Circles = 3; in.People[4].TimeZone = "Mars/Base" }},
		{"bad date", "startDate", func(in *form.Input) { in.Options.Circles = 3; in.People[4].StartDate = "31/12/2020" }},
		{"duplicate ID", "people", func(in *form.Input) { in.Options.Circles = 3; in.People[4].ID = in.People[5].ID }},
		{"empty cohort", "people", func(in *form.Input) { in.People = nil }},
		{"pin to no circle", "pinned", func(in *form.Input) { in.Options.Circles = 3; in.Options.Pinned = map[string]int{"p0004": 3} }},
		{"pin nobody", "pinned", func(in *form.Input) { in.Options.Circles = 3; in.Options.Pinned = map[string]int{"nobody": 0} }},
		{"two leaders pinned to one circle of three", "pinned", func(in *form.Input) {
			in.Options.Circles = 3
			in.Options.Pinned = map[string]int{"p0000": 0, "p0010": 0}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := base()
			tc.edit(&in)
			_, err := form.Form(in, nil)
			var ae *apperr.Error
			if !errors.As(err, &ae) || ae.Code != apperr.Invalid || ae.Field != tc.field {
				t.Fatalf("got %v, want an Invalid error on %q", err, tc.field)
			}
			if ae.Message == "" {
				t.Error("no message")
			}
		})
	}
}

func TestFormReportsProgress(t *testing.T) {
	in := cohort(2, 100, 8)
	in.Options.MinSize, in.Options.MaxSize = 8, 12
	last, calls := 0, 0
	_, err := form.Form(in, func(done, total int) {
		calls++
		if done < last || done > total {
			t.Fatalf("progress %d of %d after %d", done, total, last)
		}
		last = done
		if calls == 1 && total == 0 {
			t.Fatal("no total")
		}
	})
	if err != nil || calls < 2 {
		t.Fatalf("err %v, %d progress calls", err, calls)
	}
}
