package store_test

import (
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"circlebook/backend/model"
	"circlebook/backend/store"

	_ "github.com/glebarez/go-sqlite" // the "sqlite" driver, for shrink
	"gorm.io/gorm"
)

// v1Fixture is testdata/v1.db: a small database written by the first schema
// (migration 2026-11-25-initial). Regenerate it only if it is lost, with
//
//	CIRCLEBOOK_WRITE_FIXTURE=1 go test -run TestWriteV1Fixture ./backend/store/
//
// and never after a later migration exists: it must stay a v1 file.
const v1Fixture = "testdata/v1.db"

var fixtureTime = time.Date(2026, time.November, 25, 8, 30, 0, 0, time.UTC)

func base(uuid string) model.Base {
	return model.Base{UUID: uuid, CreatedAt: fixtureTime, UpdatedAt: fixtureTime}
}

// v1Rows are the rows in the fixture, with fixed keys and UUIDs.
func v1Rows() (circles []model.Circle, people []model.Person, members []model.Membership, sessions []model.Session, marks []model.Attendance) {
	circles = []model.Circle{
		{Base: base("7a0b8c0e-0001-4000-8000-000000000001"), Name: "Emerging Engineering Leaders", Purpose: "First lead roles.",
			Kind: model.KindGroup, Cadence: model.CadenceBiweekly, MeetingDay: 2, MeetingTime: "17:00", DurationMinutes: 60,
			TimeZone: "Europe/Madrid", StartDate: "2026-06-02", Status: model.CircleActive, Color: "#e8692c"},
		{Base: base("7a0b8c0e-0001-4000-8000-000000000002"), Name: "Chidi & Mateus", Kind: model.KindPair,
			Cadence: model.CadenceCustom, CadenceDays: 10, MeetingDay: -1, DurationMinutes: 30, Status: model.CircleArchived},
	}
	people = []model.Person{
		{Base: base("7a0b8c0e-0002-4000-8000-000000000001"), Name: "Ana Muñoz", Email: "ana.munoz@example.org", Pronouns: "she/her", TimeZone: "Europe/Madrid", PrivateNote: "Prefers written feedback."},
		{Base: base("7a0b8c0e-0002-4000-8000-000000000002"), Name: "Emre Ünal", Email: "emre.unal@example.org", Team: "Payments"},
		{Base: base("7a0b8c0e-0002-4000-8000-000000000003"), Name: "Chidi Okafor"},
		{Base: base("7a0b8c0e-0002-4000-8000-000000000004"), Name: "Mateus Oliveira", StartDate: "2023-03-13"},
	}
	for i := range circles {
		circles[i].ID = uint(i + 1)
	}
	for i := range people {
		people[i].ID = uint(i + 1)
	}
	members = []model.Membership{
		{Base: base("7a0b8c0e-0003-4000-8000-000000000001"), CircleID: 1, PersonID: 1, Role: model.RoleLeader, JoinedOn: "2026-06-02"},
		{Base: base("7a0b8c0e-0003-4000-8000-000000000002"), CircleID: 1, PersonID: 2, Role: model.RoleMentee, JoinedOn: "2026-06-02", LeftOn: "2026-10-01"},
		{Base: base("7a0b8c0e-0003-4000-8000-000000000003"), CircleID: 2, PersonID: 3, Role: model.RoleMentor},
		{Base: base("7a0b8c0e-0003-4000-8000-000000000004"), CircleID: 2, PersonID: 4, Role: model.RoleMentee},
	}
	sessions = []model.Session{
		{Base: base("7a0b8c0e-0004-4000-8000-000000000001"), CircleID: 1, Number: 1, StartsAt: "2026-06-02T17:00", DurationMinutes: 60, Topic: "Feedback", Status: model.SessionHeld,
			Agenda: []model.AgendaItem{
				{Base: base("7a0b8c0e-0005-4000-8000-000000000001"), Position: 0, Title: "Check-in round", Minutes: 10, Done: true},
				{Base: base("7a0b8c0e-0005-4000-8000-000000000002"), Position: 1, Title: "Giving feedback", Minutes: 40, Done: true},
			}},
		{Base: base("7a0b8c0e-0004-4000-8000-000000000002"), CircleID: 1, Number: 2, StartsAt: "2026-12-01T17:00", DurationMinutes: 60, Status: model.SessionPlanned},
		{Base: base("7a0b8c0e-0004-4000-8000-000000000003"), CircleID: 2, Number: 1, StartsAt: "2026-07-10T12:00", DurationMinutes: 30, Place: "https://meet.example.org/cm", Status: model.SessionCancelled},
	}
	for i := range sessions {
		sessions[i].ID = uint(i + 1)
	}
	marks = []model.Attendance{
		{Base: base("7a0b8c0e-0006-4000-8000-000000000001"), SessionID: 1, PersonID: 1, Status: model.Present},
		{Base: base("7a0b8c0e-0006-4000-8000-000000000002"), SessionID: 1, PersonID: 2, Status: model.Late},
	}
	return
}

