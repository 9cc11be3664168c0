package dbcopy_test

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"circlebook/backend/circles"
	"circlebook/backend/dbcopy"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/people"
	"circlebook/backend/services"
	"circlebook/backend/sessions"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// shared is the sample program's circle both laptops add to.
const shared = "Product Craft Circle"

// uuidTables are the tables whose records have UUIDs.
var uuidTables = []string{"circles", "people", "topics", "memberships", "sessions", "agenda_items", "attendance",
	"notes", "note_revisions", "pins", "action_items",
	"frameworks", "framework_items", "goals", "goal_tasks", "goal_checkins", "milestones", "skill_ratings", "session_feedback"}

// laptop is a leader's SQLite file: the sample program, and what who added
// to it through the services (see addLaptopWork).
func laptop(t *testing.T, who, startsAt string) *store.Store {
	t.Helper()
	st := withDemo(t, sqliteStore(t))
	addLaptopWork(t, st.DB, who, startsAt)
	return st
}

// addLaptopWork adds, through the services, what a leader named who does
// on a laptop: a circle of their own with a member, a held session, marks,
// both notes and an action item; a person in no circle; Zoe, whom both
// leaders enter (with their own UUIDs, the same email in other case), as a
// guest of the shared circle; a new session there at startsAt, tagged with
// a topic both create; and the shared note of the shared circle's first
// session, which each types differently; and their growth work
// (addLaptopGrowth).
func addLaptopWork(t *testing.T, db *gorm.DB, who, startsAt string) {
	t.Helper()
	s := services.New(db, testdb.Now, t.TempDir())
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.Circles.Create(circles.CircleInput{Name: who + "'s circle", Cadence: model.CadenceWeekly,
		TimeZone: "Europe/London", StartDate: "2026-11-01", Status: model.CircleActive})
	must(c, err)
	m, err := s.Circles.AddNewMember(c.ID, people.PersonInput{Name: who + " Mentee", Email: who + "@example.org"},
		circles.MemberInput{Role: model.RoleMentee})
	must(m, err)
	ses, err := s.Sessions.Schedule(c.ID, sessions.SessionInput{StartsAt: "2026-11-20T10:00", Status: model.SessionHeld, Agenda: []string{"Intro"}})
	must(ses, err)
	must(s.Sessions.MarkAttendance(ses.ID, m.PersonID, model.Present))
	must(s.Notes.Save(ses.ID, model.Shared, who+" shared notes"))
	must(s.Notes.Save(ses.ID, model.Private, who+" private thoughts"))
	must(s.People.Create(people.PersonInput{Name: who + " Outsider", PrivateNote: "only " + who + " knows"}))

	email := map[bool]string{true: "Zoe@Example.org", false: "zoe@example.org"}[who < "B"]
	zoe, err := s.People.Create(people.PersonInput{Name: "Zoe Newcomer", Email: email})
	must(zoe, err)
	craft := circleNamed(t, db, shared)
	must(s.Circles.AddMember(craft.ID, circles.MemberInput{PersonID: zoe.ID, Role: model.RoleGuest}))
	extra, err := s.Sessions.Schedule(craft.ID, sessions.SessionInput{StartsAt: startsAt, Status: model.SessionHeld})
	must(extra, err)
	must(s.Sessions.MarkAttendance(extra.ID, zoe.ID, model.Present))
	topic, err := s.Topics.Create("Merging")
	must(topic, err)
	must(s.Sessions.SetTopics(extra.ID, []uint{topic.ID}))
	var first model.Session
	if err := db.Where("circle_id = ?", craft.ID).Order("starts_at").First(&first).Error; err != nil {
		t.Fatal(err)
	}
	must(s.Notes.Save(first.ID, model.Shared, who+" wrote this"))
	addLaptopGrowth(t, s, who, c.ID, ses.ID, m.PersonID, craft.ID, zoe.ID)
}

// circleNamed finds a circle by name.
func circleNamed(t *testing.T, db *gorm.DB, name string) model.Circle {
	t.Helper()
	var c model.Circle
	if err := db.Where("name = ?", name).Take(&c).Error; err != nil {
		t.Fatalf("circle %s: %v", name, err)
	}
	return c
}

// mergeDB merges from into to, failing t on an error.
func mergeDB(t *testing.T, from, to *gorm.DB) dbcopy.MergeReport {
	t.Helper()
	var progress bytes.Buffer
	rep, err := dbcopy.Merge(context.Background(), from, to, dbcopy.Options{Progress: &progress, Batch: 7})
	if err != nil {
		t.Fatalf("merge %s -> %s: %v", store.DialectOf(from), store.DialectOf(to), err)
	}
	return rep
}

// byTable indexes a merge's report by table.
func byTable(rep dbcopy.MergeReport) map[string]dbcopy.MergeTable {
	out := map[string]dbcopy.MergeTable{}
	for _, t := range rep.Tables {
		out[t.Table] = t
	}
	return out
}

// uuidsOf lists a table's UUIDs.
func uuidsOf(t *testing.T, db *gorm.DB, table string) []string {
	t.Helper()
	var out []string
	if err := db.Table(table).Order("uuid").Pluck("uuid", &out).Error; err != nil {
		t.Fatal(err)
	}
	return out
}

// missing counts the UUIDs of from's table that to lacks.
func missing(t *testing.T, from, to *gorm.DB, table string) int64 {
	t.Helper()
	have := uuidsOf(t, to, table)
	var n int64
	for _, u := range uuidsOf(t, from, table) {
		if _, ok := slices.BinarySearch(have, u); !ok {
			n++
		}
	}
	return n
}

// checkAllThere checks that every record of from is in to, by UUID, but
// for the ones the merge's report says it matched by their key.
func checkAllThere(t *testing.T, from, to *gorm.DB, rep dbcopy.MergeReport) {
	t.Helper()
	tables := byTable(rep)
	for _, table := range uuidTables {
		if got, want := missing(t, from, to, table), tables[table].ByKey; got != want {
			t.Errorf("%s: %d of the source's UUIDs are not in the target, want %d (those kept by %s)", table, got, want, tables[table].KeyName)
		}
	}
}

// fingerprint is the whole database's fingerprint.
func fingerprint(t *testing.T, db *gorm.DB) testdb.Fingerprint {
	t.Helper()
	return testdb.With(t, db).Fingerprint()
}
