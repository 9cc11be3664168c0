package store_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"circlebook/backend/demo"
	"circlebook/backend/model"
	"circlebook/backend/store"
)

// preGrowthFixture is testdata/pre-growth.db: the sample program and a note,
// revision, pin, action item and topic tag, written by the schema just
// before migration 2026-12-02-growth. Regenerate it only if it is lost, with
//
//	CIRCLEBOOK_WRITE_FIXTURE=1 go test -run TestWritePreGrowthFixture ./backend/store/
const preGrowthFixture = "testdata/pre-growth.db"

// TestWritePreGrowthFixture writes testdata/pre-growth.db when CIRCLEBOOK_WRITE_FIXTURE=1.
func TestWritePreGrowthFixture(t *testing.T) {
	if os.Getenv("CIRCLEBOOK_WRITE_FIXTURE") != "1" {
		t.Skip("set CIRCLEBOOK_WRITE_FIXTURE=1 to rewrite " + preGrowthFixture)
	}
	defer store.MigrateOnlyTo("2026-12-02-search-order")()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.New(st.DB, func() time.Time { return fixtureTime }).Load(); err != nil {
		t.Fatal(err)
	}
	var s model.Session
	var p model.Person
	st.DB.Order("id").First(&s)
	st.DB.Order("id").First(&p)
	note := model.Note{SessionID: s.ID, Visibility: model.Shared, Body: "- [ ] @Ana send the brief", Version: 2}
	if err := st.DB.Create(&note).Error; err != nil {
		t.Fatal(err)
	}
	for _, v := range []any{
		&model.NoteRevision{NoteID: note.ID, Version: 1, Body: "- [ ] @Ana", Reason: model.RevisionTyping},
		&model.Pin{PersonID: p.ID, CircleID: &s.CircleID, Body: "likes mornings", Visibility: model.Private},
		&model.ActionItem{CircleID: s.CircleID, SessionID: &s.ID, OwnerID: &p.ID, NoteID: &note.ID, Text: "send the brief",
			Status: model.ActionOpen, Source: model.SourceNotes, LineKey: "k1"},
		&model.SessionTopic{SessionID: s.ID, TopicID: 1},
	} {
		if err := st.DB.Create(v).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, store.FileName)
	shrink(t, path)
	copyFile(t, path, preGrowthFixture)
}

// TestOpenPreGrowthFixture: a database made by the schema before the growth
// migration migrates, and keeps every row of every table as it was.
func TestOpenPreGrowthFixture(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, store.FileName)
	copyFile(t, preGrowthFixture, path)
	before := dump(t, path)
	if len(before["people"]) == 0 || len(before["notes"]) == 0 || len(before["action_items"]) == 0 {
		t.Fatalf("the fixture lacks rows: %d people, %d notes, %d action items",
			len(before["people"]), len(before["notes"]), len(before["action_items"]))
	}
	st, err := store.Open(dir)
	if err != nil {
		t.Fatalf("opening a pre-growth database: %v", err)
	}
	applied, err := st.Applied()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(applied, "2026-12-02-growth") {
		t.Errorf("Applied() = %v, want 2026-12-02-growth", applied)
	}
	if err := st.CloseWithoutOptimize(); err != nil {
		t.Fatal(err)
	}
	after := dump(t, path)
	for table, rows := range before {
		if table == "schema_migrations" {
			continue
		}
		if !reflect.DeepEqual(after[table], rows) {
			t.Errorf("table %s changed in the migration: %d rows before, %d after", table, len(rows), len(after[table]))
		}
	}
	for _, table := range []string{"goals", "goal_checkins", "milestones", "frameworks", "skill_ratings", "session_feedback"} {
		if _, ok := after[table]; !ok {
			t.Errorf("no table %s after the migration", table)
		}
	}
}

// dump reads every row of every table in the SQLite file at path, as text,
// in rowid order (or primary-key order for a table without rowids). The
// search keys of migration 2026-12-04-search-everything are left out (but
// people's, which the fixture has): that migration adds them, folded from
// the row's own text, and a row with them is the row it was.
func dump(t *testing.T, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tables []string
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	out := map[string][]string{}
	for _, table := range tables {
		out[table] = tableRows(t, db, table)
	}
	return out
}

// rosterColumns are the people columns migration 2026-12-05-roster adds,
// each with a constant default: a row with them is the row it was.
var rosterColumns = map[string]bool{"organization": true, "role_wanted": true, "languages": true, "capacity": true}

func tableRows(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT * FROM "` + table + `" ORDER BY 1, 2`)
	if err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	out := []string{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var kept []any
		for i, c := range cols {
			if (c != "search_key" || table == "people") && !(table == "people" && rosterColumns[c]) {
				kept = append(kept, vals[i])
			}
		}
		out = append(out, fmt.Sprint(kept...))
	}
	return out
}