// TestWriteV1Fixture writes testdata/v1.db when CIRCLEBOOK_WRITE_FIXTURE=1.
func TestWriteV1Fixture(t *testing.T) {
	if os.Getenv("CIRCLEBOOK_WRITE_FIXTURE") != "1" {
		t.Skip("set CIRCLEBOOK_WRITE_FIXTURE=1 to rewrite " + v1Fixture)
	}
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	circles, people, members, sessions, marks := v1Rows()
	for _, rows := range []any{&circles, &people, &members, &sessions, &marks} {
		if err := st.DB.Create(rows).Error; err != nil {
			t.Fatalf("create %T: %v", rows, err)
		}
	}
	if err := st.Close(); err != nil { // checkpoints the WAL into the file
		t.Fatal(err)
	}
	path := filepath.Join(dir, store.FileName)
	shrink(t, path)
	copyFile(t, path, v1Fixture)
}

// shrink rewrites the file with 1 KiB pages so the fixture stays small (every
// table and index takes at least one page); the rows are unchanged.
func shrink(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, stmt := range []string{"PRAGMA journal_mode=DELETE", "PRAGMA page_size=1024", "VACUUM"} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}

// openV1 opens a copy of the v1 fixture, migrating it; the store closes
// when the test ends.
func openV1(t *testing.T) *store.Store {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, v1Fixture, filepath.Join(dir, store.FileName))
	st, err := store.Open(dir)
	if err != nil {
		t.Fatalf("opening a v1 database: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// openFresh opens a new, migrated store in a folder of its own, returning
// the folder too (for rerunMigration).
func openFresh(t *testing.T) (*store.Store, string) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return st, dir
}

// rerunMigration takes a migration back out of the store's file in dir by
// running undo (its tables, triggers and indexes dropped, its record
// deleted), closes the store and opens the file again, which runs the
// migration over the rows already there. The store reopened closes when
// the test ends.
func rerunMigration(t *testing.T, st *store.Store, dir string, undo ...string) *store.Store {
	t.Helper()
	for _, stmt := range undo {
		if err := st.DB.Exec(stmt).Error; err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestOpenV1Fixture(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, v1Fixture, filepath.Join(dir, store.FileName))
	st, err := store.Open(dir)
	if err != nil {
		t.Fatalf("opening a v1 database: %v", err)
	}
	defer st.Close()

	applied, err := st.Applied()
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) == 0 || applied[0] != "2026-11-25-initial" {
		t.Errorf("Applied() = %v, want 2026-11-25-initial first", applied)
	}

	wantCircles, wantPeople, wantMembers, wantSessions, wantMarks := v1Rows()

	var circles []model.Circle
	st.DB.Order("id").Find(&circles)
	if len(circles) != len(wantCircles) {
		t.Fatalf("read %d circles, want %d", len(circles), len(wantCircles))
	}
	for i, want := range wantCircles {
		got := circles[i]
		if !sameBase(got.Base, want.Base) || got.Name != want.Name || got.Purpose != want.Purpose || got.Kind != want.Kind ||
			got.Cadence != want.Cadence || got.CadenceDays != want.CadenceDays || got.MeetingDay != want.MeetingDay ||
			got.MeetingTime != want.MeetingTime || got.DurationMinutes != want.DurationMinutes || got.TimeZone != want.TimeZone ||
			got.StartDate != want.StartDate || got.Status != want.Status || got.Color != want.Color {
			t.Errorf("circle %d:\n got %+v\nwant %+v", want.ID, got, want)
		}
	}

	var people []model.Person
	st.DB.Order("id").Find(&people)
	if len(people) != len(wantPeople) {
		t.Fatalf("read %d people, want %d", len(people), len(wantPeople))
	}
	for i, want := range wantPeople {
		got := people[i]
		if !sameBase(got.Base, want.Base) || got.Name != want.Name || got.Email != want.Email || got.Pronouns != want.Pronouns ||
			got.Team != want.Team || got.TimeZone != want.TimeZone || got.StartDate != want.StartDate || got.PrivateNote != want.PrivateNote {
			t.Errorf("person %d:\n got %+v\nwant %+v", want.ID, got, want)
		}
	}

	var members []model.Membership
	st.DB.Order("id").Find(&members)
	if len(members) != len(wantMembers) {
		t.Fatalf("read %d memberships, want %d", len(members), len(wantMembers))
	}
	for i, want := range wantMembers {
		got := members[i]
		if got.UUID != want.UUID || got.CircleID != want.CircleID || got.PersonID != want.PersonID ||
			got.Role != want.Role || got.JoinedOn != want.JoinedOn || got.LeftOn != want.LeftOn {
			t.Errorf("membership %d:\n got %+v\nwant %+v", i+1, got, want)
		}
	}

	var sessions []model.Session
	st.DB.Preload("Agenda", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).Order("id").Find(&sessions)
	if len(sessions) != len(wantSessions) {
		t.Fatalf("read %d sessions, want %d", len(sessions), len(wantSessions))
	}
	for i, want := range wantSessions {
		got := sessions[i]
		if got.UUID != want.UUID || got.CircleID != want.CircleID || got.Number != want.Number || got.StartsAt != want.StartsAt ||
			got.DurationMinutes != want.DurationMinutes || got.Topic != want.Topic || got.Place != want.Place || got.Status != want.Status {
			t.Errorf("session %d:\n got %+v\nwant %+v", want.ID, got, want)
		}
		if len(got.Agenda) != len(want.Agenda) {
			t.Errorf("session %d: %d agenda items, want %d", want.ID, len(got.Agenda), len(want.Agenda))
			continue
		}
		for j, w := range want.Agenda {
			g := got.Agenda[j]
			if g.UUID != w.UUID || g.Position != w.Position || g.Title != w.Title || g.Minutes != w.Minutes || g.Done != w.Done {
				t.Errorf("session %d agenda %d: got %+v, want %+v", want.ID, j, g, w)
			}
		}
	}

	var marks []model.Attendance
	st.DB.Order("id").Find(&marks)
	if len(marks) != len(wantMarks) {
		t.Fatalf("read %d marks, want %d", len(marks), len(wantMarks))
	}
	for i, want := range wantMarks {
		got := marks[i]
		if got.UUID != want.UUID || got.SessionID != want.SessionID || got.PersonID != want.PersonID || got.Status != want.Status {
			t.Errorf("attendance %d: got %+v, want %+v", i+1, got, want)
		}
	}

	// The old file takes new writes under today's rules.
	err = st.DB.Create(&model.Person{Name: "Someone", Email: "ANA.MUNOZ@example.org"}).Error
	if err == nil {
		t.Error("a second person with Ana's email (different case) was saved in the v1 file")
	}
}

func sameBase(got, want model.Base) bool {
	return got.ID == want.ID && got.UUID == want.UUID && got.CreatedAt.Equal(want.CreatedAt) && got.UpdatedAt.Equal(want.UpdatedAt)
}
