package store

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"circlebook/backend/fold"
	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// step runs op on every engine and fails unless it succeeds on all or on
// none, then runs check on each.
func step(t *testing.T, es []engine, name string, op func(db *gorm.DB) error) {
	t.Helper()
	var errs []error
	for _, e := range es {
		errs = append(errs, op(e.db))
	}
	for i := range errs[1:] {
		if (errs[0] == nil) != (errs[i+1] == nil) {
			t.Fatalf("%s: %s says %v, %s says %v", name, es[0].name, errs[0], es[i+1].name, errs[i+1])
		}
	}
}

// sameOnAll fails unless read gives the same on every engine.
func sameOnAll(t *testing.T, es []engine, what string, read func(db *gorm.DB) []string) {
	t.Helper()
	first := read(es[0].db)
	for _, e := range es[1:] {
		if got := read(e.db); !slices.Equal(got, first) {
			t.Fatalf("%s:\n%-10s %v\n%-10s %v", what, es[0].name, first, e.name, got)
		}
	}
}

// rowStrings reads a query's rows as text, sorted in Go (so that neither
// engine's collation orders them).
func rowStrings(t *testing.T, db *gorm.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.Raw(query, args...).Rows()
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			parts[i] = fmt.Sprint(v)
		}
		out = append(out, strings.Join(parts, " | "))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// create inserts a record on every engine and fails unless each gives it
// the same key (the tests address rows by key on both).
func create[T any](t *testing.T, es []engine, make func() *T, id func(*T) uint) uint {
	t.Helper()
	var first uint
	for i, e := range es {
		rec := make()
		if err := e.db.Create(rec).Error; err != nil {
			t.Fatalf("%s: create %T: %v", e.name, rec, err)
		}
		if i == 0 {
			first = id(rec)
		} else if id(rec) != first {
			t.Fatalf("%s gave the new %T key %d, %s %d", e.name, rec, id(rec), es[0].name, first)
		}
	}
	return first
}

func newCircle(t *testing.T, es []engine, name, status string) uint {
	return create(t, es, func() *model.Circle {
		return &model.Circle{Name: name, Kind: model.KindGroup, Cadence: model.CadenceBiweekly, Status: status}
	}, func(c *model.Circle) uint { return c.ID })
}

func newPerson(t *testing.T, es []engine, name string) uint {
	return create(t, es, func() *model.Person { return &model.Person{Name: name} }, func(p *model.Person) uint { return p.ID })
}

func newSession(t *testing.T, es []engine, circle uint, status string) uint {
	return create(t, es, func() *model.Session {
		return &model.Session{CircleID: circle, StartsAt: "2026-11-01T17:00", Status: status}
	}, func(s *model.Session) uint { return s.ID })
}

// The kept tallies (rows of zeros read as no row) and a recount.
const (
	storedTallies = `SELECT circle_id, present, late, excused, absent FROM circle_tallies
		WHERE present <> 0 OR late <> 0 OR excused <> 0 OR absent <> 0`
	recountTallies = `SELECT s.circle_id, COUNT(*) FILTER (WHERE a.status = 'present'), COUNT(*) FILTER (WHERE a.status = 'late'),
		COUNT(*) FILTER (WHERE a.status = 'excused'), COUNT(*) FILTER (WHERE a.status = 'absent')
		FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.status = 'held' GROUP BY s.circle_id`
)

// wantKept fails unless, on every engine, what the triggers keep equals a
// recount, and it is the same on every engine.
func wantKept(t *testing.T, es []engine, what, stored string, recount func(db *gorm.DB) []string) {
	t.Helper()
	for _, e := range es {
		if got, want := rowStrings(t, e.db, stored), recount(e.db); !slices.Equal(got, want) {
			t.Fatalf("%s on %s: kept %v, a recount gives %v", what, e.name, got, want)
		}
	}
	sameOnAll(t, es, what, func(db *gorm.DB) []string { return rowStrings(t, db, stored) })
}

