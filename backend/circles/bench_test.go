package circles_test

import (
	"database/sql"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"circlebook/backend/circles"
	"circlebook/backend/fold"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/people"
	"circlebook/backend/store"
)

// The benchmark program: a large organisation's worth of circles.
const (
	benchCircles           = 1_000
	benchPeople            = 20_000
	benchMembersPerCircle  = 10
	benchSessionsPerCircle = 12
	benchHeldPerCircle     = 8 // the rest are planned, from today on
)

var bench struct {
	once    sync.Once
	dir     string
	st      *store.Store
	busiest uint // the person in the most circles
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.st != nil {
		bench.st.Close()
	}
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// benchStore builds the data set once per run, in a temporary folder.
func benchStore(b *testing.B) *store.Store {
	b.Helper()
	bench.once.Do(func() {
		if bench.dir, bench.err = os.MkdirTemp("", "circlebook-bench-"); bench.err != nil {
			return
		}
		if bench.st, bench.err = store.Open(bench.dir); bench.err != nil {
			return
		}
		bench.err = fill(bench.st)
		if bench.err == nil {
			bench.err = bench.st.DB.Raw(`SELECT person_id FROM memberships GROUP BY person_id
				ORDER BY COUNT(*) DESC, person_id LIMIT 1`).Scan(&bench.busiest).Error
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.st
}

func fill(st *store.Store) error {
	sqlDB, err := st.DB.DB()
	if err != nil {
		return err
	}
	tx, err := sqlDB.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := testdb.Today.Format("2006-01-02 15:04:05")
	uuid := func(kind, i int) string { return fmt.Sprintf("b0000000-%04x-4000-8000-%012x", kind, i) }
	statuses := []string{"present", "present", "present", "late", "excused", "absent", "present"}

	var rows [][]any
	for i := 1; i <= benchPeople; i++ {
		name, email, team := fmt.Sprintf("Person %05d", i), fmt.Sprintf("p%05d@example.org", i), fmt.Sprintf("Team %d", i%40)
		nameKey, searchKey := model.PersonKeys(name, email, team, "")
		rows = append(rows, []any{i, uuid(1, i), now, now, name, email, team, nameKey, searchKey})
	}
	if err := insert(tx, "people", "id, uuid, created_at, updated_at, name, email, team, name_key, search_key", rows); err != nil {
		return err
	}

	rows = rows[:0]
	for c := 1; c <= benchCircles; c++ {
		name := fmt.Sprintf("Circle %04d", c)
		rows = append(rows, []any{c, uuid(2, c), now, now, name, fold.Key(name), "group", "biweekly", -1, 60, "active"})
	}
	if err := insert(tx, "circles", "id, uuid, created_at, updated_at, name, name_key, kind, cadence, meeting_day, duration_minutes, status", rows); err != nil {
		return err
	}

	rows = rows[:0]
	members := make([][]int, benchCircles+1)
	for c := 1; c <= benchCircles; c++ {
		for j := 0; j < benchMembersPerCircle; j++ {
			p := (c*7919+j*104729)%benchPeople + 1 // spread out, some people in several circles
			members[c] = append(members[c], p)
			role := "mentee"
			if j == 0 {
				role = "leader"
			}
			rows = append(rows, []any{uuid(3, len(rows)+1), now, now, c, p, role, "2026-01-01"})
		}
	}
	if err := insert(tx, "memberships", "uuid, created_at, updated_at, circle_id, person_id, role, joined_on", rows); err != nil {
		return err
	}

	rows = rows[:0]
	var marks [][]any
	sessionID := 0
	first := testdb.Today.AddDate(0, 0, -14*benchHeldPerCircle)
	for c := 1; c <= benchCircles; c++ {
		for k := 0; k < benchSessionsPerCircle; k++ {
			sessionID++
			status := "planned"
			if k < benchHeldPerCircle {
				status = "held"
			}
			at := first.AddDate(0, 0, 14*k+c%7).Format("2006-01-02") + "T17:00"
			rows = append(rows, []any{sessionID, uuid(4, sessionID), now, now, c, k + 1, at, 60, status})
			if status != "held" {
				continue
			}
			for j, p := range members[c] {
				marks = append(marks, []any{uuid(5, len(marks)+1), now, now, sessionID, p, statuses[(c+k+j)%len(statuses)]})
			}
		}
	}
	if err := insert(tx, "sessions", "id, uuid, created_at, updated_at, circle_id, number, starts_at, duration_minutes, status", rows); err != nil {
		return err
	}
	if err := insert(tx, "attendance", "uuid, created_at, updated_at, session_id, person_id, status", marks); err != nil {
		return err
	}
	return tx.Commit() // never ANALYZE: the app does not, so its plans must not need it
}

// insert writes rows in multi-row INSERTs of a few hundred rows each.
func insert(tx *sql.Tx, table, cols string, rows [][]any) error {
	const batch = 500
	for start := 0; start < len(rows); start += batch {
		chunk := rows[start:min(start+batch, len(rows))]
		one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(chunk[0])), ",") + ")"
		args := make([]any, 0, len(chunk)*len(chunk[0]))
		for _, r := range chunk {
			args = append(args, r...)
		}
		q := "INSERT INTO " + table + " (" + cols + ") VALUES " + strings.TrimSuffix(strings.Repeat(one+",", len(chunk)), ",")
		if _, err := tx.Exec(q, args...); err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
	}
	return nil
}

func BenchmarkCirclesGet(b *testing.B) {
	svc := circles.New(benchStore(b).DB, testdb.Now)
	for b.Loop() {
		page, err := svc.Get(benchCircles / 2)
		if err != nil {
			b.Fatal(err)
		}
		if len(page.Members) != benchMembersPerCircle || len(page.Sessions) != benchSessionsPerCircle {
			b.Fatalf("page has %d members and %d sessions", len(page.Members), len(page.Sessions))
		}
	}
}

func BenchmarkPeopleGet(b *testing.B) {
	svc := people.New(benchStore(b).DB, testdb.Now)
	for b.Loop() {
		page, err := svc.Get(bench.busiest)
		if err != nil {
			b.Fatal(err)
		}
		if len(page.Circles) == 0 || len(page.Visits) == 0 {
			b.Fatalf("person %d's page has %d circles and %d visits", bench.busiest, len(page.Circles), len(page.Visits))
		}
	}
}
