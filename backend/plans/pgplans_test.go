package plans_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/scaledb"
	"circlebook/backend/internal/scalepg"
	"circlebook/backend/services"
)

// TestPostgresScreenPlans runs every screen's calls (screens, as
// TestScreenPlans does) on the generated program copied into PostgreSQL
// (backend/internal/scalepg: tenth scale unless CIRCLEBOOK_SCALE=program,
// ANALYZEd) and EXPLAINs each statement they ran twice: with its
// arguments, as the server plans the first runs of a prepared statement,
// and generic, as it may plan every later run (pgx prepares each
// statement once per connection, and the server then keeps a generic plan
// when it costs no more). Neither plan may read a big table whole (a Seq
// Scan of a table in plantest.Large holding more than bigTable rows): one
// record's page must read that record's rows only. The lists' searches
// (statements with @@) are backend/paging's to check.
func TestPostgresScreenPlans(t *testing.T) {
	st := scalepg.Open(t)
	w := &world{st: st, svc: services.New(st.DB, scaledb.Now, t.TempDir())}
	w.find(t)
	w.make(t)
	rec, err := plantest.Attach(st.DB)
	if err != nil {
		t.Fatal(err)
	}
	w.rec = rec
	sqlDB, err := st.DB.DB()
	if err != nil {
		t.Fatal(err)
	}
	big := bigTables(t, sqlDB)
	checked := 0
	for _, sc := range screens {
		for _, c := range sc.calls {
			rec.Take()
			if _, err := c.run(w); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			for _, s := range rec.Take() {
				if strings.Contains(s.SQL, "@@") {
					continue
				}
				checked++
				for _, generic := range []bool{false, true} {
					for _, p := range seqScans(explainPG(t, sqlDB, s, generic), big) {
						t.Errorf("%s (generic plan: %v): reads all of %s\n\tin %s", c.name, generic, p, s)
					}
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("checked %d statements: the recorder missed the calls", checked)
	}
}

// bigTable is how many rows a large table must hold for a Seq Scan of it to
// count: at tenth scale the tables of one row per circle (1,600) are a few
// pages, which PostgreSQL rightly reads whole to join them to a page of 50.
const bigTable = 10_000

// bigTables lists the tables of plantest.Large holding more than bigTable rows.
func bigTables(t *testing.T, db *sql.DB) []string {
	t.Helper()
	var out []string
	for _, name := range plantest.Large {
		var n float64
		if err := db.QueryRow(`SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)`, name).Scan(&n); err != nil {
			t.Fatalf("size of %s: %v", name, err)
		}
		if n > bigTable {
			out = append(out, name)
		}
	}
	if len(out) < 5 {
		t.Fatalf("only %v hold more than %d rows: not the generated program", out, bigTable)
	}
	return out
}

// explainPG returns s's plan (EXPLAIN, FORMAT JSON: nothing runs) on a
// connection of its own: with s's arguments, or, when generic, the plan
// of a statement prepared from s that the server must plan without them.
func explainPG(t *testing.T, db *sql.DB, s plantest.Statement, generic bool) map[string]any {
	t.Helper()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var text string
	if !generic || len(s.Args) == 0 {
		err = conn.QueryRowContext(ctx, "EXPLAIN (FORMAT JSON) "+s.SQL, s.Args...).Scan(&text)
	} else {
		err = explainGeneric(ctx, conn, s, &text)
	}
	if err != nil {
		t.Fatalf("explain %s: %v", s, err)
	}
	var plans []struct{ Plan map[string]any }
	if err := json.Unmarshal([]byte(text), &plans); err != nil || len(plans) != 1 {
		t.Fatalf("%s: a plan of %d parts (%v)", s, len(plans), err)
	}
	return plans[0].Plan
}

// explainGeneric prepares s and EXPLAINs its execution with the server's
// plan cache told to use the generic plan.
func explainGeneric(ctx context.Context, conn *sql.Conn, s plantest.Statement, text *string) error {
	if _, err := conn.ExecContext(ctx, "PREPARE screen_plan AS "+s.SQL); err != nil {
		return err
	}
	defer conn.ExecContext(ctx, "DEALLOCATE screen_plan")
	if _, err := conn.ExecContext(ctx, "SET plan_cache_mode = force_generic_plan"); err != nil {
		return err
	}
	defer conn.ExecContext(ctx, "RESET plan_cache_mode")
	args := make([]string, len(s.Args))
	for i, a := range s.Args {
		args[i] = literal(a)
	}
	return conn.QueryRowContext(ctx, "EXPLAIN (FORMAT JSON) EXECUTE screen_plan("+strings.Join(args, ", ")+")").Scan(text)
}

// literal writes a statement's argument as an SQL literal.
func literal(a any) string {
	if v, ok := a.(driver.Valuer); ok {
		a, _ = v.Value()
	}
	if r := reflect.ValueOf(a); r.Kind() == reflect.Pointer {
		if r.IsNil() {
			return "NULL"
		}
		a = r.Elem().Interface()
	}
	switch v := a.(type) {
	case nil:
		return "NULL"
	case string:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	case time.Time:
		return "'" + v.UTC().Format(time.RFC3339Nano) + "'"
	case []byte:
		return fmt.Sprintf("'\\x%x'", v)
	}
	return fmt.Sprint(a)
}

// seqScans lists the big tables that a plan node, or any node under it,
// reads whole.
func seqScans(node map[string]any, big []string) []string {
	var out []string
	if node["Node Type"] == "Seq Scan" {
		if name, _ := node["Relation Name"].(string); slices.Contains(big, name) {
			out = append(out, name)
		}
	}
	children, _ := node["Plans"].([]any)
	for _, c := range children {
		if child, ok := c.(map[string]any); ok {
			out = append(out, seqScans(child, big)...)
		}
	}
	return out
}
