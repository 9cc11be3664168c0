package store_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"circlebook/backend/attendance"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// counts is one circle's four attendance counters.
type counts struct{ Present, Late, Excused, Absent int }

func (c counts) String() string {
	return fmt.Sprintf("{present %d late %d excused %d absent %d}", c.Present, c.Late, c.Excused, c.Absent)
}

// stored reads circle_tallies, leaving out rows of zeros (which read as no row).
func stored(t *testing.T, db *gorm.DB) map[uint]counts {
	t.Helper()
	rows, err := db.Raw("SELECT circle_id, present, late, excused, absent FROM circle_tallies").Rows()
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[uint]counts{}
	for rows.Next() {
		var id uint
		var c counts
		if err := rows.Scan(&id, &c.Present, &c.Late, &c.Excused, &c.Absent); err != nil {
			t.Fatal(err)
		}
		if c != (counts{}) {
			out[id] = c
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// recount counts every mark at held sessions from scratch.
func recount(t *testing.T, db *gorm.DB) map[uint]counts {
	t.Helper()
	tallies, err := attendance.ByCircle(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[uint]counts{}
	for id, tl := range tallies {
		out[id] = counts{tl.Present, tl.Late, tl.Excused, tl.Absent}
	}
	return out
}

// wantTallies fails unless the stored counters are want and equal a fresh recount.
func wantTallies(t *testing.T, db *gorm.DB, step string, want map[uint]counts) {
	t.Helper()
	got, again := stored(t, db), recount(t, db)
	if !maps.Equal(got, again) {
		t.Fatalf("%s: circle_tallies = %v, but a recount gives %v", step, got, again)
	}
	if want != nil && !maps.Equal(got, want) {
		t.Fatalf("%s: circle_tallies = %v, want %v", step, got, want)
	}
}

func exec(t *testing.T, db *gorm.DB, sql string, args ...any) {
	t.Helper()
	if err := db.Exec(sql, args...).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// upsertMark writes a mark the way the sessions service does: ON CONFLICT DO UPDATE.
func upsertMark(db *gorm.DB, sessionID, personID uint, status string) error {
	return db.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "session_id"}, {Name: "person_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"status", "updated_at"}),
	}).Create(&model.Attendance{SessionID: sessionID, PersonID: personID, Status: status}).Error
}

// TestCascadeOrder pins down the order circle_tallies' triggers rely on:
// deleting a session runs its BEFORE DELETE triggers while its marks are
// still there, removes the session row, cascades to the marks (whose triggers
// no longer find the session), and only then runs its AFTER DELETE triggers.
func TestCascadeOrder(t *testing.T) {
	testdb.SQLiteOnly(t) // SQLite's trigger syntax and cascade order
	st, f := testdb.New(t)
	db := st.DB
	exec(t, db, `CREATE TABLE trace (n INTEGER PRIMARY KEY, event TEXT, session_rows INT, mark_rows INT)`)
	for _, tr := range []struct{ name, when, table, session string }{
		{"t1", "BEFORE", "sessions", "old.id"},
		{"t2", "AFTER", "sessions", "old.id"},
		{"t3", "BEFORE", "attendance", "old.session_id"},
		{"t4", "AFTER", "attendance", "old.session_id"},
	} {
		exec(t, db, fmt.Sprintf(`CREATE TRIGGER %s %s DELETE ON %s BEGIN
			INSERT INTO trace (event, session_rows, mark_rows) VALUES ('%s %s',
				(SELECT COUNT(*) FROM sessions WHERE id = %s), (SELECT COUNT(*) FROM attendance WHERE session_id = %s));
			END`, tr.name, tr.when, tr.table, tr.table, tr.when, tr.session, tr.session))
	}
	c := f.Circle("Traced")
	s := f.Session(c, "2026-11-01T17:00", model.SessionHeld)
	f.Mark(s, f.Person("Ana"), model.Present)
	f.Mark(s, f.Person("Kwame"), model.Late)

	exec(t, db, "DELETE FROM sessions WHERE id = ?", s.ID)

	type event struct {
		Event       string
		SessionRows int
		MarkRows    int
	}
	var got []event
	if err := db.Raw("SELECT event, session_rows, mark_rows FROM trace ORDER BY n").Scan(&got).Error; err != nil {
		t.Fatal(err)
	}
	want := []event{
		{"sessions BEFORE", 1, 2}, // the session and its marks are all there
		{"attendance BEFORE", 0, 2},
		{"attendance AFTER", 0, 1}, // the cascade runs after the session row is gone
		{"attendance BEFORE", 0, 1},
		{"attendance AFTER", 0, 0},
		{"sessions AFTER", 0, 0}, // and before the session's AFTER triggers
	}
	if !slices.Equal(got, want) {
		t.Errorf("deleting a session ran\n%v\nwant\n%v", got, want)
	}
}

func TestTalliesFollowEveryWrite(t *testing.T) {
	st, f := testdb.New(t)
	db := st.DB
	c, other := f.Circle("Counted"), f.Circle("Other")
	ana, kwame, aiko := f.Person("Ana"), f.Person("Kwame"), f.Person("Aiko")
	held := f.Session(c, "2026-11-01T17:00", model.SessionHeld)
	s := f.Session(c, "2026-11-15T17:00", model.SessionPlanned)
	elsewhere := f.Session(other, "2026-11-01T17:00", model.SessionHeld)
	f.Mark(elsewhere, aiko, model.Absent)
	wantTallies(t, db, "setup", map[uint]counts{other.ID: {Absent: 1}})

	steps := []struct {
		name string
		do   func() error
		want map[uint]counts
	}{
		{"mark", func() error { return upsertMark(db, held.ID, ana.ID, model.Present) },
			map[uint]counts{c.ID: {Present: 1}, other.ID: {Absent: 1}}},
		{"mark another", func() error { return upsertMark(db, held.ID, kwame.ID, model.Excused) },
			map[uint]counts{c.ID: {Present: 1, Excused: 1}, other.ID: {Absent: 1}}},
		{"re-mark", func() error { return upsertMark(db, held.ID, ana.ID, model.Late) },
			map[uint]counts{c.ID: {Late: 1, Excused: 1}, other.ID: {Absent: 1}}},
		{"re-mark the same", func() error { return upsertMark(db, held.ID, ana.ID, model.Late) },
			map[uint]counts{c.ID: {Late: 1, Excused: 1}, other.ID: {Absent: 1}}},
		{"clear", func() error {
			return db.Where("session_id = ? AND person_id = ?", held.ID, kwame.ID).Delete(&model.Attendance{}).Error
		}, map[uint]counts{c.ID: {Late: 1}, other.ID: {Absent: 1}}},
		{"mark a planned session", func() error { return upsertMark(db, s.ID, ana.ID, model.Present) },
			map[uint]counts{c.ID: {Late: 1}, other.ID: {Absent: 1}}},
		{"mark it again", func() error { return upsertMark(db, s.ID, kwame.ID, model.Absent) },
			map[uint]counts{c.ID: {Late: 1}, other.ID: {Absent: 1}}},
		{"planned -> held", func() error { return db.Model(&s).Update("status", model.SessionHeld).Error },
			map[uint]counts{c.ID: {Present: 1, Late: 1, Absent: 1}, other.ID: {Absent: 1}}},
		{"held -> held (saved unchanged)", func() error { return db.Model(&s).Update("status", model.SessionHeld).Error },
			map[uint]counts{c.ID: {Present: 1, Late: 1, Absent: 1}, other.ID: {Absent: 1}}},
		{"held -> cancelled", func() error { return db.Model(&s).Update("status", model.SessionCancelled).Error },
			map[uint]counts{c.ID: {Late: 1}, other.ID: {Absent: 1}}},
		{"mark a cancelled session", func() error { return upsertMark(db, s.ID, aiko.ID, model.Present) },
			map[uint]counts{c.ID: {Late: 1}, other.ID: {Absent: 1}}},
		{"cancelled -> held", func() error { return db.Model(&s).Update("status", model.SessionHeld).Error },
			map[uint]counts{c.ID: {Present: 2, Late: 1, Absent: 1}, other.ID: {Absent: 1}}},
		{"save the whole session", func() error {
			var ses model.Session
			db.Take(&ses, s.ID)
			ses.Topic = "Feedback"
			return db.Save(&ses).Error
		}, map[uint]counts{c.ID: {Present: 2, Late: 1, Absent: 1}, other.ID: {Absent: 1}}},
		{"move a held session to another circle", func() error {
			return db.Model(&s).Update("circle_id", other.ID).Error
		}, map[uint]counts{c.ID: {Late: 1}, other.ID: {Present: 2, Absent: 2}}},
		{"move it back", func() error { return db.Model(&s).Update("circle_id", c.ID).Error },
			map[uint]counts{c.ID: {Present: 2, Late: 1, Absent: 1}, other.ID: {Absent: 1}}},
		{"move a mark to another session", func() error {
			return db.Exec("UPDATE attendance SET session_id = ? WHERE session_id = ? AND person_id = ?", elsewhere.ID, s.ID, kwame.ID).Error
		}, map[uint]counts{c.ID: {Present: 2, Late: 1}, other.ID: {Absent: 2}}},
		{"delete a held session", func() error { return db.Delete(&model.Session{}, s.ID).Error },
			map[uint]counts{c.ID: {Late: 1}, other.ID: {Absent: 2}}},
		{"delete a person", func() error { return db.Delete(&model.Person{}, kwame.ID).Error },
			map[uint]counts{c.ID: {Late: 1}, other.ID: {Absent: 1}}},
		{"delete a circle", func() error { return db.Delete(&model.Circle{}, c.ID).Error },
			map[uint]counts{other.ID: {Absent: 1}}},
	}
	for _, step := range steps {
		if err := step.do(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		wantTallies(t, db, step.name, step.want)
	}
	var rows int64
	db.Table("circle_tallies").Where("circle_id = ?", c.ID).Count(&rows)
	if rows != 0 {
		t.Error("the deleted circle's tally row is still there")
	}
}

func TestTalliesFailedWriteCountsNothing(t *testing.T) {
	st, f := testdb.New(t)
	db := st.DB
	c := f.Circle("Counted")
	ana, kwame := f.Person("Ana"), f.Person("Kwame")
	s1, s2 := f.Session(c, "2026-11-01T17:00", model.SessionHeld), f.Session(c, "2026-11-15T17:00", model.SessionHeld)
	f.Mark(s1, ana, model.Present)
	f.Mark(s2, ana, model.Absent)
	f.Mark(s2, kwame, model.Late)

	// Moving both of s2's marks to s1 breaks the unique (session, person) key on
	// the second row; the statement is undone, the trigger's work with it.
	if err := db.Exec("UPDATE attendance SET session_id = ? WHERE session_id = ?", s1.ID, s2.ID).Error; err == nil {
		t.Fatal("the update succeeded, want a unique-key violation")
	}
	wantTallies(t, db, "failed update", map[uint]counts{c.ID: {Present: 1, Late: 1, Absent: 1}})
	if err := db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Delete(&model.Session{}, s2.ID).Error; err != nil {
			return err
		}
		return fmt.Errorf("changed my mind")
	}); err == nil {
		t.Fatal("the transaction committed")
	}
	wantTallies(t, db, "rolled back delete", map[uint]counts{c.ID: {Present: 1, Late: 1, Absent: 1}})
}

// TestTalliesMatchRecount runs random writes and checks after each that the
// counters equal a recount from scratch.
func TestTalliesMatchRecount(t *testing.T) {
	const seeds, steps = 12, 200
	counted := 0 // steps after which some circle had a nonzero counter
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			st, f := testdb.New(t)
			db := st.DB
			r := rand.New(rand.NewPCG(seed, 2026))
			pick := func(table string) (uint, bool) {
				var ids []uint
				db.Table(table).Order("id").Pluck("id", &ids)
				if len(ids) == 0 {
					return 0, false
				}
				return ids[r.IntN(len(ids))], true
			}
			sessionStatuses := []string{model.SessionPlanned, model.SessionHeld, model.SessionCancelled}
			anyOf := func(s []string) string { return s[r.IntN(len(s))] }
			for i := range 3 {
				f.Circle(fmt.Sprint("Circle ", i))
			}
			for i := range 6 {
				f.Person(fmt.Sprint("Person ", i))
			}

			ops := []struct {
				name string
				do   func() error
			}{
				{"add circle", func() error {
					return db.Create(&model.Circle{Name: "New", Kind: model.KindGroup, Cadence: model.CadenceWeekly, Status: model.CircleActive}).Error
				}},
				{"add person", func() error { return db.Create(&model.Person{Name: "New"}).Error }},
				{"add session", func() error {
					c, ok := pick("circles")
					if !ok {
						return nil
					}
					return db.Create(&model.Session{CircleID: c, StartsAt: "2026-11-01T17:00", Status: anyOf(sessionStatuses)}).Error
				}},
				{"set session status", func() error {
					s, _ := pick("sessions")
					return db.Model(&model.Session{}).Where("id = ?", s).Update("status", anyOf(sessionStatuses)).Error
				}},
				{"set every session of a circle", func() error {
					c, _ := pick("circles")
					return db.Exec("UPDATE sessions SET status = ? WHERE circle_id = ?", anyOf(sessionStatuses), c).Error
				}},
				{"move session", func() error {
					s, _ := pick("sessions")
					c, _ := pick("circles")
					return db.Exec("UPDATE sessions SET circle_id = ? WHERE id = ?", c, s).Error
				}},
				{"delete session", func() error { s, _ := pick("sessions"); return db.Delete(&model.Session{}, s).Error }},
				{"mark", func() error {
					s, ok1 := pick("sessions")
					p, ok2 := pick("people")
					if !ok1 || !ok2 {
						return nil
					}
					return upsertMark(db, s, p, anyOf(attendance.Statuses))
				}},
				{"clear mark", func() error { a, _ := pick("attendance"); return db.Delete(&model.Attendance{}, a).Error }},
				{"move mark", func() error {
					a, _ := pick("attendance")
					s, _ := pick("sessions")
					return db.Exec("UPDATE attendance SET session_id = ? WHERE id = ?", s, a).Error // may hit the unique key
				}},
				{"delete person", func() error { p, _ := pick("people"); return db.Delete(&model.Person{}, p).Error }},
				{"delete circle", func() error { c, _ := pick("circles"); return db.Delete(&model.Circle{}, c).Error }},
			}
			// Marking is the common write; deletes are rarer, so the data grows.
			weights := []int{1, 1, 4, 3, 1, 1, 1, 12, 2, 2, 1, 1}
			var total int
			for _, w := range weights {
				total += w
			}
			for i := range steps {
				n, op := r.IntN(total), 0
				for ; n >= weights[op]; op++ {
					n -= weights[op]
				}
				err := ops[op].do()
				if err != nil && ops[op].name != "move mark" {
					t.Fatalf("step %d, %s: %v", i, ops[op].name, err)
				}
				wantTallies(t, db, fmt.Sprintf("step %d, %s", i, ops[op].name), nil)
				if len(recount(t, db)) > 0 {
					counted++
				}
			}
		})
	}
	if counted < seeds*steps/4 {
		t.Errorf("only %d of %d steps had anything counted: the random writes test too little", counted, seeds*steps)
	}
}

func TestTalliesBackfilledFromV1(t *testing.T) {
	st := openV1(t)
	// The fixture's one held session (circle 1) has Ana present and Emre late.
	wantTallies(t, st.DB, "after migrating the v1 fixture", map[uint]counts{1: {Present: 1, Late: 1}})
}
