package pairing_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/form"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/match"
	"circlebook/backend/model"
	"circlebook/backend/pairing"

	"gorm.io/gorm"
)

// cohort adds a cohort of mentors and mentees: mentor i of mentors grows
// people in "skill i", mentee i wants "skill i % mentors"; a person out of
// the cohort is left alone.
func cohort(t *testing.T, mentors, mentees int) (*gorm.DB, testdb.Fixture) {
	t.Helper()
	st, f := testdb.New(t)
	for i := range mentors {
		f.Person(fmt.Sprintf("Mentor %02d", i), func(p *model.Person) {
			p.Cohort, p.RoleWanted, p.Capacity, p.Strengths = "2026 spring", "mentor", 2, fmt.Sprintf("skill %d, listening", i)
			p.Organization, p.TimeZone, p.StartDate, p.Languages = fmt.Sprintf("Org %d", i%3), "Europe/Madrid", "2020-01-15", "Spanish, English"
		})
	}
	for i := range mentees {
		f.Person(fmt.Sprintf("Mentee %02d", i), func(p *model.Person) {
			p.Cohort, p.RoleWanted, p.GrowthAreas = "2026 spring", "mentee", fmt.Sprintf("skill %d", i%max(mentors, 1))
			p.Organization, p.TimeZone, p.StartDate, p.Languages = fmt.Sprintf("Org %d", (i+1)%3), "Europe/London", "2025-09-01", "English"
		})
	}
	f.Person("Outsider", func(p *model.Person) { p.RoleWanted = "mentor"; p.Strengths = "skill 0" })
	return st.DB, f
}