// TestPostgresTallies runs the same random marks, re-marks, moves and
// deletes of marks and sessions (one row and many rows a statement, and
// upserts as the sessions service writes them) on SQLite and PostgreSQL:
// after every step each engine's circle_tallies equal a recount, and the
// two engines hold the same tallies and marks.
func TestPostgresTallies(t *testing.T) {
	es := engines(t)
	statuses := []string{model.Present, model.Late, model.Excused, model.Absent}
	sessionStatuses := []string{model.SessionHeld, model.SessionHeld, model.SessionPlanned, model.SessionCancelled}
	var circles, people, sessions []uint
	for _, name := range []string{"Atlas", "Birch", "Cedar"} {
		circles = append(circles, newCircle(t, es, name, model.CircleActive))
	}
	for i := range 6 {
		people = append(people, newPerson(t, es, fmt.Sprintf("Person %d", i)))
	}
	for i := range 9 {
		sessions = append(sessions, newSession(t, es, circles[i/3], sessionStatuses[i%3]))
	}
	recount := func(db *gorm.DB) []string { return rowStrings(t, db, recountTallies) }
	marks := func(db *gorm.DB) []string {
		return rowStrings(t, db, "SELECT session_id, person_id, status FROM attendance")
	}
	rng := rand.New(rand.NewPCG(2026, 9))
	pick := func(ids []uint) uint { return ids[rng.IntN(len(ids))] }
	for i := range 400 {
		s, p, status := pick(sessions), pick(people), statuses[rng.IntN(len(statuses))]
		var name string
		var op func(db *gorm.DB) error
		after := func() {}
		switch r := rng.IntN(100); {
		case r < 35:
			name, op = "upsert a mark", func(db *gorm.DB) error { return upsertMarkOn(db, s, p, status) }
		case r < 45:
			name, op = "re-mark", func(db *gorm.DB) error {
				return db.Exec("UPDATE attendance SET status = ? WHERE session_id = ? AND person_id = ?", status, s, p).Error
			}
		case r < 53:
			to := pick(sessions)
			name, op = "move a mark", func(db *gorm.DB) error {
				return db.Exec("UPDATE attendance SET session_id = ? WHERE session_id = ? AND person_id = ?", to, s, p).Error
			}
		case r < 63:
			name, op = "clear a mark", func(db *gorm.DB) error {
				return db.Exec("DELETE FROM attendance WHERE session_id = ? AND person_id = ?", s, p).Error
			}
		case r < 75:
			st := sessionStatuses[rng.IntN(len(sessionStatuses))]
			name, op = "set a session's status", func(db *gorm.DB) error {
				return db.Exec("UPDATE sessions SET status = ? WHERE id = ?", st, s).Error
			}
		case r < 81:
			c := pick(circles)
			name, op = "move a session", func(db *gorm.DB) error {
				return db.Exec("UPDATE sessions SET circle_id = ? WHERE id = ?", c, s).Error
			}
		case r < 85:
			st, c := sessionStatuses[rng.IntN(len(sessionStatuses))], pick(circles)
			name, op = "set every session of a circle", func(db *gorm.DB) error {
				return db.Exec("UPDATE sessions SET status = ? WHERE circle_id = ?", st, c).Error
			}
		case r < 89:
			name, op = "re-mark a person everywhere", func(db *gorm.DB) error {
				return db.Exec("UPDATE attendance SET status = ? WHERE person_id = ?", status, p).Error
			}
		case r < 96:
			name, op = "delete a session", func(db *gorm.DB) error { return db.Exec("DELETE FROM sessions WHERE id = ?", s).Error }
			after = func() { // and plan another
				sessions = slices.DeleteFunc(sessions, func(id uint) bool { return id == s })
				sessions = append(sessions, newSession(t, es, pick(circles), sessionStatuses[rng.IntN(len(sessionStatuses))]))
			}
		default:
			name, op = "delete a person", func(db *gorm.DB) error { return db.Exec("DELETE FROM people WHERE id = ?", p).Error }
			after = func() { // and add another
				people = slices.DeleteFunc(people, func(id uint) bool { return id == p })
				people = append(people, newPerson(t, es, fmt.Sprintf("Person %d", i)))
			}
		}
		name = fmt.Sprintf("step %d: %s", i, name)
		step(t, es, name, op)
		after()
		wantKept(t, es, name+": circle_tallies", storedTallies, recount)
		sameOnAll(t, es, name+": marks", marks)
	}
	if n := len(rowStrings(t, es[0].db, storedTallies)); n < 2 {
		t.Fatalf("only %d circles counted anything at the end: the walk proved little", n)
	}
	step(t, es, "delete a circle", func(db *gorm.DB) error { return db.Exec("DELETE FROM circles WHERE id = ?", circles[0]).Error })
	wantKept(t, es, "after deleting a circle: circle_tallies", storedTallies, recount)
}

