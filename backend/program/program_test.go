package program_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/program"
)

// world is a program of five circles, at testdb.Today (2026-11-25):
//   - Alpha, a weekly group of the 2026 spring cohort, meets every week and
//     has its next session planned: good.
//   - Beta, a biweekly pair of the same cohort, last met on 1 October (55
//     days: more than three fortnights) with nothing planned: at risk.
//   - Gamma, a monthly group of the 2025 fall cohort, met 36 days ago
//     (fine for a monthly), but only 4 of 12 marks were present; it has an
//     overdue action item and a goal at risk: at risk.
//   - Delta is paused (inactive); Omega is archived (never listed).
func world(t *testing.T) *program.Program {
	t.Helper()
	st, f := testdb.New(t)
	people := make([]model.Person, 3)
	for i := range people {
		people[i] = f.Person(fmt.Sprintf("Member %d", i))
	}
	alpha := f.Circle("Alpha", func(c *model.Circle) {
		c.Cohort, c.Cadence, c.StartDate = "2026 spring", model.CadenceWeekly, "2026-09-01"
	})
	for d := 5; d <= 19; d += 7 {
		s := f.Session(alpha, fmt.Sprintf("2026-11-%02dT18:00", d), model.SessionHeld)
		for _, p := range people {
			f.Mark(s, p, model.Present)
		}
	}
	f.Session(alpha, "2026-11-26T18:00", model.SessionPlanned)
	beta := f.Circle("Beta", func(c *model.Circle) { c.Cohort, c.Kind, c.StartDate = "2026 spring", model.KindPair, "2026-09-01" })
	f.Session(beta, "2026-10-01T18:00", model.SessionHeld)
	gamma := f.Circle("Gamma", func(c *model.Circle) {
		c.Cohort, c.Cadence, c.StartDate = "2025 fall", model.CadenceMonthly, "2025-10-01"
	})
	for i, d := range []string{"2026-08-20", "2026-09-20", "2026-10-20", "2026-10-20"} {
		s := f.Session(gamma, fmt.Sprintf("%sT1%d:00", d, i), model.SessionHeld)
		for j, p := range people {
			status := model.Absent
			if (i*3+j)%3 == 0 {
				status = model.Present
			}
			f.Mark(s, p, status)
		}
	}
	f.Session(gamma, "2026-12-20T18:00", model.SessionPlanned)
	f.Action(gamma, "Send the reading list", func(a *model.ActionItem) { a.DueOn = "2026-11-01" })
	f.Action(gamma, "Book the room", func(a *model.ActionItem) { a.DueOn = "2026-12-01" })
	circleID := gamma.ID
	for _, status := range []string{model.GoalAtRisk, model.GoalActive, model.GoalAchieved} {
		g := model.Goal{PersonID: people[0].ID, CircleID: &circleID, Title: "Goal " + status, Status: status,
			ProgressMode: model.ProgressManual, Visibility: model.Shared}
		if err := st.DB.Create(&g).Error; err != nil {
			t.Fatal(err)
		}
	}
	f.Circle("Delta", func(c *model.Circle) { c.Status = model.CirclePaused })
	f.Circle("Omega", func(c *model.Circle) { c.Status = model.CircleArchived })
	return program.New(st.DB, testdb.Now)
}

func names(rows []program.Row) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Name)
	}
	return out
}

func TestHealth(t *testing.T) {
	page, err := world(t).List(program.Request{})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(page.Rows); !slices.Equal(got, []string{"Alpha", "Beta", "Delta", "Gamma"}) || page.Total != 4 {
		t.Fatalf("rows %v (total %d), want Alpha, Beta, Delta, Gamma (4): archived circles are not listed", got, page.Total)
	}
	want := map[string]struct {
		health  string
		reasons string
	}{
		"Alpha": {program.HealthGood, ""},
		"Beta":  {program.HealthAtRisk, "No session held in 55 days; No next session planned"},
		"Delta": {program.HealthInactive, ""},
		"Gamma": {program.HealthAtRisk, "Attendance 33%; 1 action item overdue; 1 goal at risk"},
	}
	for _, r := range page.Rows {
		w := want[r.Name]
		if r.Health != w.health || strings.Join(r.Reasons, "; ") != w.reasons {
			t.Errorf("%s: %s (%q), want %s (%q)", r.Name, r.Health, strings.Join(r.Reasons, "; "), w.health, w.reasons)
		}
	}
	g := page.Rows[3]
	if g.Cohort != "2025 fall" || g.HeldSessions != 4 || g.LastHeld != "2026-10-20" || g.OpenActions != 2 ||
		g.OverdueActions != 1 || g.ActiveGoals != 2 || g.AtRiskGoals != 1 || g.MemberCount != 0 || g.NextSession == nil {
		t.Errorf("Gamma's figures: %+v", g)
	}
}