func TestSuggestThenPublishPairs(t *testing.T) {
	db, f := cohort(t, 3, 5)
	p := pairing.New(db, testdb.Now)
	s, err := p.Suggest(pairing.MatchRequest{Selection: pairing.Selection{Cohort: "2026 spring"}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Mentors != 3 || s.Mentees != 5 || len(s.Matches) != 5 || len(s.Unmatched) != 0 {
		t.Fatalf("suggestion: %d mentors, %d mentees, %d matches, %d unmatched", s.Mentors, s.Mentees, len(s.Matches), len(s.Unmatched))
	}
	if pr := p.Progress(); pr.Running || pr.What != "matching" || pr.Total == 0 || pr.Done != pr.Total {
		t.Errorf("progress after the run: %+v", pr)
	}
	for _, m := range s.Matches {
		mentee, mentor := s.Names[m.Mentee], s.Names[m.Mentor]
		var i, j int
		fmt.Sscanf(mentee, "Mentee %d", &i)
		fmt.Sscanf(mentor, "Mentor %d", &j)
		if i%3 != j || !strings.Contains(explain(m), "Strengths cover 1 of 1 growth areas") {
			t.Errorf("%s was matched with %s: %s", mentee, mentor, explain(m))
		}
	}
	before := f.Count("circles")
	if got := f.Count("circles"); got != before {
		t.Fatalf("Suggest wrote circles")
	}
	pairs := make([]match.Pair, len(s.Matches))
	for i, m := range s.Matches {
		pairs[i] = match.Pair{Mentee: m.Mentee, Mentor: m.Mentor}
	}
	pub, err := p.Publish(pairing.PublishRequest{Cohort: "2026 spring", Pairs: pairs, FirstSession: "2026-12-07"})
	if err != nil || len(pub.Circles) != 5 || len(pub.Skipped) != 0 {
		t.Fatalf("publish: %+v %v", pub, err)
	}
	var c model.Circle
	if err := db.Preload("Memberships").Preload("Sessions").First(&c, pub.Circles[0]).Error; err != nil {
		t.Fatal(err)
	}
	if c.Kind != model.KindPair || c.Cohort != "2026 spring" || len(c.Memberships) != 2 || len(c.Sessions) != 1 ||
		c.Sessions[0].StartsAt != "2026-12-07T17:00" || c.Sessions[0].Status != model.SessionPlanned || !strings.Contains(c.Name, " & ") {
		t.Errorf("the pair's circle: %+v", c)
	}
	again, err := p.Publish(pairing.PublishRequest{Cohort: "2026 spring", Pairs: pairs, FirstSession: "2026-12-07"})
	if err != nil || len(again.Circles) != 0 || len(again.Skipped) != 5 || f.Count("circles") != before+5 {
		t.Errorf("publishing again: %+v %v, %d circles", again, err, f.Count("circles"))
	}
}

// explain joins a match's explanation texts.
func explain(m match.Match) string {
	var parts []string
	for _, p := range m.Explanation.Parts {
		parts = append(parts, p.Text)
	}
	return strings.Join(parts, "; ")
}

func TestPublishIsAllOrNothing(t *testing.T) {
	db, f := cohort(t, 2, 2)
	p := pairing.New(db, testdb.Now)
	s, err := p.Suggest(pairing.MatchRequest{Selection: pairing.Selection{Cohort: "2026 spring"}})
	if err != nil {
		t.Fatal(err)
	}
	pairs := []match.Pair{{Mentee: s.Matches[0].Mentee, Mentor: s.Matches[0].Mentor}, {Mentee: "999999", Mentor: s.Matches[1].Mentor}}
	before := f.Counts()
	_, err = p.Publish(pairing.PublishRequest{Cohort: "2026 spring", Pairs: pairs})
	testdb.WantError(t, err, apperr.Invalid, "pairs")
	if after := f.Counts(); !mapsEqual(before, after) {
		t.Errorf("a refused publish wrote: %v -> %v", before, after)
	}
	_, err = p.Publish(pairing.PublishRequest{Pairs: pairs[:1], FirstSession: "next week"})
	testdb.WantError(t, err, apperr.Invalid, "firstSession")
}

func mapsEqual(a, b map[string]int64) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

func TestRunsRefuseBadSelections(t *testing.T) {
	db, _ := cohort(t, 0, 3)
	p := pairing.New(db, testdb.Now)
	for _, c := range []struct {
		sel   pairing.Selection
		field string
	}{
		{pairing.Selection{}, "cohort"},
		{pairing.Selection{Cohort: "x", CircleID: 1}, "cohort"},
		{pairing.Selection{Cohort: "nobody"}, "cohort"},
		{pairing.Selection{Cohort: "2026 spring"}, "cohort"}, // mentees only
	} {
		_, err := p.Suggest(pairing.MatchRequest{Selection: c.sel})
		testdb.WantError(t, err, apperr.Invalid, c.field)
	}
}

func TestProposeThenCreateCircles(t *testing.T) {
	db, f := cohort(t, 4, 16)
	// Two mentees met before in another circle: forming keeps them apart.
	old := f.Circle("Old circle")
	var a, b model.Person
	db.Where("name = ?", "Mentee 00").Take(&a)
	db.Where("name = ?", "Mentee 01").Take(&b)
	f.Member(old, a, model.RoleMentee)
	f.Member(old, b, model.RoleMentee)
	p := pairing.New(db, testdb.Now)
	prop, err := p.Propose(pairing.FormRequest{Selection: pairing.Selection{Cohort: "2026 spring"}, Options: form.Options{Circles: 4, Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(prop.Circles) != 4 {
		t.Fatalf("%d circles", len(prop.Circles))
	}
	var circles [][]string
	for _, c := range prop.Circles {
		if len(c.Members) != 5 || !strings.HasPrefix(prop.Names[c.Members[0]], "Mentor") {
			t.Errorf("a circle of %d led by %s", len(c.Members), prop.Names[c.Members[0]])
		}
		if slices.Contains(c.Members, fmt.Sprint(a.ID)) && slices.Contains(c.Members, fmt.Sprint(b.ID)) {
			t.Errorf("the two who met before are together: %v", c.Explanation.Sentences)
		}
		circles = append(circles, c.Members)
	}
	before := f.Count("circles")
	made, err := p.Create(pairing.CreateRequest{Cohort: "2026 spring", Circles: circles, Leaders: prop.Leads})
	if err != nil || len(made.Circles) != 4 || f.Count("circles") != before+4 {
		t.Fatalf("create: %+v %v", made, err)
	}
	var c model.Circle
	db.Preload("Memberships").First(&c, made.Circles[2])
	leads := 0
	for _, m := range c.Memberships {
		if m.Role == model.RoleLeader {
			leads++
		}
	}
	if c.Name != "2026 spring · Circle 3" || len(c.Memberships) != 5 || leads != 1 || c.Cohort != "2026 spring" {
		t.Errorf("the third circle: %q, %d members, %d leaders", c.Name, len(c.Memberships), leads)
	}
	_, err = p.Create(pairing.CreateRequest{Circles: [][]string{{circles[0][0]}, {circles[0][0]}}})
	testdb.WantError(t, err, apperr.Invalid, "circles")
}