// upsertMarkOn writes a mark as the sessions service does: ON CONFLICT DO UPDATE.
func upsertMarkOn(db *gorm.DB, session, person uint, status string) error {
	return db.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "session_id"}, {Name: "person_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"status", "updated_at"}),
	}).Create(&model.Attendance{SessionID: session, PersonID: person, Status: status}).Error
}

// TestPostgresNamePrefixes runs the same random adds, renames, archivings
// and deletes of people and circles on both engines: after every step each
// engine's name_prefixes equal a count of the name keys' prefixes in Go,
// and the two engines hold the same counts.
func TestPostgresNamePrefixes(t *testing.T) {
	es := engines(t)
	names := []string{"Ana Muñoz", "ana munoz", "Anabel", "Al", "A", "", "Íñigo Sáenz", "Zoë", "李明", "O'Brien",
		"  spaced  name ", "Ωmega", "ﬁnance", "Ana-María", "anA"}
	circleStatuses := []string{model.CircleActive, model.CircleArchived, model.CircleForming}
	var people, circles []uint
	rng := rand.New(rand.NewPCG(2026, 12))
	pick := func(ids []uint) uint { return ids[rng.IntN(len(ids))] }
	for i := range 300 {
		name := names[rng.IntN(len(names))]
		var what string
		var op func(db *gorm.DB) error
		switch r := rng.IntN(100); {
		case r < 20 || len(people) == 0:
			people = append(people, newPerson(t, es, name))
			what = "add a person"
		case r < 40 || len(circles) == 0:
			circles = append(circles, newCircle(t, es, name, circleStatuses[rng.IntN(len(circleStatuses))]))
			what = "add a circle"
		case r < 50:
			p := pick(people)
			what, op = "rename a person", func(db *gorm.DB) error {
				return db.Exec("UPDATE people SET name = ?, name_key = ? WHERE id = ?", name, fold.Key(name), p).Error
			}
		case r < 55:
			p := pick(people)
			what, op = "touch a person, key unchanged", func(db *gorm.DB) error {
				return db.Exec("UPDATE people SET name_key = name_key, title = ? WHERE id = ?", name, p).Error
			}
		case r < 65:
			c := pick(circles)
			what, op = "rename a circle", func(db *gorm.DB) error {
				return db.Exec("UPDATE circles SET name = ?, name_key = ? WHERE id = ?", name, fold.Key(name), c).Error
			}
		case r < 75:
			c, st := pick(circles), circleStatuses[rng.IntN(len(circleStatuses))]
			what, op = "set a circle's status", func(db *gorm.DB) error {
				return db.Exec("UPDATE circles SET status = ? WHERE id = ?", st, c).Error
			}
		case r < 80:
			c, st := pick(circles), circleStatuses[rng.IntN(len(circleStatuses))]
			what, op = "rename and archive at once", func(db *gorm.DB) error {
				return db.Exec("UPDATE circles SET name = ?, name_key = ?, status = ? WHERE id = ?", name, fold.Key(name), st, c).Error
			}
		case r < 84:
			c, st := pick(circles), circleStatuses[rng.IntN(len(circleStatuses))]
			what, op = "set many circles' status", func(db *gorm.DB) error {
				return db.Exec("UPDATE circles SET status = ? WHERE id > ?", st, c).Error
			}
		case r < 92:
			p := pick(people)
			people = slices.DeleteFunc(people, func(id uint) bool { return id == p })
			what, op = "delete a person", func(db *gorm.DB) error { return db.Exec("DELETE FROM people WHERE id = ?", p).Error }
		default:
			c := pick(circles)
			circles = slices.DeleteFunc(circles, func(id uint) bool { return id == c })
			what, op = "delete a circle", func(db *gorm.DB) error { return db.Exec("DELETE FROM circles WHERE id = ?", c).Error }
		}
		what = fmt.Sprintf("step %d: %s", i, what)
		if op != nil {
			step(t, es, what, op)
		}
		wantKept(t, es, what+": name_prefixes", "SELECT list, depth, prefix, n FROM name_prefixes WHERE n <> 0", prefixRecount(t))
	}
	if len(people) < 5 || len(circles) < 5 {
		t.Fatalf("%d people and %d circles at the end: the walk proved little", len(people), len(circles))
	}
}

