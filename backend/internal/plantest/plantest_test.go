package plantest_test

import (
	"path/filepath"
	"strings"
	"testing"

	"circlebook/backend/internal/plantest"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// schema has large tables by name (people, pins, sessions) and one small
// one (topics); pins.session_id is a foreign key without an index.
const schema = `
CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL);
CREATE INDEX idx_people_name_key ON people (name_key);
CREATE INDEX idx_people_lower_name ON people (lower(name));
CREATE TABLE sessions (id INTEGER PRIMARY KEY, circle_id INTEGER NOT NULL, starts_at TEXT NOT NULL);
CREATE INDEX idx_sessions_circle_starts ON sessions (circle_id, starts_at);
CREATE TABLE pins (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people(id),
  session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL, body TEXT NOT NULL);
CREATE INDEX idx_pins_person ON pins (person_id);
CREATE TABLE topics (id INTEGER PRIMARY KEY, name TEXT NOT NULL);`

func open(t *testing.T) *gorm.DB {
	t.Helper()
	dsn := "file:" + filepath.Join(t.TempDir(), "plan.db") + "?_pragma=foreign_keys(1)"
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	})
	if err := db.Exec(schema).Error; err != nil {
		t.Fatal(err)
	}
	return db
}

func TestProblems(t *testing.T) {
	db := open(t)
	for _, c := range []struct {
		sql  string
		args []any
		want []string // a fragment of each problem, in order; none for a good plan
	}{
		{"SELECT * FROM people WHERE id = ?", []any{1}, nil},
		{"SELECT * FROM people p WHERE p.name = ?", []any{"Ana"}, []string{"reads all of people: SCAN p"}},
		{"SELECT id FROM `people` ORDER BY name_key", nil, []string{"reads all of people: SCAN people USING COVERING INDEX"}},
		{"SELECT * FROM topics ORDER BY name", nil, nil},
		{"SELECT * FROM pins WHERE person_id = ? ORDER BY body", []any{1}, nil},
		{"SELECT * FROM people WHERE name_key > ? ORDER BY name", []any{"a"},
			[]string{"sorts rows of people not bounded to one record's (SEARCH people USING INDEX idx_people_name_key (name_key>?))"}},
		{"SELECT * FROM people WHERE name_key > ? ORDER BY name_key LIMIT 50", []any{"a"}, nil},
		{"SELECT * FROM people WHERE lower(name) = ? ORDER BY id", []any{"ana"}, nil},
		{"SELECT * FROM sessions WHERE circle_id = ? AND starts_at < ? ORDER BY id", []any{1, "2026"}, nil},
		{"SELECT p.name, (SELECT COUNT(*) FROM pins n WHERE n.session_id = s.id) FROM sessions s JOIN people p ON p.id = s.circle_id WHERE s.circle_id = ?",
			[]any{1}, []string{"reads all of pins"}},
		{"SELECT * FROM pins a JOIN sessions b ON b.id = a.session_id WHERE b.circle_id = ?", []any{1}, []string{"pins"}},
		{"DELETE FROM sessions WHERE id = ?", []any{1}, []string{"reads all of pins: SCAN pins"}},
		{"DELETE FROM people WHERE id = ?", []any{1}, nil},
	} {
		stmt := plantest.Statement{SQL: c.sql, Args: c.args}
		plan, err := plantest.Explain(db, stmt)
		if err != nil {
			t.Fatal(err)
		}
		got := plantest.Problems(stmt, plan)
		if len(got) != len(c.want) {
			t.Errorf("%s: problems %q, want %d like %q\nplan:\n%s", c.sql, got, len(c.want), c.want, plantest.Format(plan))
			continue
		}
		for i, w := range c.want {
			if !strings.Contains(got[i], w) {
				t.Errorf("%s: problem %q, want it to say %q", c.sql, got[i], w)
			}
		}
	}
}

func TestRecorder(t *testing.T) {
	db := open(t)
	rec, err := plantest.Attach(db)
	if err != nil {
		t.Fatal(err)
	}
	type person struct {
		ID            uint
		Name, NameKey string
	}
	tx := db.Session(&gorm.Session{NewDB: true})
	tx.Table("people").Create(&person{Name: "Ana", NameKey: "ana"})
	var got []person
	tx.Table("people").Where("name_key = ?", "ana").Find(&got)
	tx.Raw("SELECT name FROM people WHERE id IN ?", []uint{1, 2}).Scan(&got)
	tx.Exec("UPDATE people SET name = ? WHERE id = ?", "Ana M.", 1)
	rows, _ := tx.Table("people").Select("id").Rows()
	rows.Close()
	tx.Table("pins").Where("person_id IN (?)", tx.Table("people").Select("id").Where("name = ?", "Ana")).Find(&[]struct{ ID uint }{})
	stmts := rec.Take()
	want := []struct {
		sql  string
		args int
	}{{"INSERT INTO `people`", 2}, {"WHERE name_key = ?", 1}, {"WHERE id IN (?,?)", 2}, {"UPDATE people SET name = ?", 2}, {"SELECT id FROM `people`", 0},
		{"WHERE person_id IN (SELECT id FROM `people` WHERE name = ?)", 1}}
	if len(stmts) != len(want) {
		t.Fatalf("recorded %d statements, want %d: %v", len(stmts), len(want), stmts)
	}
	for i, w := range want {
		if !strings.Contains(stmts[i].SQL, w.sql) || len(stmts[i].Args) != w.args {
			t.Errorf("statement %d = %s with %d args, want %q with %d", i, stmts[i], len(stmts[i].Args), w.sql, w.args)
		}
	}
	if again := rec.Take(); len(again) != 0 {
		t.Errorf("Take kept %d statements", len(again))
	}
}
