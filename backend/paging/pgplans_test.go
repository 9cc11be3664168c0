package paging_test

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/paging"

	"gorm.io/gorm"
)

// TestPostgresSearchPlans records what the lists' searches run on
// PostgreSQL (a first page, a jump, the page after a cursor; a common
// word, a rare one whose matches sort last, two words; people, circles and
// the current circles) over 4,000 people and 800 circles made through the
// models, and replays it with each search statement EXPLAINed (FORMAT
// JSON) in the same session state: every search must read its matches
// from the GIN index or walk the list in order, bounded (a Limit straight
// over the list's name index, the rows tested above it), and none may
// read a list's table whole (Seq Scan, or an index read whole and sorted)
// or test rows against the query in an unbounded scan (a walk that, for
// matches that sort last, passes every row). A common word's pages must
// come from walks: a page from the GIN index reads and sorts every match.
//
// Nothing is ANALYZEd, and autovacuum is off for the two tables, so no
// statistics appear halfway; the plans must not depend on them anyway: the
// searches turn the other scans off (search.indexOnly), so the statements
// are EXPLAINed a second time with the index priced as statistics of a
// common word would price it.
func TestPostgresSearchPlans(t *testing.T) {
	st := testdb.OpenPostgres(t)
	db := st.DB
	for _, table := range []string{"people", "circles"} {
		if err := db.Exec("ALTER TABLE " + table + " SET (autovacuum_enabled = false)").Error; err != nil {
			t.Fatal(err)
		}
	}
	var people []model.Person
	for i := range 4000 {
		people = append(people, model.Person{Name: fmt.Sprintf("%s %s %04d", firsts[i%len(firsts)], lasts[i/len(firsts)%len(lasts)], i),
			Team: "Platform", Email: fmt.Sprintf("p%d@plan.example.org", i)})
	}
	people = append(people, model.Person{Name: "Zygmunt Zyx"}, model.Person{Name: "Zyta Zyx"})
	var circles []model.Circle
	for i := range 800 {
		c := model.Circle{Name: fmt.Sprintf("%s %d", themes[i%len(themes)], i), Kind: model.KindGroup,
			Cadence: model.CadenceBiweekly, MeetingDay: -1, DurationMinutes: 60, Status: model.CircleActive}
		if i%7 == 0 {
			c.Status = model.CircleArchived
		}
		circles = append(circles, c)
	}
	for _, rows := range []any{&people, &circles} {
		if err := db.CreateInBatches(rows, 500).Error; err != nil {
			t.Fatal(err)
		}
	}
	rec, err := plantest.Attach(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range (program{db: db}).lists(t) {
		for _, query := range []string{"a", "zyx", "ana gil", "equipe"} {
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
	stmts := rec.Take()
	for _, estimates := range []string{"", "random_page_cost"} {
		plans := replayExplained(t, db, estimates, stmts)
		walks := 0
		for _, plan := range plans {
			problems, walk := searchPlanProblems(plan.plan)
			for _, problem := range problems {
				t.Errorf("%s (%s)\n  %s\n%s", plan.stmt, estimates, problem, plan.text)
			}
			if walk {
				walks++
			}
		}
		if len(plans) < 30 {
			t.Errorf("checked %d search statements: the recorder missed the calls", len(plans))
		}
		if walks < 6 {
			t.Errorf("%d of %d search statements walk the list (%s): a common word's pages read and sort all its matches", walks, len(plans), estimates)
		}
	}
}

// explained is a search statement and its plan.
type explained struct {
	stmt plantest.Statement
	plan map[string]any // the plan's top node, as EXPLAIN (FORMAT JSON) gives it
	text string
}

// replayExplained replays stmts in one transaction, in order, on their
// own connection: the searches (statements with @@) EXPLAINed, the
// statements that set the planner's settings run, the rest left out; and
// returns the searches' plans. Given "random_page_cost", it first makes
// the planner price an index's reads a hundred times higher, as
// statistics of a word most rows hold would make it price the index's
// matches: a plan must stand whatever the planner estimates.
func replayExplained(t *testing.T, db *gorm.DB, estimates string, stmts []plantest.Statement) []explained {
	t.Helper()
	sqlDB, err := db.DB()
	if err != nil {
		t.Fatal(err)
	}
	tx, err := sqlDB.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if estimates != "" {
		if _, err := tx.Exec("SELECT set_config($1, '400', true)", estimates); err != nil {
			t.Fatal(err)
		}
	}
	var out []explained
	for _, stmt := range stmts {
		switch {
		case strings.Contains(stmt.SQL, "set_config("):
			if _, err := tx.Exec(stmt.SQL, stmt.Args...); err != nil {
				t.Fatal(err)
			}
		case strings.Contains(stmt.SQL, "@@"):
			out = append(out, explain(t, tx, stmt))
		}
	}
	return out
}

// explain returns stmt's plan inside tx.
func explain(t *testing.T, tx *sql.Tx, stmt plantest.Statement) explained {
	t.Helper()
	var text string
	if err := tx.QueryRow("EXPLAIN (FORMAT JSON) "+stmt.SQL, stmt.Args...).Scan(&text); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
	var plans []struct{ Plan map[string]any }
	if err := json.Unmarshal([]byte(text), &plans); err != nil || len(plans) != 1 {
		t.Fatalf("%s: a plan of %d parts (%v)", stmt, len(plans), err)
	}
	return explained{stmt: stmt, plan: plans[0].Plan, text: text}
}

// searchPlanProblems lists what is wrong with a search's plan: a list's
// table read whole (a Seq Scan, or an index read whole into a Sort), rows
// tested against the query in a scan of the table (unbounded), or neither
// the GIN index read nor a bounded walk; and says whether it is a walk: a
// Limit straight over an index scan of the list in order.
func searchPlanProblems(plan map[string]any) (out []string, walk bool) {
	gin := false
	var visit func(n map[string]any)
	visit = func(n map[string]any) {
		kind, _ := n["Node Type"].(string)
		rel, _ := n["Relation Name"].(string)
		index, _ := n["Index Name"].(string)
		filter, _ := n["Filter"].(string)
		children, _ := n["Plans"].([]any)
		child := func(i int) map[string]any {
			c, _ := children[i].(map[string]any)
			return c
		}
		list := rel == "people" || rel == "circles"
		switch {
		case kind == "Seq Scan" && list:
			out = append(out, "reads all of "+rel)
		case list && (strings.Contains(filter, "@@") || strings.Contains(filter, "search_vector")):
			out = append(out, fmt.Sprintf("tests rows against the query as it scans (%s on %s %s): %s", kind, rel, index, filter))
		case index == "idx_people_search" || index == "idx_circles_search":
			gin = true
		case kind == "Sort" && len(children) == 1 && strings.HasPrefix(child(0)["Node Type"].(string), "Index"):
			out = append(out, fmt.Sprintf("reads %s whole by %s and sorts it", child(0)["Relation Name"], child(0)["Index Name"]))
		case kind == "Limit" && len(children) == 1 && listInOrder(child(0)):
			walk = true
		}
		for i := range children {
			visit(child(i))
		}
	}
	visit(plan)
	if !gin && !walk {
		out = append(out, "reads no GIN index and walks no list")
	}
	return out, walk
}

// listInOrder: n reads a list's name index in order (an Incremental Sort
// over it adds the id where the index ends before it).
func listInOrder(n map[string]any) bool {
	if n["Node Type"] == "Incremental Sort" {
		children, _ := n["Plans"].([]any)
		if len(children) != 1 {
			return false
		}
		n, _ = children[0].(map[string]any)
	}
	kind, _ := n["Node Type"].(string)
	index, _ := n["Index Name"].(string)
	return (kind == "Index Scan" || kind == "Index Only Scan") && strings.HasPrefix(index, "idx_") &&
		(strings.Contains(index, "_name_key") || index == "idx_circles_current")
}
