package sessions_test

import (
	"slices"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/sessions"
)

func TestDates(t *testing.T) {
	tests := []struct {
		name    string
		cadence string
		days    int
		first   string
		count   int
		want    []string
	}{
		{"weekly", model.CadenceWeekly, 0, "2026-11-25T17:00", 3,
			[]string{"2026-11-25T17:00", "2026-12-02T17:00", "2026-12-09T17:00"}},
		{"weekly over new year", model.CadenceWeekly, 0, "2026-12-23T09:30", 3,
			[]string{"2026-12-23T09:30", "2026-12-30T09:30", "2027-01-06T09:30"}},
		{"biweekly", model.CadenceBiweekly, 0, "2026-11-25T17:00", 4,
			[]string{"2026-11-25T17:00", "2026-12-09T17:00", "2026-12-23T17:00", "2027-01-06T17:00"}},
		{"monthly, 2nd Tuesday stays 2nd Tuesday", model.CadenceMonthly, 0, "2026-11-10T18:30", 5,
			[]string{"2026-11-10T18:30", "2026-12-08T18:30", "2027-01-12T18:30", "2027-02-09T18:30", "2027-03-09T18:30"}},
		{"monthly, 1st Thursday", model.CadenceMonthly, 0, "2026-01-01T15:00", 3,
			[]string{"2026-01-01T15:00", "2026-02-05T15:00", "2026-03-05T15:00"}},
		{"monthly, 5th Tuesday becomes the last when a month has four", model.CadenceMonthly, 0, "2026-03-31T12:00", 6,
			[]string{"2026-03-31T12:00", "2026-04-28T12:00", "2026-05-26T12:00", "2026-06-30T12:00", "2026-07-28T12:00", "2026-08-25T12:00"}},
		{"monthly, 5th Thursday through February", model.CadenceMonthly, 0, "2026-01-29T08:00", 5,
			[]string{"2026-01-29T08:00", "2026-02-26T08:00", "2026-03-26T08:00", "2026-04-30T08:00", "2026-05-28T08:00"}},
		{"custom every 10 days", model.CadenceCustom, 10, "2026-02-20T10:00", 3,
			[]string{"2026-02-20T10:00", "2026-03-02T10:00", "2026-03-12T10:00"}},
		{"custom without days steps daily", model.CadenceCustom, 0, "2026-02-28T10:00", 2,
			[]string{"2026-02-28T10:00", "2026-03-01T10:00"}},
		{"one session", model.CadenceWeekly, 0, "2026-11-25T17:00", 1, []string{"2026-11-25T17:00"}},
		{"no sessions", model.CadenceWeekly, 0, "2026-11-25T17:00", 0, nil},
		{"bad first time", model.CadenceWeekly, 0, "2026-11-25 17:00", 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sessions.Dates(tt.cadence, tt.days, tt.first, tt.count)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Dates(%s, %d, %s, %d) =\n %v\nwant\n %v", tt.cadence, tt.days, tt.first, tt.count, got, tt.want)
			}
		})
	}
}

func TestScheduleSeries(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Monthly craft", func(c *model.Circle) {
		c.Cadence, c.DurationMinutes, c.Place = model.CadenceMonthly, 90, "Room 4.12"
	})
	earlier := f.Session(c, "2026-10-13T18:30", model.SessionHeld)
	f.DB.Model(&earlier).Update("number", 1)

	got, err := svc.ScheduleSeries(c.ID, sessions.SeriesInput{FirstStartsAt: "2026-11-10T18:30", Count: 3, Topic: "Feedback"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d sessions, want 3", len(got))
	}
	want := []string{"2026-11-10T18:30", "2026-12-08T18:30", "2027-01-12T18:30"}
	for i, s := range got {
		if s.StartsAt != want[i] || s.Number != i+2 || s.DurationMinutes != 90 || s.Status != model.SessionPlanned ||
			s.Topic != "Feedback" || s.Place != "Room 4.12" || s.CircleID != c.ID {
			t.Errorf("session %d = %+v, want %s, number %d, 90 minutes, planned, in Room 4.12", i, s, want[i], i+2)
		}
	}
	var first model.Session
	f.DB.Take(&first, earlier.ID)
	if first.Number != 1 {
		t.Errorf("the earlier session's number = %d, want 1", first.Number)
	}
}

func TestScheduleSeriesRejects(t *testing.T) {
	tests := []struct {
		name  string
		in    sessions.SeriesInput
		code  apperr.Code
		field string
	}{
		{"no sessions", sessions.SeriesInput{FirstStartsAt: "2026-12-01T10:00", Count: 0}, apperr.Invalid, "count"},
		{"too many sessions", sessions.SeriesInput{FirstStartsAt: "2026-12-01T10:00", Count: sessions.MaxSeries + 1}, apperr.Invalid, "count"},
		{"bad first time", sessions.SeriesInput{FirstStartsAt: "tomorrow", Count: 3}, apperr.Invalid, "firstStartsAt"},
		{"negative duration", sessions.SeriesInput{FirstStartsAt: "2026-12-01T10:00", Count: 3, DurationMinutes: -30}, apperr.Invalid, "durationMinutes"},
		{"topic over the limit", sessions.SeriesInput{FirstStartsAt: "2026-12-01T10:00", Count: 3, Topic: strings.Repeat("t", 100_001)}, apperr.TooLong, "topic"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, f := setup(t)
			c := f.Circle("Weekly", func(c *model.Circle) { c.Cadence = model.CadenceWeekly })
			_, err := svc.ScheduleSeries(c.ID, tt.in)
			testdb.WantError(t, err, tt.code, tt.field)
			if n := f.Count("sessions"); n != 0 {
				t.Errorf("sessions = %d, want 0", n)
			}
		})
	}
	t.Run("unknown circle", func(t *testing.T) {
		svc, _ := setup(t)
		_, err := svc.ScheduleSeries(999, sessions.SeriesInput{FirstStartsAt: "2026-12-01T10:00", Count: 3})
		testdb.WantError(t, err, apperr.NotFound, "")
	})
}
