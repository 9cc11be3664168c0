package export_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/attendance"
	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestBuildYear(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{})
	if len(s.Sessions) != 52 || s.HeldCount() != 45 || s.PlannedCount() != 5 || s.CancelledCount() != 2 {
		t.Errorf("sessions %d: %d held, %d planned, %d cancelled; want 52: 45, 5, 2",
			len(s.Sessions), s.HeldCount(), s.PlannedCount(), s.CancelledCount())
	}
	if len(s.Members) != 15 || s.Members[0].Name != "Lucía Muñoz" || s.Members[0].Role != model.RoleLeader || s.Members[14].Role != model.RoleGuest {
		t.Errorf("members: %d, first %+v, last %+v", len(s.Members), s.Members[0], s.Members[len(s.Members)-1])
	}
	if len(s.Highlights) != 41 { // 45 held, four of them with a private note only
		t.Errorf("%d highlights, want 41", len(s.Highlights))
	}
	if s.Goals == nil || len(s.Goals) != 0 {
		t.Errorf("goals %#v, want an empty list", s.Goals)
	}
	if s.Period != "All sessions" || s.Circle.TimeZone != "Europe/Madrid" || s.Circle.MeetingDay != "Tuesday" || s.Circle.Cadence != "Weekly" {
		t.Errorf("period %q, profile %+v", s.Period, s.Circle)
	}
	if got := s.GeneratedAt.Format("2006-01-02 15:04 MST"); got != "2026-11-25 10:00 CET" {
		t.Errorf("generated at %s, want the fixed clock in the circle's zone", got)
	}
	ses := s.Sessions[0]
	if ses.Number != 1 || ses.StartsAt != testdb.YearStart || len(ses.Agenda) != 3 || len(ses.Topics) == 0 || ses.UUID != w.year.Sessions[0].UUID {
		t.Errorf("first session %+v", ses)
	}
	if _, err := json.Marshal(s); err != nil {
		t.Errorf("a summary must travel as JSON to the preview: %v", err)
	}
}

// TestBuildTalliesMatchTheApp compares the summary's attendance with the
// per-person counts the circle and person pages use.
func TestBuildTalliesMatchTheApp(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{})
	byPerson, err := attendance.ByPersonInCircle(w.db, w.year.Circle.ID)
	if err != nil {
		t.Fatal(err)
	}
	var sum attendance.Tally
	for _, p := range w.year.People {
		want := *byPerson[p.ID]
		i := memberIndex(t, s, p.Name)
		if got := s.Members[i].Attendance; fmt.Sprint(counts(got)) != fmt.Sprint(counts(want)) {
			t.Errorf("%s: %v, the app counts %v", p.Name, counts(got), counts(want))
		}
		sum = attendance.Counts(sum.Present+want.Present, sum.Late+want.Late, sum.Excused+want.Excused, sum.Absent+want.Absent)
	}
	if fmt.Sprint(counts(s.Attendance)) != fmt.Sprint(counts(sum)) {
		t.Errorf("overall %v, want %v", counts(s.Attendance), counts(sum))
	}
	attended := 0
	for _, ses := range s.Sessions {
		attended += ses.Attended
	}
	if attended != s.Attendance.Present+s.Attendance.Late {
		t.Errorf("sessions' attended add up to %d, want %d", attended, s.Attendance.Present+s.Attendance.Late)
	}
}

func counts(t attendance.Tally) [4]int { return [4]int{t.Present, t.Late, t.Excused, t.Absent} }

func memberIndex(t *testing.T, s export.Summary, name string) int {
	t.Helper()
	for i, m := range s.Members {
		if m.Name == name {
			return i
		}
	}
	t.Fatalf("no member %q", name)
	return -1
}

func TestBuildPeriod(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	tests := []struct {
		opt               export.Options
		label             string
		first, last, held int
		members           int
		hasAïcha, hasFran bool
	}{
		{export.Options{From: "2026-01-01", To: "2026-03-31"}, "Q1 2026 (1 Jan – 31 Mar 2026)", 1, 13, 12, 14, false, true},
		{export.Options{From: "2026-10-01", To: "2026-12-31"}, "Q4 2026 (1 Oct – 31 Dec 2026)", 40, 52, 8, 14, true, false},
		{export.Options{From: "2026-03-10", To: "2026-03-17"}, "10 Mar 2026 – 17 Mar 2026", 10, 11, 1, 14, false, true},
		{export.Options{From: "2026-12-01"}, "From 1 Dec 2026", 48, 52, 0, 14, true, false},
		{export.Options{To: "2026-01-06"}, "Until 6 Jan 2026", 1, 1, 1, 14, false, true},
	}
	for _, tt := range tests {
		s := w.build(t, tt.opt)
		if s.Period != tt.label {
			t.Errorf("%+v: label %q, want %q", tt.opt, s.Period, tt.label)
		}
		if n := len(s.Sessions); n == 0 || s.Sessions[0].Number != tt.first || s.Sessions[n-1].Number != tt.last || s.HeldCount() != tt.held {
			t.Errorf("%+v: %d sessions, held %d; want #%d..#%d, %d held", tt.opt, n, s.HeldCount(), tt.first, tt.last, tt.held)
		}
		names := map[string]bool{}
		for _, m := range s.Members {
			names[m.Name] = true
			if len(m.Marks) != len(s.Sessions) {
				t.Errorf("%+v: %s has %d marks for %d sessions", tt.opt, m.Name, len(m.Marks), len(s.Sessions))
			}
		}
		if len(s.Members) != tt.members || names["Aïcha Benali"] != tt.hasAïcha || names["François Côté"] != tt.hasFran {
			t.Errorf("%+v: %d members (Aïcha %v, François %v)", tt.opt, len(s.Members), names["Aïcha Benali"], names["François Côté"])
		}
		for _, h := range s.Highlights {
			if h.Date < tt.opt.From || tt.opt.To != "" && h.Date > tt.opt.To {
				t.Errorf("%+v: highlight of %s", tt.opt, h.Date)
			}
		}
		for _, o := range s.Actions {
			for _, a := range o.Items {
				if a.SessionNumber != 0 && (a.SessionNumber < tt.first || a.SessionNumber > tt.last) {
					t.Errorf("%+v: action from session %d", tt.opt, a.SessionNumber)
				}
			}
		}
	}
}

