package sessions_test

import (
	"slices"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/sessions"
)

func setup(t *testing.T) (*sessions.Sessions, testdb.Fixture) {
	t.Helper()
	st, f := testdb.New(t)
	return sessions.New(st.DB, testdb.Now), f
}

// numbersByDate returns the numbers of the circle's sessions in date order.
func numbersByDate(t *testing.T, f testdb.Fixture, circleID uint) []int {
	t.Helper()
	var out []int
	if err := f.DB.Model(&model.Session{}).Where("circle_id = ?", circleID).Order("starts_at, id").Pluck("number", &out).Error; err != nil {
		t.Fatal(err)
	}
	return out
}

// A session's number is the next one in its circle when it is made, and then
// it stays: an earlier session added later does not take its number.
func TestScheduleNumbersInOrderOfCreation(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	other := f.Circle("Other")
	untouched := f.Session(other, "2026-01-01T10:00", model.SessionHeld) // number 0, as the fixture left it

	for _, at := range []string{"2026-10-15T17:00", "2026-11-12T17:00"} {
		if _, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	earlier, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: "2026-10-01T17:00"})
	if err != nil {
		t.Fatal(err)
	}
	if earlier.Number != 3 {
		t.Errorf("the session added last has number %d, want 3", earlier.Number)
	}
	if got := numbersByDate(t, f, c.ID); !slices.Equal(got, []int{3, 1, 2}) {
		t.Errorf("numbers in date order = %v, want [3 1 2]", got)
	}
	f.DB.Take(&untouched, untouched.ID)
	if untouched.Number != 0 {
		t.Errorf("another circle's session was renumbered to %d", untouched.Number)
	}
}

// The bug a leader met: an exported summary said #3, then an earlier session
// was added the same day and #3 became #4. The number in an export stays.
func TestExportedNumberStaysWhenAnEarlierSessionIsAddedTheSameDay(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders", func(c *model.Circle) { c.TimeZone = "Europe/Madrid" })
	var ids []uint
	for _, at := range []string{"2026-11-18T10:00", "2026-11-18T14:00", "2026-11-18T17:00"} {
		s, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: at, Topic: "At " + at[11:]})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.ID)
	}
	numberOf := func(topic string) string {
		t.Helper()
		f, err := export.New(f.DB, testdb.Now).File(c.ID, export.Request{Format: "md", Period: export.AllTime})
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(f.Data), "\n") {
			if strings.Contains(line, topic) {
				return line[strings.Index(line, "**"):strings.LastIndex(line, "**")]
			}
		}
		t.Fatalf("no session %q in the export:\n%s", topic, f.Data)
		return ""
	}
	if got := numberOf("At 17:00"); got != "**3." {
		t.Fatalf("the 17:00 session is exported as %s, want **3.", got)
	}

	added, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: "2026-11-18T08:30", Topic: "At 08:30"})
	if err != nil {
		t.Fatal(err)
	}
	if got := numberOf("At 17:00"); got != "**3." {
		t.Errorf("after an earlier session was added, the 17:00 session is exported as %s, want **3. still", got)
	}
	if got := numberOf("At 08:30"); got != "**4." || added.Number != 4 {
		t.Errorf("the session added at 08:30 is #%d, exported as %s; want 4", added.Number, got)
	}
	// Earlier and later still mean the date: the 08:30 session comes first.
	page, err := svc.Get(added.ID)
	if err != nil {
		t.Fatal(err)
	}
	if page.Previous != nil || page.Next == nil || page.Next.ID != ids[0] {
		t.Errorf("the 08:30 session's neighbours = %v, %v; want none before, the 10:00 one after", page.Previous, page.Next)
	}
}

func TestScheduleDefaultsFromCircle(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Pair", func(c *model.Circle) { c.DurationMinutes, c.VideoLink = 30, "https://meet.example.org/cm" })
	s, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: " 2026-12-04T12:00 ", Topic: " Career growth "})
	if err != nil {
		t.Fatal(err)
	}
	if s.DurationMinutes != 30 || s.Place != "https://meet.example.org/cm" || s.Status != model.SessionPlanned ||
		s.StartsAt != "2026-12-04T12:00" || s.Topic != "Career growth" {
		t.Errorf("scheduled %+v, want the circle's 30 minutes and video link, planned, trimmed text", s)
	}
	s, err = svc.Schedule(c.ID, sessions.SessionInput{StartsAt: "2026-12-18T12:00", DurationMinutes: 45, Place: "Café"})
	if err != nil {
		t.Fatal(err)
	}
	if s.DurationMinutes != 45 || s.Place != "Café" {
		t.Errorf("scheduled %+v, want the given 45 minutes and place", s)
	}
}