// prefixRecount counts the name keys' prefixes in Go, as list_counts.sql defines them.
func prefixRecount(t *testing.T) func(db *gorm.DB) []string {
	return func(db *gorm.DB) []string {
		n := map[string]int{}
		count := func(list, key string) {
			r := []rune(key)
			for d := 1; d <= 4; d++ {
				n[fmt.Sprintf("%s | %d | %s", list, d, string(r[:min(d, len(r))]))]++
			}
		}
		for _, row := range rowStrings(t, db, "SELECT name_key FROM people") {
			count("people", row)
		}
		for _, row := range rowStrings(t, db, "SELECT status, name_key FROM circles") {
			status, key, _ := strings.Cut(row, " | ")
			count("circles", key)
			if status != model.CircleArchived {
				count("circles-current", key)
			}
		}
		var out []string
		for k, v := range n {
			out = append(out, fmt.Sprintf("%s | %d", k, v))
		}
		slices.Sort(out)
		return out
	}
}

// TestPostgresTopicCounts runs the same random tags, untags, retags and
// deletes of sessions and topics on both engines: after every step each
// engine's topic_counts equal a recount, and the two engines agree.
func TestPostgresTopicCounts(t *testing.T) {
	es := engines(t)
	circle := newCircle(t, es, "Topics", model.CircleActive)
	var sessions []uint
	for range 5 {
		sessions = append(sessions, newSession(t, es, circle, model.SessionPlanned))
	}
	topics := rowIDs(t, es[0].db, "SELECT id FROM topics")
	rng := rand.New(rand.NewPCG(2026, 7))
	pick := func(ids []uint) uint { return ids[rng.IntN(len(ids))] }
	recount := func(db *gorm.DB) []string {
		return rowStrings(t, db, "SELECT topic_id, COUNT(*) FROM session_topics GROUP BY topic_id")
	}
	for i := range 300 {
		s, tp, other := pick(sessions), pick(topics), pick(topics)
		var what string
		var op func(db *gorm.DB) error
		switch r := rng.IntN(100); {
		case r < 35:
			what, op = "tag", func(db *gorm.DB) error {
				return db.Exec("INSERT INTO session_topics (session_id, topic_id) VALUES (?, ?)", s, tp).Error
			}
		case r < 50:
			what, op = "tag unless tagged", func(db *gorm.DB) error {
				return db.Exec("INSERT INTO session_topics (session_id, topic_id) VALUES (?, ?) ON CONFLICT DO NOTHING", s, tp).Error
			}
		case r < 70:
			what, op = "untag", func(db *gorm.DB) error {
				return db.Exec("DELETE FROM session_topics WHERE session_id = ? AND topic_id = ?", s, tp).Error
			}
		case r < 85:
			what, op = "retag", func(db *gorm.DB) error {
				return db.Exec("UPDATE session_topics SET topic_id = ? WHERE session_id = ? AND topic_id = ?", other, s, tp).Error
			}
		case r < 93:
			sessions = slices.DeleteFunc(sessions, func(id uint) bool { return id == s })
			what, op = "delete a session", func(db *gorm.DB) error { return db.Exec("DELETE FROM sessions WHERE id = ?", s).Error }
		default:
			topics = slices.DeleteFunc(topics, func(id uint) bool { return id == tp })
			what, op = "delete a topic", func(db *gorm.DB) error { return db.Exec("DELETE FROM topics WHERE id = ?", tp).Error }
		}
		what = fmt.Sprintf("step %d: %s", i, what)
		step(t, es, what, op)
		if len(sessions) < 3 {
			sessions = append(sessions, newSession(t, es, circle, model.SessionPlanned))
		}
		if len(topics) < 3 {
			name := fmt.Sprintf("Topic %d", i)
			topics = append(topics, create(t, es, func() *model.Topic { return &model.Topic{Name: name} },
				func(tp *model.Topic) uint { return tp.ID }))
		}
		wantKept(t, es, what+": topic_counts", "SELECT topic_id, sessions FROM topic_counts WHERE sessions <> 0", recount)
		sameOnAll(t, es, what+": tags", func(db *gorm.DB) []string {
			return rowStrings(t, db, "SELECT session_id, topic_id FROM session_topics")
		})
	}
}

func rowIDs(t *testing.T, db *gorm.DB, query string) []uint {
	t.Helper()
	var ids []uint
	if err := db.Raw(query).Scan(&ids).Error; err != nil {
		t.Fatal(err)
	}
	return ids
}