func TestFilters(t *testing.T) {
	p := world(t)
	for _, c := range []struct {
		req   program.Request
		want  []string
		total int
	}{
		{program.Request{Cohort: "2026 spring"}, []string{"Alpha", "Beta"}, 2},
		{program.Request{Kind: model.KindPair}, []string{"Beta"}, 1},
		{program.Request{Kind: model.KindGroup, Cohort: "2025 fall"}, []string{"Gamma"}, 1},
		{program.Request{Cohort: "2026 SPRING"}, nil, 0},
		{program.Request{Cohort: "nobody's"}, nil, 0},
	} {
		page, err := p.List(c.req)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(page.Rows); !slices.Equal(got, c.want) || page.Total != c.total || page.Capped {
			t.Errorf("%+v: %v (total %d), want %v (%d)", c.req, got, page.Total, c.want, c.total)
		}
	}
}

func TestPagesInNameOrder(t *testing.T) {
	p := world(t)
	var got []string
	req := program.Request{Limit: 1}
	for range 10 {
		page, err := p.List(req)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, names(page.Rows)...)
		if page.Next == "" {
			break
		}
		req.After = page.Next
	}
	if !slices.Equal(got, []string{"Alpha", "Beta", "Delta", "Gamma"}) {
		t.Errorf("paged one at a time: %v", got)
	}
}

func TestBadRequests(t *testing.T) {
	p := world(t)
	_, err := p.List(program.Request{Kind: "trio"})
	testdb.WantError(t, err, apperr.Invalid, "kind")
	_, err = p.List(program.Request{Cohort: strings.Repeat("x", program.MaxCohort+1)})
	testdb.WantError(t, err, apperr.TooLong, "cohort")
	_, err = p.List(program.Request{After: "not a cursor"})
	testdb.WantError(t, err, apperr.Invalid, "after")
}

func TestAllRefusesMoreThanItsMost(t *testing.T) {
	st, f := testdb.New(t)
	for i := range 5 {
		f.Circle(fmt.Sprintf("Circle %d", i))
	}
	p := program.New(st.DB, testdb.Now)
	rows, err := p.All(st.DB, program.Request{}, 5)
	if err != nil || len(rows) != 5 {
		t.Fatalf("All up to 5 of 5: %d rows, %v", len(rows), err)
	}
	_, err = p.All(st.DB, program.Request{}, 4)
	testdb.WantError(t, err, apperr.Invalid, "cohort")
}

func TestOffsetJumps(t *testing.T) {
	p := world(t)
	for _, c := range []struct {
		req    program.Request
		want   []string
		offset int
	}{
		{program.Request{Offset: 2, Limit: 1}, []string{"Delta"}, 2},
		{program.Request{Offset: 99, Limit: 2}, []string{"Delta", "Gamma"}, 2},
		{program.Request{Cohort: "2026 spring", Offset: 1, Limit: 1}, []string{"Beta"}, 1},
		{program.Request{Kind: model.KindGroup, Offset: 50, Limit: 2}, []string{"Delta", "Gamma"}, 1},
	} {
		page, err := p.List(c.req)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(page.Rows); !slices.Equal(got, c.want) || page.Offset != c.offset {
			t.Errorf("%+v: %v at %d, want %v at %d", c.req, got, page.Offset, c.want, c.offset)
		}
	}
}

func TestCohorts(t *testing.T) {
	got, err := world(t).Cohorts()
	if err != nil {
		t.Fatal(err)
	}
	want := []program.Cohort{{Name: "2025 fall", Circles: 1}, {Name: "2026 spring", Circles: 2}}
	if !slices.Equal(got, want) {
		t.Errorf("cohorts %+v, want %+v", got, want)
	}
}
