package sessions_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"
	"circlebook/backend/sessions"
)

// liveEnv is the sessions and notes services on one clock the test moves.
type liveEnv struct {
	svc   *sessions.Sessions
	notes *notes.Notes
	f     testdb.Fixture
	clock *testdb.Clock
}

func liveSetup(t *testing.T) liveEnv {
	t.Helper()
	st, f := testdb.New(t)
	clock := testdb.NewClock()
	return liveEnv{svc: sessions.New(st.DB, clock.Now), f: f, clock: clock,
		notes: notes.New(st.DB, clock.Now, notes.NewJournal(filepath.Join(t.TempDir(), "drafts")))}
}

// schedule adds a session through the service, so that it is numbered.
func (e liveEnv) schedule(t *testing.T, c model.Circle, startsAt, status string) model.Session {
	t.Helper()
	s, err := e.svc.Schedule(c.ID, sessions.SessionInput{StartsAt: startsAt, Status: status})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (e liveEnv) session(t *testing.T, id uint) model.Session {
	t.Helper()
	var s model.Session
	if err := e.f.DB.Take(&s, id).Error; err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStartRecordsTheFirstStart(t *testing.T) {
	e := liveSetup(t)
	c := e.f.Circle("Leaders")
	s := e.schedule(t, c, "2026-11-25T17:00", model.SessionPlanned)

	page, err := e.svc.Start(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if page.Session.StartedAt != "2026-11-25T09:00:00Z" || page.Session.Status != model.SessionPlanned || page.Session.EndedAt != "" {
		t.Errorf("started session = %+v, want started at 09:00 UTC, still planned", page.Session)
	}
	e.clock.Advance(10 * time.Minute)
	page, err = e.svc.Start(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if page.Session.StartedAt != "2026-11-25T09:00:00Z" {
		t.Errorf("a second Start moved startedAt to %s, want the first time kept", page.Session.StartedAt)
	}
	if got := e.session(t, s.ID).StartedAt; got != "2026-11-25T09:00:00Z" {
		t.Errorf("stored startedAt = %s", got)
	}
}

func TestStartRejects(t *testing.T) {
	e := liveSetup(t)
	c := e.f.Circle("Leaders")
	cancelled := e.schedule(t, c, "2026-11-25T17:00", model.SessionCancelled)

	_, err := e.svc.Start(cancelled.ID)
	testdb.WantError(t, err, apperr.Invalid, "status")
	if got := e.session(t, cancelled.ID); got.StartedAt != "" || got.Status != model.SessionCancelled {
		t.Errorf("a refused Start left %+v", got)
	}
	_, err = e.svc.Start(999)
	testdb.WantError(t, err, apperr.NotFound, "")
}

func TestStartNow(t *testing.T) {
	tests := []struct {
		zone string
		want string // the session's local start
	}{
		{"Europe/Madrid", "2026-11-25T10:00"},
		{"", "2026-11-25T09:00"}, // the clock's own zone, here UTC
		{"UTC", "2026-11-25T09:00"},
		{"America/Chicago", "2026-11-25T03:00"},
		{"Asia/Kolkata", "2026-11-25T14:30"},
		{"Pacific/Kiritimati", "2026-11-25T23:00"},
		{"Pacific/Pago_Pago", "2026-11-24T22:00"},
	}
	for _, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			e := liveSetup(t)
			e.clock.Advance(42 * time.Second) // minutes, not seconds
			c := e.f.Circle("Leaders", func(c *model.Circle) { c.TimeZone = tt.zone; c.DurationMinutes = 45; c.Place = "Room 4" })
			before := e.schedule(t, c, "2026-11-01T09:00", model.SessionHeld)
			after := e.schedule(t, c, "2026-12-31T09:00", model.SessionPlanned)

			page, err := e.svc.StartNow(c.ID)
			if err != nil {
				t.Fatal(err)
			}
			s := page.Session
			if s.StartsAt != tt.want || s.Status != model.SessionPlanned || s.StartedAt != "2026-11-25T09:00:42Z" ||
				s.DurationMinutes != 45 || s.Place != "Room 4" || s.CircleID != c.ID {
				t.Errorf("StartNow = %+v, want planned at %s, started 09:00:42Z, the circle's 45 minutes and place", s, tt.want)
			}
			if s.Number != 3 || e.session(t, before.ID).Number != 1 || e.session(t, after.ID).Number != 2 {
				t.Errorf("numbers = %d, %d, %d; want 1, 3, 2: the next number, the others kept", e.session(t, before.ID).Number, s.Number, e.session(t, after.ID).Number)
			}
			if page.Previous == nil || page.Previous.ID != before.ID || page.Next == nil || page.Next.ID != after.ID {
				t.Errorf("neighbours = %v, %v; want %d, %d", page.Previous, page.Next, before.ID, after.ID)
			}
		})
	}
}

func TestStartNowUnknownCircle(t *testing.T) {
	e := liveSetup(t)
	_, err := e.svc.StartNow(999)
	testdb.WantError(t, err, apperr.NotFound, "")
	if n := e.f.Count("sessions"); n != 0 {
		t.Errorf("%d sessions written", n)
	}
}

func TestEnd(t *testing.T) {
	e := liveSetup(t)
	c := e.f.Circle("Leaders")
	s := e.schedule(t, c, "2026-11-25T17:00", model.SessionPlanned)
	if _, err := e.svc.Start(s.ID); err != nil {
		t.Fatal(err)
	}
	shared, err := e.notes.Save(s.ID, model.Shared, "We agreed on the brief.")
	if err != nil {
		t.Fatal(err)
	}
	private, err := e.notes.Save(s.ID, model.Private, "Ana seemed tired.")
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Minute)
	if _, err := e.notes.Save(s.ID, model.Shared, "We agreed on the brief and the date."); err != nil {
		t.Fatal(err)
	}

	e.clock.Advance(time.Hour)
	page, err := e.svc.End(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := page.Session; got.Status != model.SessionHeld || got.StartedAt != "2026-11-25T09:00:00Z" || got.EndedAt != "2026-11-25T10:01:00Z" {
		t.Errorf("ended session = %+v, want held, started 09:00, ended 10:01", got)
	}
	if page.Notes.Shared.Body != "We agreed on the brief and the date." || page.Notes.Private.Body != "Ana seemed tired." {
		t.Errorf("page notes = %+v", page.Notes)
	}
	for _, n := range []struct {
		id   uint
		body string
	}{{shared.Note.ID, "We agreed on the brief and the date."}, {private.Note.ID, "Ana seemed tired."}} {
		revs, err := e.notes.Revisions(n.id)
		if err != nil {
			t.Fatal(err)
		}
		if len(revs) == 0 || revs[0].Reason != model.RevisionSessionEnd || revs[0].Body != n.body || !revs[0].CreatedAt.Equal(e.clock.Now()) {
			t.Errorf("note %d's revisions = %+v, want a session-end revision of %q first", n.id, revs, n.body)
		}
	}
}

func TestEndWithoutStart(t *testing.T) {
	e := liveSetup(t)
	c := e.f.Circle("Leaders")
	s := e.schedule(t, c, "2026-11-25T17:00", model.SessionPlanned)
	page, err := e.svc.End(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := page.Session; got.Status != model.SessionHeld || got.StartedAt != "2026-11-25T09:00:00Z" || got.EndedAt != "2026-11-25T09:00:00Z" {
		t.Errorf("ended session = %+v, want held, started and ended now", got)
	}
	if n := e.f.Count("note_revisions"); n != 0 {
		t.Errorf("%d revisions for a session without notes", n)
	}
	_, err = e.svc.End(999)
	testdb.WantError(t, err, apperr.NotFound, "")
}

func topicNames(p sessions.Page) []string {
	out := []string{}
	for _, t := range p.Topics {
		out = append(out, t.Name)
	}
	return out
}

func TestSetTopics(t *testing.T) {
	e := liveSetup(t)
	c := e.f.Circle("Leaders")
	s := e.schedule(t, c, "2026-11-25T17:00", model.SessionPlanned)
	other := e.schedule(t, c, "2026-12-09T17:00", model.SessionPlanned)
	zeta, alpha, mid := e.f.Topic("zeta"), e.f.Topic("Alpha"), e.f.Topic("mid")
	e.f.Tag(other, zeta)

	page, err := e.svc.SetTopics(s.ID, []uint{zeta.ID, alpha.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got := topicNames(page); !slices.Equal(got, []string{"Alpha", "zeta"}) {
		t.Errorf("topics = %v, want [Alpha zeta]", got)
	}
	page, err = e.svc.SetTopics(s.ID, []uint{mid.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got := topicNames(page); !slices.Equal(got, []string{"mid"}) {
		t.Errorf("topics after replacing = %v, want [mid]", got)
	}

	_, err = e.svc.SetTopics(s.ID, []uint{alpha.ID, 999})
	testdb.WantError(t, err, apperr.Invalid, "topics")
	page, err = e.svc.Get(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := topicNames(page); !slices.Equal(got, []string{"mid"}) {
		t.Errorf("topics after a refused change = %v, want [mid]: the change is one transaction", got)
	}

	page, err = e.svc.SetTopics(s.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if page.Topics == nil || len(page.Topics) != 0 {
		t.Errorf("topics after clearing = %#v, want an empty list", page.Topics)
	}
	if n := e.f.Count("session_topics"); n != 1 {
		t.Errorf("%d tags in all, want only the other session's", n)
	}
	_, err = e.svc.SetTopics(999, []uint{alpha.ID})
	testdb.WantError(t, err, apperr.NotFound, "")
}

func TestPageFollowUp(t *testing.T) {
	e := liveSetup(t)
	c := e.f.Circle("Leaders")
	ana := e.f.Person("Ana")
	e.f.Member(c, ana, model.RoleMentee)
	earlier := e.schedule(t, c, "2026-11-11T17:00", model.SessionHeld)
	current := e.schedule(t, c, "2026-11-25T17:00", model.SessionPlanned)
	later := e.schedule(t, c, "2026-12-09T17:00", model.SessionPlanned)
	in := func(s model.Session) func(*model.ActionItem) {
		return func(a *model.ActionItem) { a.SessionID = &s.ID }
	}
	done := func(a *model.ActionItem) { a.Status, a.DoneAt = model.ActionDone, "2026-11-20T10:00:00Z" }

	e.f.Action(c, "from last time, open", in(earlier), func(a *model.ActionItem) { a.OwnerID = &ana.ID; a.DueOn = "2026-11-20" })
	e.f.Action(c, "from last time, done", in(earlier), done)
	e.f.Action(c, "captured between sessions")
	e.f.Action(c, "captured between sessions, done", done)
	e.f.Action(c, "from this session", in(current))
	e.f.Action(c, "from this session, done", in(current), done)
	e.f.Action(c, "from the next session", in(later))
	e.f.Action(e.f.Circle("Other"), "another circle's")

	page, err := e.svc.Get(current.ID)
	if err != nil {
		t.Fatal(err)
	}
	var follow []string
	for _, it := range page.FollowUp {
		follow = append(follow, it.Text)
	}
	if want := []string{"from last time, open", "captured between sessions"}; !slices.Equal(follow, want) {
		t.Errorf("followUp = %v, want %v", follow, want)
	}
	if page.FollowUp[0].OwnerName != "Ana" {
		t.Errorf("followUp[0].OwnerName = %q, want Ana", page.FollowUp[0].OwnerName)
	}
	var here []string
	for _, it := range page.Actions {
		here = append(here, it.Text)
	}
	if want := []string{"from this session", "from this session, done"}; !slices.Equal(here, want) {
		t.Errorf("actions = %v, want %v", here, want)
	}

	first, err := e.svc.Get(earlier.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.FollowUp) != 1 || first.FollowUp[0].Text != "captured between sessions" {
		t.Errorf("the first session's followUp = %v, want only the item with no session", first.FollowUp)
	}
}

func agendaOf(items []model.AgendaItem) []string {
	out := []string{}
	for _, a := range items {
		out = append(out, a.Title)
	}
	return out
}

func TestPageCarriedOver(t *testing.T) {
	tests := []struct {
		name     string
		statuses []string // of the sessions before the current one, oldest first
		want     []string
	}{
		{"previous held", []string{model.SessionHeld, model.SessionHeld}, []string{"1: left open", "1: also open"}},
		{"previous cancelled", []string{model.SessionHeld, model.SessionCancelled}, []string{"0: left open", "0: also open"}},
		{"previous planned", []string{model.SessionHeld, model.SessionPlanned}, []string{"0: left open", "0: also open"}},
		{"none held", []string{model.SessionCancelled, model.SessionPlanned}, []string{}},
		{"first session", nil, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := liveSetup(t)
			c := e.f.Circle("Leaders")
			for i, status := range tt.statuses {
				s := e.schedule(t, c, time.Date(2026, 10, 28+14*i, 17, 0, 0, 0, time.UTC).Format("2006-01-02T15:04"), status)
				p := string(rune('0' + i))
				e.f.Agenda(s, p+": covered", true)
				e.f.Agenda(s, p+": left open", false)
				e.f.Agenda(s, p+": also open", false)
			}
			current := e.schedule(t, c, "2026-11-25T17:00", model.SessionPlanned)
			e.f.Agenda(current, "today's", false)
			nextOne := e.schedule(t, c, "2026-12-09T17:00", model.SessionPlanned)
			e.f.Agenda(nextOne, "next time's", false)

			page, err := e.svc.Get(current.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got := agendaOf(page.CarriedOver); !slices.Equal(got, tt.want) {
				t.Errorf("carriedOver = %v, want %v", got, tt.want)
			}
			if page.CarriedOver == nil {
				t.Error("carriedOver is nil, want an empty list")
			}
		})
	}
}

// Starting a planned session on a day other than its own asks first: the
// page offers to move it to now or to start a new session today. "Today" is
// the circle's, in its time zone. The clock stands at 25 November 09:00 UTC.
func TestStartOnAnotherDayAsks(t *testing.T) {
	tests := []struct {
		name, zone, at string
		other          bool
	}{
		{"later this week", "Europe/Madrid", "2026-11-27T17:00", true},
		{"last week", "Europe/Madrid", "2026-11-18T17:00", true},
		{"today", "Europe/Madrid", "2026-11-25T17:00", false},
		{"today there, a late hour", "Pacific/Kiritimati", "2026-11-25T20:00", false},
		{"tomorrow there", "Pacific/Kiritimati", "2026-11-26T10:00", true},
		{"today there, yesterday in UTC", "Pacific/Pago_Pago", "2026-11-24T20:00", false},
		{"today in UTC, tomorrow there", "Pacific/Pago_Pago", "2026-11-25T17:00", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := liveSetup(t)
			c := e.f.Circle("Leaders", func(c *model.Circle) { c.TimeZone = tt.zone })
			s := e.schedule(t, c, tt.at, model.SessionPlanned)
			_, err := e.svc.Start(s.ID)
			got := e.session(t, s.ID)
			if !tt.other {
				if err != nil || got.StartedAt == "" {
					t.Fatalf("Start = %v, started at %q; want started", err, got.StartedAt)
				}
				return
			}
			ae := testdb.WantError(t, err, apperr.OtherDay, "startsAt")
			if !strings.Contains(ae.Message, "not today") {
				t.Errorf("message = %q, want it to say the session is not today", ae.Message)
			}
			if got.StartedAt != "" || got.StartsAt != tt.at || got.Status != model.SessionPlanned {
				t.Errorf("a refused Start left %+v", got)
			}
		})
	}
}

func TestStartOnAnotherDayNamesTheDay(t *testing.T) {
	e := liveSetup(t)
	c := e.f.Circle("Leaders", func(c *model.Circle) { c.TimeZone = "Europe/Madrid" })
	s := e.schedule(t, c, "2026-11-27T17:00", model.SessionPlanned)
	_, err := e.svc.Start(s.ID)
	ae := testdb.WantError(t, err, apperr.OtherDay, "startsAt")
	if !strings.Contains(ae.Message, "Friday 27 November") {
		t.Errorf("message = %q, want the session's day named", ae.Message)
	}
}

// A session already started (here, before midnight) opens again without asking.
func TestStartAgainAfterMidnight(t *testing.T) {
	e := liveSetup(t)
	c := e.f.Circle("Leaders", func(c *model.Circle) { c.TimeZone = "UTC" })
	s := e.schedule(t, c, "2026-11-24T23:30", model.SessionPlanned)
	e.f.DB.Model(&s).Update("started_at", "2026-11-24T23:31:00Z")
	page, err := e.svc.Start(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if page.Session.StartedAt != "2026-11-24T23:31:00Z" {
		t.Errorf("startedAt = %s, want the first start kept", page.Session.StartedAt)
	}
}

// MoveToNow moves a planned session to the current time in the circle's zone
// and starts it, in one call: it keeps its number, agenda and everything else.
func TestMoveToNow(t *testing.T) {
	e := liveSetup(t)
	c := e.f.Circle("Leaders", func(c *model.Circle) { c.TimeZone = "Europe/Madrid" })
	before := e.schedule(t, c, "2026-11-11T17:00", model.SessionHeld)
	s := e.schedule(t, c, "2026-11-27T17:00", model.SessionPlanned)
	after := e.schedule(t, c, "2026-11-26T17:00", model.SessionPlanned)
	e.f.Agenda(s, "Check-in", false)
	e.clock.Advance(42 * time.Second)

	page, err := e.svc.MoveToNow(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := page.Session
	if got.StartsAt != "2026-11-25T10:00" || got.StartedAt != "2026-11-25T09:00:42Z" || got.Status != model.SessionPlanned || got.Number != 2 {
		t.Errorf("moved = %+v, want at 10:00 Madrid time today, started 09:00:42Z, planned, number 2 kept", got)
	}
	if stored := e.session(t, s.ID); stored.StartsAt != got.StartsAt || stored.StartedAt != got.StartedAt {
		t.Errorf("stored %+v, want the move and start saved", stored)
	}
	if agendaOf(page.Agenda)[0] != "Check-in" || page.Previous == nil || page.Previous.ID != before.ID || page.Next == nil || page.Next.ID != after.ID {
		t.Errorf("page: agenda %v, previous %v, next %v; want the agenda kept and the neighbours by the new date", agendaOf(page.Agenda), page.Previous, page.Next)
	}
	if n := e.f.Count("sessions"); n != 3 {
		t.Errorf("%d sessions, want 3: moved, not copied", n)
	}

	// A second call (a double press) changes nothing more.
	e.clock.Advance(time.Minute)
	again, err := e.svc.MoveToNow(s.ID)
	if err != nil || again.Session.StartsAt != got.StartsAt || again.Session.StartedAt != got.StartedAt {
		t.Errorf("MoveToNow again = %+v, %v; want the session as it was", again.Session, err)
	}
}

func TestMoveToNowRejects(t *testing.T) {
	e := liveSetup(t)
	c := e.f.Circle("Leaders")
	cancelled := e.schedule(t, c, "2026-11-27T17:00", model.SessionCancelled)
	held := e.schedule(t, c, "2026-11-18T17:00", model.SessionHeld)
	for _, s := range []model.Session{cancelled, held} {
		_, err := e.svc.MoveToNow(s.ID)
		testdb.WantError(t, err, apperr.Invalid, "status")
		if got := e.session(t, s.ID); got.StartsAt != s.StartsAt || got.StartedAt != "" {
			t.Errorf("a refused move left %+v", got)
		}
	}
	_, err := e.svc.MoveToNow(999)
	testdb.WantError(t, err, apperr.NotFound, "")
}

// Ending a session dated after today is refused: it cannot have been held
// yet, and a held session "in 2 days" is what a leader once got.
func TestEndRefusesALaterDay(t *testing.T) {
	e := liveSetup(t)
	c := e.f.Circle("Leaders", func(c *model.Circle) { c.TimeZone = "Europe/Madrid" })
	s := e.schedule(t, c, "2026-11-27T17:00", model.SessionPlanned)
	_, err := e.svc.End(s.ID)
	testdb.WantError(t, err, apperr.OtherDay, "startsAt")
	if got := e.session(t, s.ID); got.Status != model.SessionPlanned || got.EndedAt != "" || got.StartedAt != "" {
		t.Errorf("a refused End left %+v", got)
	}
	// Ending yesterday's session this morning is fine: it was held.
	late := e.schedule(t, c, "2026-11-24T17:00", model.SessionPlanned)
	if _, err := e.svc.End(late.ID); err != nil {
		t.Errorf("End of yesterday's session: %v", err)
	}
}

// An action line typed as the last line, with no Enter after it, counts once
// the session ends: End reconciles the note's final text in its transaction.
func TestEndMakesAnItemOfTheLastLine(t *testing.T) {
	e := liveSetup(t)
	c := e.f.Circle("Círculo")
	zoe := e.f.Person("Zoë Durand")
	e.f.Member(c, zoe, model.RoleMentee)
	s := e.schedule(t, c, "2026-11-25T17:00", model.SessionPlanned)
	if _, err := e.svc.Start(s.ID); err != nil {
		t.Fatal(err)
	}
	r, err := e.notes.Save(s.ID, model.Shared, "Notas\n- [ ] @Zoë preparar la demo due:2026-12-15")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Actions) != 0 {
		t.Fatalf("a line still being typed made items: %+v", r.Actions)
	}
	if _, err := e.notes.Save(s.ID, model.Private, "- [ ] @Zoë algo privado"); err != nil {
		t.Fatal(err)
	}

	page, err := e.svc.End(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Actions) != 1 {
		t.Fatalf("actions after End = %+v, want the last line's item only (private notes make none)", page.Actions)
	}
	it := page.Actions[0]
	if it.Text != "preparar la demo" || it.DueOn != "2026-12-15" || it.OwnerName != "Zoë Durand" || it.Status != model.ActionOpen ||
		it.SessionID == nil || *it.SessionID != s.ID {
		t.Errorf("item = %+v, want Zoë's open \"preparar la demo\" due 2026-12-15 from this session", it)
	}
	if n := e.f.Count("action_items"); n != 1 {
		t.Errorf("%d action items stored, want 1", n)
	}
}
