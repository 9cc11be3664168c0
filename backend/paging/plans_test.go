package paging_test

import (
	"strings"
	"testing"

	"circlebook/backend/circles"
	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/paging"
	"circlebook/backend/topics"

	"gorm.io/gorm"
)

// TestPlansAreBounded records every statement the list calls run (each
// path: first page, offset jump, cursor, a search of few matches and a
// capped one, a search that first places a row the triggers could not, the
// sidebar both ways, pinning, the topics) and fails on a plan that reads a
// large table whole or sorts an unbounded set of its rows. The topics list
// must not read the tags at all. The plans are SQLite's (EXPLAIN QUERY
// PLAN); PostgreSQL's searches have TestPostgresSearchPlans.
func TestPlansAreBounded(t *testing.T) {
	testdb.SQLiteOnly(t)
	p := newProgram(t)
	rec, err := plantest.Attach(p.db)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range p.lists(t) {
		for _, query := range []string{"", "ana", "plat"} { // "plat" is capped
			first, err := l.call(paging.Request{Query: query, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range []paging.Request{{Query: query, Offset: 700}, {Query: query, After: first.Next}} {
				if _, err := l.call(r); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	placeCrowded(t, p.db)
	if _, err := p.lists(t)[2].call(paging.Request{Query: "crowd"}); err != nil { // places it first
		t.Fatal(err)
	}
	cs := circles.New(p.db, testdb.Now)
	if _, err := cs.Sidebar([]uint{3, 2, 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := cs.SetPinned(p.circles[1].ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := topics.New(p.db, testdb.Now).List(); err != nil {
		t.Fatal(err)
	}
	stmts := rec.Take()
	if len(stmts) < 25 {
		t.Fatalf("recorded %d statements: the recorder missed the calls", len(stmts))
	}
	for _, stmt := range stmts {
		if strings.HasPrefix(strings.TrimSpace(stmt.SQL), "SAVEPOINT") {
			continue
		}
		plan, err := plantest.Explain(p.db, stmt)
		if err != nil {
			t.Fatal(err)
		}
		for _, problem := range plantest.Problems(stmt, plan) {
			t.Errorf("%s\n  %s\n%s", stmt, problem, plantest.Format(plan))
		}
		if strings.Contains(stmt.SQL, "FROM topics") && strings.Contains(stmt.SQL, "session_topics") {
			t.Errorf("the topics list reads the tags: %s", stmt)
		}
	}

	// A small file has as few circles as the sidebar shows: all of them.
	small, _ := testdb.New(t)
	rec, err = plantest.Attach(small.DB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := circles.New(small.DB, testdb.Now).Sidebar(nil); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range rec.Take() {
		plan, err := plantest.Explain(small.DB, stmt)
		if err != nil {
			t.Fatal(err)
		}
		for _, problem := range plantest.Problems(stmt, plan) {
			t.Errorf("%s\n  %s\n%s", stmt, problem, plantest.Format(plan))
		}
	}
}

// placeCrowded adds two people whose places are next to each other, then
// one whose name sorts between theirs: the triggers leave it without a
// place, for the next search of the people to give it one.
func placeCrowded(t *testing.T, db *gorm.DB) {
	t.Helper()
	add := func(name string) {
		t.Helper()
		err := db.Exec(`INSERT INTO people (uuid, created_at, updated_at, name, name_key, search_key)
			VALUES (?, '2026-11-25', '2026-11-25', ?, lower(?), lower(?))`, name, name, name, name).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	add("Aaa Crowd 1")
	add("Aaa Crowd 3")
	for _, stmt := range []string{
		`UPDATE people SET list_order = -(SELECT list_order + 1 FROM people WHERE name_key = 'aaa crowd 1') WHERE name_key = 'aaa crowd 3'`,
		`UPDATE people SET list_order = -list_order WHERE list_order < 0`,
	} {
		if err := db.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	add("Aaa Crowd 2")
	var unplaced int64
	db.Table("people").Where("list_order IS NULL").Count(&unplaced)
	if unplaced != 1 {
		t.Fatalf("%d people without a place, want the one between two crowded places", unplaced)
	}
}
