package sessions_test

import (
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/sessions"
)

func TestSessionLimits(t *testing.T) {
	long := strings.Repeat("t", check.MaxTitle+1)
	tests := []struct {
		name   string
		in     sessions.SessionInput
		fields []string
	}{
		{"topic and place over the limit", sessions.SessionInput{StartsAt: "2026-12-01T10:00", Topic: long, Place: long}, []string{"topic", "place"}},
		{"an agenda line over the limit", sessions.SessionInput{StartsAt: "2026-12-01T10:00", Agenda: []string{"Check-in", long}}, []string{"agenda"}},
		{"in the year 2999, a minute long, status unknown", sessions.SessionInput{StartsAt: "2999-12-01T10:00", DurationMinutes: 1, Status: "maybe"}, []string{"startsAt", "durationMinutes", "status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, f := setup(t)
			c := f.Circle("Weekly")
			_, err := svc.Schedule(c.ID, tt.in)
			testdb.WantFields(t, err, tt.fields...)
			if n := f.Count("sessions"); n != 0 {
				t.Errorf("sessions = %d, want 0", n)
			}
		})
	}
	t.Run("update", func(t *testing.T) {
		svc, f := setup(t)
		s := f.Session(f.Circle("Weekly"), "2026-12-01T10:00", model.SessionPlanned)
		_, err := svc.Update(s.ID, sessions.SessionInput{StartsAt: "2026-12-01T10:00", DurationMinutes: 60, Topic: long, Place: long})
		testdb.WantFields(t, err, "topic", "place")
	})
}

// A series of 1000 is refused on its count, and every other mistake in the
// same form is named in the same answer.
func TestSeriesLimits(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Weekly", func(c *model.Circle) { c.Cadence = model.CadenceWeekly })
	_, err := svc.ScheduleSeries(c.ID, sessions.SeriesInput{FirstStartsAt: "2026-12-01T10:00", Count: 1000})
	testdb.WantError(t, err, apperr.Invalid, "count")
	_, err = svc.ScheduleSeries(c.ID, sessions.SeriesInput{FirstStartsAt: "2999-12-01T10:00", Count: 0, DurationMinutes: 2, Topic: strings.Repeat("t", check.MaxTitle+1)})
	testdb.WantFields(t, err, "firstStartsAt", "count", "durationMinutes", "topic")
	if n := f.Count("sessions"); n != 0 {
		t.Errorf("sessions = %d, want 0", n)
	}
	if _, err := svc.ScheduleSeries(c.ID, sessions.SeriesInput{FirstStartsAt: "2026-12-01T10:00", Count: sessions.MaxSeries}); err != nil {
		t.Errorf("a series of MaxSeries: %v", err)
	}
}

func TestAgendaLimits(t *testing.T) {
	svc, _, sessionID, _ := agendaSession(t)
	_, err := svc.AddAgendaItem(sessionID, sessions.AgendaInput{Title: strings.Repeat("a", check.MaxTitle+1), Minutes: 24*60 + 1})
	testdb.WantFields(t, err, "title", "minutes")
	items, err := svc.AddAgendaItem(sessionID, sessions.AgendaInput{Title: strings.Repeat("a", check.MaxTitle), Minutes: 10})
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.UpdateAgendaItem(items[len(items)-1].ID, sessions.AgendaInput{Title: strings.Repeat("a", check.MaxTitle+1)})
	testdb.WantError(t, err, apperr.TooLong, "title")
}
