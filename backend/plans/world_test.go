package plans_test

import (
	"testing"
	"time"

	"circlebook/backend/actions"
	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/scaledb"
	"circlebook/backend/model"
	"circlebook/backend/services"
	"circlebook/backend/sessions"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// world is a generated program (backend/internal/scaledb, never ANALYZEd)
// with its SQL recorded, the services over it, and the records the screens
// open: the largest circle and the person with the most visits.
type world struct {
	st  *store.Store
	rec *plantest.Recorder
	svc *services.Services

	picks
	note    uint // the held session's shared note
	today   uint // a session of the circle planned for today, with an agenda
	agendum uint // the first item of that agenda
	action  uint // an open action item of the circle
	pin     uint // a note pinned to the person
	topics  []uint

	other    uint // another circle, to delete
	doomed   uint // a held session of a third circle, to delete
	stranger uint // someone in yet another circle, to delete
}

// open copies the generated program, builds the services, finds (or makes)
// the records, then starts recording.
func open(t testing.TB) *world {
	t.Helper()
	st := scaledb.Open(t)
	w := &world{st: st, svc: services.New(st.DB, scaledb.Now, t.TempDir())}
	w.find(t)
	w.make(t)
	rec, err := plantest.Attach(st.DB)
	if err != nil {
		t.Fatal(err)
	}
	w.rec = rec
	return w
}

// picks are the records a benchmark opens, in the generated program and in
// the sample one alike.
type picks struct {
	circle uint // the circle with the most current members
	held   uint // its last held session
	member uint // a current member of it who does not lead it
	person uint // the person with the most attendance marks
}

// lookup is one setup query: it fills dest from the ids found before it.
type lookup struct {
	dest *uint
	sql  string
	args []*uint
}

// find runs setup queries, which are not recorded, in order.
func find(t testing.TB, db *gorm.DB, qs []lookup) {
	t.Helper()
	for _, q := range qs {
		args := make([]any, len(q.args))
		for i, id := range q.args {
			args[i] = *id
		}
		if err := db.Raw(q.sql, args...).Scan(q.dest).Error; err != nil || *q.dest == 0 {
			t.Fatalf("find %s: %v (got %d)", q.sql, err, *q.dest)
		}
	}
}

// pick finds the picks in db.
func pick(t testing.TB, db *gorm.DB) picks {
	t.Helper()
	var p picks
	find(t, db, []lookup{
		{&p.circle, `SELECT circle_id FROM memberships WHERE left_on = '' GROUP BY circle_id ORDER BY COUNT(*) DESC, circle_id LIMIT 1`, nil},
		{&p.held, `SELECT id FROM sessions WHERE circle_id = ? AND status = 'held' ORDER BY starts_at DESC, id DESC LIMIT 1`, []*uint{&p.circle}},
		{&p.member, `SELECT person_id FROM memberships WHERE circle_id = ? AND left_on = '' AND role NOT IN ('leader', 'co-leader') ORDER BY id LIMIT 1`, []*uint{&p.circle}},
		{&p.person, `SELECT person_id FROM attendance GROUP BY person_id ORDER BY COUNT(*) DESC, person_id LIMIT 1`, nil},
	})
	return p
}

// find looks up the picks and the records the delete calls remove.
func (w *world) find(t testing.TB) {
	t.Helper()
	db := w.st.DB
	w.picks = pick(t, db)
	find(t, db, []lookup{
		{&w.other, `SELECT MAX(id) FROM circles WHERE id <> ?`, []*uint{&w.circle}},
		{&w.doomed, `SELECT id FROM sessions WHERE circle_id NOT IN (?, ?) AND status = 'held' ORDER BY id LIMIT 1`, []*uint{&w.circle, &w.other}},
		{&w.stranger, `SELECT person_id FROM memberships WHERE person_id NOT IN (SELECT person_id FROM memberships WHERE circle_id IN (?, ?))
			AND person_id <> ? ORDER BY id LIMIT 1`, []*uint{&w.circle, &w.other, &w.person}},
	})
	if err := db.Model(&model.Topic{}).Order("id").Limit(2).Pluck("id", &w.topics).Error; err != nil || len(w.topics) != 2 {
		t.Fatalf("topics: %v", err)
	}
}

// make adds what the screens need that the program may not have: a session
// today, a shared note on the held session, an open action item and a pin.
func (w *world) make(t testing.TB) {
	t.Helper()
	var c model.Circle
	if err := w.st.DB.Take(&c, w.circle).Error; err != nil {
		t.Fatal(err)
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	ses, err := w.svc.Sessions.Schedule(w.circle, sessions.SessionInput{StartsAt: scaledb.Now().In(loc).Format("2006-01-02") + "T23:00",
		Agenda: []string{"Check-in", "Deep dive", "Actions"}})
	if err != nil {
		t.Fatalf("schedule today's session: %v", err)
	}
	w.today = ses.ID
	saved, err := w.svc.Notes.Save(w.held, model.Shared, "## Notes\n\nWe reviewed the roadmap.\n\n- [ ] @all read the brief due:2026-12-09\n")
	if err != nil {
		t.Fatalf("save a note: %v", err)
	}
	w.note = saved.Note.ID
	it, err := w.svc.Actions.Create(w.circle, actions.Input{Text: "Book the room", OwnerID: w.member})
	if err != nil {
		t.Fatalf("create an action item: %v", err)
	}
	w.action = it.ID
	pin, err := w.svc.Notes.Pin(w.person, 0, "Wants a stretch project", model.Private)
	if err != nil {
		t.Fatalf("pin a note: %v", err)
	}
	w.pin = pin.ID
	if err := w.st.DB.Raw(`SELECT id FROM agenda_items WHERE session_id = ? ORDER BY position LIMIT 1`, w.today).Scan(&w.agendum).Error; err != nil || w.agendum == 0 {
		t.Fatalf("agenda of today's session: %v", err)
	}
}