func TestBuildActions(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{})
	if first, last := s.Actions[0], s.Actions[len(s.Actions)-1]; first.Owner != "Lucía Muñoz" || last.Owner != "" {
		t.Errorf("owners run from %q to %q; want the leader first and the whole circle last", first.Owner, last.Owner)
	}
	open, overdue, done := 0, 0, 0
	for _, o := range s.Actions {
		seenDone := false
		for _, a := range o.Items {
			switch {
			case a.Status == model.ActionDone:
				done++
				seenDone = true
				if a.DoneOn == "" || a.Overdue {
					t.Errorf("done item %+v", a)
				}
			case seenDone:
				t.Errorf("%s: open item after a done one", o.Owner)
			default:
				open++
				if a.Overdue != (a.DueOn != "" && a.DueOn < "2026-11-25") {
					t.Errorf("item due %s: overdue %v on 25 Nov", a.DueOn, a.Overdue)
				}
				if a.Overdue {
					overdue++
				}
			}
		}
		if len(o.Items) != o.Open+o.Done {
			t.Errorf("%s: %d items, counts %d open + %d done", o.Owner, len(o.Items), o.Open, o.Done)
		}
	}
	gotOpen, gotOverdue := s.OpenActions()
	if open != gotOpen || overdue != gotOverdue || overdue == 0 || done == 0 {
		t.Errorf("items: %d open, %d overdue, %d done; counts %d open, %d overdue", open, overdue, done, gotOpen, gotOverdue)
	}
	later, err := export.Build(w.db, w.year.Circle.ID, export.Options{}, testdb.Today.AddDate(0, 1, 0))
	if err != nil {
		t.Fatal(err)
	}
	if _, lateOverdue := later.OpenActions(); lateOverdue <= overdue {
		t.Errorf("a month later %d overdue, today %d: overdue must follow the generation date", lateOverdue, overdue)
	}
}

func TestBuildRefusesBadInput(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	_, err := export.Build(w.db, 9999, export.Options{}, testdb.Today)
	testdb.WantError(t, err, apperr.NotFound, "")
	_, err = export.Build(w.db, w.year.Circle.ID, export.Options{From: "2026-13-01"}, testdb.Today)
	testdb.WantError(t, err, apperr.Invalid, "from")
	_, err = export.Build(w.db, w.year.Circle.ID, export.Options{From: "2026-04-01", To: "2026-03-01"}, testdb.Today)
	testdb.WantError(t, err, apperr.Invalid, "to")
}

func TestExportsServiceSummary(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s, err := export.New(w.db, testdb.Now).Summary(w.year.Circle.ID, export.Options{FiguresOnly: true})
	if err != nil || len(s.Sessions) != 52 || !s.FiguresOnly {
		t.Errorf("Summary: %d sessions, figures only %v, err %v", len(s.Sessions), s.FiguresOnly, err)
	}
}

func TestPeriod(t *testing.T) {
	day := func(s string) time.Time {
		d, _ := time.Parse("2006-01-02", s)
		return d
	}
	tests := []struct{ name, today, from, to string }{
		{export.AllTime, "2026-11-25", "", ""},
		{export.ThisQuarter, "2026-11-25", "2026-10-01", "2026-12-31"},
		{export.LastQuarter, "2026-11-25", "2026-07-01", "2026-09-30"},
		{export.ThisQuarter, "2026-01-01", "2026-01-01", "2026-03-31"},
		{export.LastQuarter, "2026-02-10", "2025-10-01", "2025-12-31"},
		{export.ThisQuarter, "2026-03-31", "2026-01-01", "2026-03-31"},
		{export.LastQuarter, "2026-06-30", "2026-01-01", "2026-03-31"},
		{"next-decade", "2026-11-25", "", ""},
	}
	for _, tt := range tests {
		if from, to := export.Period(tt.name, day(tt.today)); from != tt.from || to != tt.to {
			t.Errorf("Period(%q, %s) = %q, %q; want %q, %q", tt.name, tt.today, from, to, tt.from, tt.to)
		}
	}
	for _, name := range export.Periods {
		if err := export.CheckPeriod(name); err != nil {
			t.Errorf("CheckPeriod(%q): %v", name, err)
		}
	}
	testdb.WantError(t, export.CheckPeriod("next-decade"), apperr.Invalid, "period")
}