func TestScheduleWithAgenda(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	s, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: "2026-12-01T17:00", Agenda: []string{"Check-in", "  ", "Topic", ""}})
	if err != nil {
		t.Fatal(err)
	}
	// A later item lands after the ones the form sent, with no gaps.
	items, err := svc.AddAgendaItem(s.ID, sessions.AgendaInput{Title: "Action items"})
	if err != nil {
		t.Fatal(err)
	}
	wantAgenda(t, items, "Check-in", "Topic", "Action items")
}

func TestScheduleRejects(t *testing.T) {
	tests := []struct {
		name  string
		in    sessions.SessionInput
		code  apperr.Code
		field string
	}{
		{"no time", sessions.SessionInput{}, apperr.Invalid, "startsAt"},
		{"date only", sessions.SessionInput{StartsAt: "2026-12-01"}, apperr.Invalid, "startsAt"},
		{"too long a session", sessions.SessionInput{StartsAt: "2026-12-01T17:00", DurationMinutes: 24*60 + 1}, apperr.Invalid, "durationMinutes"},
		{"bad status", sessions.SessionInput{StartsAt: "2026-12-01T17:00", Status: "done"}, apperr.Invalid, "status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, f := setup(t)
			c := f.Circle("Leaders")
			_, err := svc.Schedule(c.ID, tt.in)
			testdb.WantError(t, err, tt.code, tt.field)
			if n := f.Count("sessions"); n != 0 {
				t.Errorf("sessions = %d, want 0", n)
			}
		})
	}
	t.Run("unknown circle", func(t *testing.T) {
		svc, _ := setup(t)
		_, err := svc.Schedule(999, sessions.SessionInput{StartsAt: "2026-12-01T17:00"})
		testdb.WantError(t, err, apperr.NotFound, "")
	})
}

// Moving a session to another date keeps its number; deleting one leaves a
// gap, and the next session made takes the next number after the highest.
func TestUpdateAndDeleteKeepNumbers(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	p := f.Person("Ana")
	var ids []uint
	for _, at := range []string{"2026-10-01T17:00", "2026-10-15T17:00", "2026-10-29T17:00"} {
		s, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: at, Agenda: []string{"Check-in"}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.ID)
	}
	moved, err := svc.Update(ids[0], sessions.SessionInput{StartsAt: "2026-11-05T17:00", DurationMinutes: 60, Status: model.SessionHeld, Topic: "Moved"})
	if err != nil {
		t.Fatal(err)
	}
	if moved.Number != 1 || moved.Status != model.SessionHeld || moved.Topic != "Moved" || moved.StartsAt != "2026-11-05T17:00" {
		t.Errorf("moved session = %+v, want number 1 kept, held, on 5 November", moved)
	}
	if got := numbersByDate(t, f, c.ID); !slices.Equal(got, []int{2, 3, 1}) {
		t.Errorf("numbers in date order = %v, want [2 3 1]", got)
	}

	_, err = svc.Update(ids[1], sessions.SessionInput{StartsAt: "2026-10-15T17:00", DurationMinutes: 2})
	testdb.WantError(t, err, apperr.Invalid, "durationMinutes")
	_, err = svc.Update(999, sessions.SessionInput{StartsAt: "2026-10-15T17:00", DurationMinutes: 60})
	testdb.WantError(t, err, apperr.NotFound, "")

	f.Mark(model.Session{Base: model.Base{ID: ids[1]}}, p, model.Present)
	if err := svc.Delete(ids[1]); err != nil {
		t.Fatal(err)
	}
	if got := numbersByDate(t, f, c.ID); !slices.Equal(got, []int{3, 1}) {
		t.Errorf("numbers in date order after deleting #2 = %v, want [3 1]: a gap", got)
	}
	if n := f.Count("agenda_items"); n != 2 {
		t.Errorf("agenda items = %d, want the deleted session's gone", n)
	}
	if n := f.Count("attendance"); n != 0 {
		t.Errorf("attendance = %d, want the deleted session's gone", n)
	}
	if n := f.Count("people"); n != 1 {
		t.Errorf("people = %d, want 1", n)
	}
	testdb.WantError(t, svc.Delete(ids[1]), apperr.NotFound, "")

	next, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: "2026-10-15T17:00"})
	if err != nil {
		t.Fatal(err)
	}
	if next.Number != 4 {
		t.Errorf("a session scheduled after the delete has number %d, want 4", next.Number)
	}
}
