package bundle_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"circlebook/backend/bundle"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// secret marks every private text the edge fixture writes.
const secret = "SECRET-b4c7"

// seedTime is when the seeded topics are said to have been created, in
// every test store. The migration stamps them with the wall clock, so two
// stores opened a second apart would otherwise disagree about them.
var seedTime = time.Date(2026, time.November, 1, 0, 0, 0, 0, time.UTC)

// newStore opens a fresh store with the seeded topics' times fixed.
func newStore(t testing.TB) testdb.Fixture {
	t.Helper()
	_, f := testdb.New(t)
	if err := f.DB.Exec("UPDATE topics SET created_at = ?, updated_at = ?", seedTime, seedTime).Error; err != nil {
		t.Fatal(err)
	}
	return f
}

// export exports a circle and writes it, failing the test on error.
func export(t testing.TB, db *gorm.DB, circleID uint, private bool) (bundle.Bundle, []byte) {
	t.Helper()
	var b bundle.Bundle
	err := db.Transaction(func(tx *gorm.DB) (err error) {
		b, err = bundle.Export(tx, circleID, bundle.Options{IncludePrivate: private}, testdb.Today)
		return err
	})
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	var buf bytes.Buffer
	if err := bundle.Write(&buf, b); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b, buf.Bytes()
}

// load imports data, failing the test on error.
func load(t testing.TB, db *gorm.DB, data []byte) bundle.Result {
	t.Helper()
	res, err := bundle.Import(db, bytes.NewReader(data), testdb.Today)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	return res
}

