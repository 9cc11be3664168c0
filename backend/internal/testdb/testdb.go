// Package testdb gives tests a real Circlebook database in a temporary
// folder, a fixed clock and small builders for fixtures. It never touches
// the user's data folder.
package testdb

import (
	"testing"
	"time"

	"circlebook/backend/model"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// Today is the fixed "now" every test runs at: Wednesday 25 November 2026, 09:00 UTC.
var Today = time.Date(2026, time.November, 25, 9, 0, 0, 0, time.UTC)

// Now is the fixed clock services get in tests.
func Now() time.Time { return Today }

// Open opens a fresh store on the test engine (see Engine) and closes it
// when the test ends: a SQLite file in t.TempDir(), or a PostgreSQL
// database of its own, copied from one migrated once per test process.
func Open(t testing.TB) *store.Store {
	t.Helper()
	if Engine() == store.Postgres {
		return OpenPostgres(t)
	}
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Fixture builds records straight into the database, so a test can set up
// exactly the state it needs before calling the service under test.
type Fixture struct {
	t  testing.TB
	DB *gorm.DB
}

// New opens a fresh store and returns it with a fixture builder over it.
func New(t testing.TB) (*store.Store, Fixture) {
	t.Helper()
	st := Open(t)
	return st, Fixture{t: t, DB: st.DB}
}

// With returns a fixture builder over an already open database.
func With(t testing.TB, db *gorm.DB) Fixture { return Fixture{t: t, DB: db} }

func (f Fixture) create(v any) {
	f.t.Helper()
	if err := f.DB.Create(v).Error; err != nil {
		f.t.Fatalf("fixture: create %T: %v", v, err)
	}
}

// Circle adds an active biweekly group circle named name; opts adjust it first.
func (f Fixture) Circle(name string, opts ...func(*model.Circle)) model.Circle {
	f.t.Helper()
	c := model.Circle{Name: name, Kind: model.KindGroup, Cadence: model.CadenceBiweekly, MeetingDay: -1,
		DurationMinutes: 60, Status: model.CircleActive}
	for _, o := range opts {
		o(&c)
	}
	f.create(&c)
	return c
}

// Person adds a person named name; opts adjust them first.
func (f Fixture) Person(name string, opts ...func(*model.Person)) model.Person {
	f.t.Helper()
	p := model.Person{Name: name}
	for _, o := range opts {
		o(&p)
	}
	f.create(&p)
	return p
}

// Member puts p in c with role; opts adjust the membership first.
func (f Fixture) Member(c model.Circle, p model.Person, role string, opts ...func(*model.Membership)) model.Membership {
	f.t.Helper()
	m := model.Membership{CircleID: c.ID, PersonID: p.ID, Role: role}
	for _, o := range opts {
		o(&m)
	}
	f.create(&m)
	return m
}

// Session adds a session of c at startsAt (YYYY-MM-DDTHH:MM) with status.
// Its number is left for the test to set or the service to compute.
func (f Fixture) Session(c model.Circle, startsAt, status string) model.Session {
	f.t.Helper()
	s := model.Session{CircleID: c.ID, StartsAt: startsAt, DurationMinutes: c.DurationMinutes, Status: status}
	f.create(&s)
	return s
}

// Mark records p's attendance at s.
func (f Fixture) Mark(s model.Session, p model.Person, status string) model.Attendance {
	f.t.Helper()
	a := model.Attendance{SessionID: s.ID, PersonID: p.ID, Status: status}
	f.create(&a)
	return a
}

// Count returns how many rows table holds.
func (f Fixture) Count(table string) int64 {
	f.t.Helper()
	var n int64
	if err := f.DB.Table(table).Count(&n).Error; err != nil {
		f.t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// Counts returns the row count of every domain table, for "nothing was written" checks.
func (f Fixture) Counts() map[string]int64 {
	f.t.Helper()
	out := map[string]int64{}
	for _, table := range Tables {
		out[table] = f.Count(table)
	}
	return out
}

// Tables lists the domain tables of the first schema.
var Tables = []string{"circles", "people", "memberships", "sessions", "agenda_items", "attendance"}
