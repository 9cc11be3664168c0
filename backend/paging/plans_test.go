package paging_test

import (
	"strings"
	"testing"

	"circlebook/backend/circles"
	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/paging"
	"circlebook/backend/topics"
)

// TestPlansAreBounded records every statement the list calls run (each
// path: first page, offset jump, cursor, a search read from the index, a
// capped search walked in order, sorted, or walked then sorted, the sidebar
// both ways, pinning, the topics) and fails on a plan that reads a large
// table whole or sorts an unbounded set of its rows. The topics list must
// not read the tags at all.
func TestPlansAreBounded(t *testing.T) {
	p := newProgram(t)
	rec, err := plantest.Attach(p.db)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range strategies { // a capped search ("plat") every way: walked, sorted, both
		if s.first > 0 {
			paging.SetWalk(t.Cleanup, s.first, s.cost)
		}
		for _, l := range p.lists(t) {
			for _, query := range []string{"", "ana", "plat"} {
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
	if len(stmts) < 30 {
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