// decoded parses a written bundle back, loosely, for tests that edit it.
func decoded(t testing.TB, data []byte) bundle.Bundle {
	t.Helper()
	var b bundle.Bundle
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

func encoded(t testing.TB, b bundle.Bundle) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := bundle.Write(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// edge is a small circle with the cases a year of ordinary use does not
// have: every circle field, a member who left and one who was removed, a
// person in no circle, another circle, a loose pin, a custom topic, private
// text everywhere it can be.
type edge struct {
	circle, other model.Circle
	ana, kwame    model.Person
	removed       model.Person // was a member; marks, a pin and an action item remain
	outsider      model.Person
	held, planned model.Session
	shared        model.Note
	custom        model.Topic
}

func buildEdge(t testing.TB, f testdb.Fixture) edge {
	t.Helper()
	var e edge
	e.circle = f.Circle("Emerging Leaders", func(c *model.Circle) {
		c.Purpose, c.Kind, c.Cadence, c.CadenceDays = "Senior engineers growing into lead roles.", model.KindGroup, model.CadenceCustom, 10
		c.MeetingDay, c.MeetingTime, c.DurationMinutes, c.TimeZone = 2, "17:00", 75, "America/Argentina/Buenos_Aires"
		c.Place, c.VideoLink, c.StartDate, c.EndDate, c.Color = "Room 4 <b>&</b>", "https://meet.example.org/el", "2026-06-02", "2026-12-15", "#e8692c"
	})
	e.other = f.Circle("Other circle")
	e.ana = f.Person("Ana Muñoz", func(p *model.Person) {
		p.Email, p.Pronouns, p.Title, p.Team, p.Location = "Ana.Munoz@example.org", "she/her", "EM", "Platform", "Madrid"
		p.TimeZone, p.StartDate, p.Strengths, p.GrowthAreas = "Europe/Madrid", "2018-04-09", "Coaching", "Delegation"
		p.PrivateNote = "Ana private " + secret
	})
	e.kwame = f.Person("Kwame Mensah", func(p *model.Person) { p.Email = "kwame@example.org" })
	lan := f.Person("Nguyễn Thị Lan", func(p *model.Person) { p.PrivateNote = "Lan " + secret })
	e.removed = f.Person("Removed Person")
	e.outsider = f.Person("Outsider Olga", func(p *model.Person) { p.PrivateNote = "OUTSIDER" })
	f.Member(e.circle, e.ana, model.RoleLeader, func(m *model.Membership) { m.JoinedOn = "2026-06-02" })
	f.Member(e.circle, e.kwame, model.RoleMentor)
	f.Member(e.circle, lan, model.RoleMentee, func(m *model.Membership) { m.JoinedOn, m.LeftOn = "2026-06-02", "2026-09-01" })
	gone := f.Member(e.circle, e.removed, model.RoleGuest)
	f.Member(e.other, e.outsider, model.RoleLeader)

	e.held = f.Session(e.circle, "2026-06-02T17:00", model.SessionHeld)
	cancelled := f.Session(e.circle, "2026-06-12T17:00", model.SessionCancelled)
	e.planned = f.Session(e.circle, "2026-12-01T17:00", model.SessionPlanned)
	for i, s := range []*model.Session{&e.held, &cancelled, &e.planned} {
		f.DB.Model(s).Updates(map[string]any{"number": i + 1, "topic": "Topic " + s.StartsAt, "place": "Café ☕"})
	}
	f.DB.Model(&e.held).Updates(map[string]any{"started_at": "2026-06-02T15:01:00Z", "ended_at": "2026-06-02T16:20:00Z"})
	f.Agenda(e.held, "Check-in", true)
	f.Agenda(e.held, "../../etc/passwd", false)
	f.Agenda(e.planned, "Plan", false)
	for _, p := range []model.Person{e.ana, e.kwame, lan, e.removed} {
		f.Mark(e.held, p, model.Late)
	}
	f.Mark(e.held, e.outsider, model.Absent) // an outsider's mark: not the circle's member, not exported

	e.shared = f.Note(e.held, model.Shared, "# Notes\n\n- [ ] @Ana send the summary due:2026-06-09\n- [x] @Kwame book the room\n")
	private := f.Note(e.held, model.Private, "Private notes "+secret+"\n")
	f.Note(e.planned, model.Shared, "Prep <script>alert(1)</script>\n")
	f.Revision(e.shared, "Old draft "+secret)
	otherSession := f.Session(e.other, "2026-06-03T10:00", model.SessionHeld)
	f.Note(otherSession, model.Shared, "OTHER-CIRCLE notes")

	f.Action(e.circle, "Send the summary", func(a *model.ActionItem) {
		a.SessionID, a.OwnerID, a.DueOn, a.Source, a.NoteID, a.LineKey = &e.held.ID, &e.ana.ID, "2026-06-09", model.SourceNotes, &e.shared.ID, "ana|send the summary|2026-06-09"
	})
	f.Action(e.circle, "Book the room", func(a *model.ActionItem) {
		a.SessionID, a.OwnerID, a.Status, a.DoneAt = &e.held.ID, &e.kwame.ID, model.ActionDone, "2026-06-05T08:00:00Z"
	})
	f.Action(e.circle, "Everyone reads chapter 3")
	f.Action(e.circle, "Follow up with the program", func(a *model.ActionItem) { a.OwnerID = &e.removed.ID })
	f.Action(e.circle, "From private "+secret, func(a *model.ActionItem) { a.Source, a.NoteID = model.SourceNotes, &private.ID })
	f.Action(e.other, "OTHER-CIRCLE action")

	var feedback model.Topic
	f.DB.Where("name = ?", "Feedback").Take(&feedback)
	e.custom = f.Topic("Negotiation")
	f.Tag(e.held, feedback)
	f.Tag(e.held, e.custom)
	f.Tag(e.planned, e.custom)
	f.Tag(otherSession, f.Topic("OTHER-CIRCLE topic"))

	f.Pin(e.ana, &e.held, model.Shared, "Wants to lead the next retro")
	f.Pin(e.kwame, &e.held, model.Private, "Kwame pin "+secret)
	f.Pin(e.removed, &e.held, model.Shared, "REMOVED pin")
	f.Pin(e.ana, nil, model.Shared, "LOOSE pin")
	f.DB.Delete(&gone)
	return e
}

// talliesAgree fails unless a circle's trigger-kept attendance counts
// (circle_tallies) equal a recount of its marks at held sessions.
func talliesAgree(t testing.TB, db *gorm.DB, circleID uint) {
	t.Helper()
	var tally, recount [4]int64
	db.Raw("SELECT present, late, excused, absent FROM circle_tallies WHERE circle_id = ?", circleID).Row().
		Scan(&tally[0], &tally[1], &tally[2], &tally[3])
	db.Raw(`SELECT COUNT(*) FILTER (WHERE a.status = 'present'), COUNT(*) FILTER (WHERE a.status = 'late'),
		COUNT(*) FILTER (WHERE a.status = 'excused'), COUNT(*) FILTER (WHERE a.status = 'absent')
		FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.circle_id = ? AND s.status = 'held'`, circleID).Row().
		Scan(&recount[0], &recount[1], &recount[2], &recount[3])
	if tally != recount || tally == [4]int64{} {
		t.Errorf("circle %d: circle_tallies = %v, recount = %v", circleID, tally, recount)
	}
}
