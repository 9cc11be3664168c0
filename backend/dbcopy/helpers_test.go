package dbcopy_test

import (
	"bytes"
	"context"
	"testing"

	"circlebook/backend/dbcopy"
	"circlebook/backend/demo"
	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// sqliteStore opens a fresh SQLite store in its own folder, closed at the end.
func sqliteStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// withDemo loads the sample program into st and returns it.
func withDemo(t *testing.T, st *store.Store) *store.Store {
	t.Helper()
	if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
		t.Fatal(err)
	}
	addTheRest(t, st.DB)
	return st
}

// addTheRest adds what the sample program lacks, so every table the copy
// carries has rows: notes with a revision, a pin, an action item from a
// note, a topic tag, a pinned circle, a ticked agenda item, two people
// never to match and a tag of the matching vocabulary.
func addTheRest(t *testing.T, db *gorm.DB) {
	t.Helper()
	var s model.Session
	var p model.Person
	var topic model.Topic
	for _, first := range []any{&s, &p, &topic} {
		if err := db.Order("id").First(first).Error; err != nil {
			t.Fatal(err)
		}
	}
	note := model.Note{SessionID: s.ID, Visibility: model.Shared, Body: "- [ ] @Ana send the brief", Version: 2}
	private := model.Note{SessionID: s.ID, Visibility: model.Private, Body: "Íñigo seemed tired", Version: 1}
	for _, v := range []any{&note, &private} {
		if err := db.Create(v).Error; err != nil {
			t.Fatal(err)
		}
	}
	for _, v := range []any{
		&model.NoteRevision{NoteID: note.ID, Version: 1, Body: "- [ ] @Ana", Reason: model.RevisionTyping},
		&model.Pin{PersonID: p.ID, CircleID: &s.CircleID, Body: "likes mornings", Visibility: model.Private},
		&model.ActionItem{CircleID: s.CircleID, SessionID: &s.ID, OwnerID: &p.ID, NoteID: &note.ID, Text: "send the brief",
			Status: model.ActionOpen, Source: model.SourceNotes, LineKey: "k1"},
		&model.SessionTopic{SessionID: s.ID, TopicID: topic.ID},
		&model.NeverMatch{AID: p.ID, BID: p.ID + 1, CreatedAt: "2026-11-20T10:00:00Z"},
		&model.MatchTag{Tag: "public speaking", Synonyms: "presenting, talks"},
	} {
		if err := db.Create(v).Error; err != nil {
			t.Fatal(err)
		}
	}
	addGrowth(t, db, s, p)
	if err := db.Exec("UPDATE circles SET pinned = true WHERE id = ?", s.CircleID).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Exec("UPDATE agenda_items SET done = true WHERE id IN (SELECT id FROM agenda_items ORDER BY id LIMIT 3)").Error; err != nil {
		t.Fatal(err)
	}
}

// copyDB copies from into to, failing t on an error.
func copyDB(t *testing.T, from, to *gorm.DB) dbcopy.Report {
	t.Helper()
	var progress bytes.Buffer
	rep, err := dbcopy.Copy(context.Background(), from, to, dbcopy.Options{Progress: &progress, Batch: 7})
	if err != nil {
		t.Fatalf("copy %s -> %s: %v", store.DialectOf(from), store.DialectOf(to), err)
	}
	return rep
}

// summaries renders every circle's summary as Markdown, by circle UUID.
func summaries(t *testing.T, db *gorm.DB) map[string]string {
	t.Helper()
	var circles []model.Circle
	if err := db.Order("id").Find(&circles).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, c := range circles {
		s, err := export.Build(db, c.ID, export.Options{}, testdb.Today)
		if err != nil {
			t.Fatal(err)
		}
		md, err := export.Render(s, "md", "")
		if err != nil {
			t.Fatal(err)
		}
		out[c.UUID] = string(md)
	}
	return out
}

// counts is the row count of every table the copy carries or checks.
func counts(t *testing.T, db *gorm.DB) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, table := range append([]string{"circles", "people", "topics", "memberships", "sessions", "agenda_items", "attendance",
		"notes", "note_revisions", "pins", "action_items", "session_topics", "circle_tallies", "topic_counts", "name_prefixes"}, growthTables...) {
		var n int64
		if err := db.Table(table).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}
