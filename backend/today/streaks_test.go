package today

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// absentRecount is absentSQL as it was before today_streaks: every absence
// in the window, each checked for a later attendance. The tests hold the
// new query to its answers.
const absentRecount = `SELECT x.person_id, p.name AS person, x.circle_id, c.name AS circle, c.time_zone,
	x.missed, x.first_missed, x.last_missed
FROM (SELECT a.person_id, s.circle_id, COUNT(*) AS missed, MIN(s.starts_at) AS first_missed, MAX(s.starts_at) AS last_missed
	FROM sessions s JOIN attendance a ON a.session_id = s.id AND a.status = 'absent'
	WHERE s.status = 'held' AND s.starts_at >= ?
		AND NOT EXISTS (SELECT 1 FROM sessions s2
			JOIN attendance a2 ON a2.session_id = s2.id AND a2.status IN ('present', 'late') AND a2.person_id = a.person_id
			WHERE s2.circle_id = s.circle_id AND s2.status = 'held' AND s2.starts_at >= ?)
	GROUP BY a.person_id, s.circle_id) x
JOIN circles c ON c.id = x.circle_id AND ` + activeCircle + `
JOIN memberships m ON m.circle_id = x.circle_id AND m.person_id = x.person_id AND m.left_on = '' AND m.joined_on <= ?
JOIN people p ON p.id = x.person_id
ORDER BY x.last_missed, COALESCE((SELECT MAX(s3.starts_at) FROM sessions s3 JOIN attendance a3 ON a3.session_id = s3.id
	WHERE s3.circle_id = x.circle_id AND s3.status = 'held' AND a3.person_id = x.person_id AND a3.status IN ('present', 'late')), ''),
	x.circle_id, x.person_id
LIMIT ?`

// streakRecount is today_streaks counted afresh from the marks, leaving out
// pairs with neither (which read as no row).
const streakRecount = `SELECT * FROM (SELECT s.circle_id, a.person_id,
	COALESCE(MAX(CASE WHEN s.status = 'held' AND a.status IN ('present', 'late') THEN s.starts_at END), '') AS last_attended,
	COALESCE(MAX(CASE WHEN s.status = 'held' AND a.status = 'absent' THEN s.starts_at END), '') AS last_absent
FROM attendance a JOIN sessions s ON s.id = a.session_id GROUP BY s.circle_id, a.person_id) q
WHERE last_attended <> '' OR last_absent <> ''
ORDER BY circle_id, person_id`

// streak is one row of today_streaks.
type streak struct {
	CircleID, PersonID       uint
	LastAttended, LastAbsent string
}

// wantStreaks fails unless today_streaks equals a recount from the marks,
// and absentSQL finds what absentRecount finds, from each of froms.
func wantStreaks(t *testing.T, db *gorm.DB, step string, froms []string) int {
	t.Helper()
	var got, want []streak
	if err := db.Raw(`SELECT circle_id, person_id, last_attended, last_absent FROM today_streaks
		WHERE last_attended <> '' OR last_absent <> '' ORDER BY circle_id, person_id`).Scan(&got).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Raw(streakRecount).Scan(&want).Error; err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: today_streaks = %v, but a recount gives %v", step, got, want)
	}
	found := 0
	for _, from := range froms {
		var rows, again []memberRow
		if err := db.Raw(absentSQL, from, from, from, from, from, ruleRows).Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Raw(absentRecount, from, from, from, ruleRows).Scan(&again).Error; err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(rows, again) {
			t.Fatalf("%s, from %s: absentSQL finds %+v, the recount %+v", step, from, rows, again)
		}
		found += len(rows)
	}
	return found
}

// TestStreaksMatchRecount runs random writes (marks, sessions held,
// moved, cancelled and deleted, members leaving, people and circles
// deleted, circles paused, resumed, started later and moved to another
// zone) and checks after each that today_streaks and today_circles equal
// a recount from scratch, and that the 42-day rule's query and the
// quiet-circle rules find what the old ones did.
func TestStreaksMatchRecount(t *testing.T) {
	const seeds, steps = 8, 150
	found, quiet := 0, 0 // absentees and quiet circles found over every step and window
	froms := []string{"2026-10-01", "2026-10-15", "2026-11-05"}
	nows := []time.Time{testdb.Today, time.Date(2026, time.November, 12, 23, 30, 0, 0, time.UTC), time.Date(2026, time.October, 20, 1, 0, 0, 0, time.UTC)}
	zones := []string{"", "UTC", "Pacific/Auckland", "America/Los_Angeles", "Pacific/Kiritimati"}
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			st, f := testdb.New(t)
			db := st.DB
			r := rand.New(rand.NewPCG(seed, 11))
			pick := func(table string) (uint, bool) {
				var ids []uint
				db.Table(table).Order("id").Pluck("id", &ids)
				if len(ids) == 0 {
					return 0, false
				}
				return ids[r.IntN(len(ids))], true
			}
			anyOf := func(s []string) string { return s[r.IntN(len(s))] }
			statuses := []string{model.SessionPlanned, model.SessionHeld, model.SessionHeld, model.SessionCancelled}
			marks := []string{model.Present, model.Late, model.Excused, model.Absent, model.Absent, model.Absent}
			start := func() string { return fmt.Sprintf("2026-%02d-%02dT18:00", 10+r.IntN(2), 1+r.IntN(28)) }
			var circles []model.Circle
			for i := range 3 {
				circles = append(circles, f.Circle(fmt.Sprint("Circle ", i)))
			}
			for i := range 5 {
				p := f.Person(fmt.Sprint("Person ", i))
				for _, c := range circles {
					f.Member(c, p, model.RoleMentee, func(m *model.Membership) { m.JoinedOn = "2026-08-01" })
				}
			}
			ops := []struct {
				name   string
				weight int
				do     func() error
			}{
				{"add circle", 1, func() error { f.Circle("New"); return nil }},
				{"add person", 1, func() error { f.Person("New"); return nil }},
				{"join", 3, func() error {
					c, ok1 := pick("circles")
					p, ok2 := pick("people")
					if !ok1 || !ok2 {
						return nil
					}
					m := model.Membership{CircleID: c, PersonID: p, Role: model.RoleMentee, JoinedOn: start()[:10]}
					return db.Clauses(clause.OnConflict{DoNothing: true}).Create(&m).Error
				}},
				{"leave", 1, func() error {
					m, _ := pick("memberships")
					return db.Model(&model.Membership{}).Where("id = ?", m).Update("left_on", "2026-11-20").Error
				}},
				{"archive circle", 1, func() error {
					c, _ := pick("circles")
					return db.Model(&model.Circle{}).Where("id = ?", c).Update("status", model.CircleArchived).Error
				}},
				{"pause or resume circle", 1, func() error {
					c, _ := pick("circles")
					return db.Model(&model.Circle{}).Where("id = ?", c).Update("status", anyOf([]string{model.CirclePaused, model.CircleActive, model.CircleForming})).Error
				}},
				{"start circle later", 1, func() error {
					c, _ := pick("circles")
					return db.Model(&model.Circle{}).Where("id = ?", c).Update("start_date", anyOf([]string{"", start()[:10], "2026-11-25"})).Error
				}},
				{"move circle to a zone", 1, func() error {
					c, _ := pick("circles")
					return db.Model(&model.Circle{}).Where("id = ?", c).Update("time_zone", anyOf(zones)).Error
				}},
				{"add session", 4, func() error {
					c, ok := pick("circles")
					if !ok {
						return nil
					}
					return db.Create(&model.Session{CircleID: c, StartsAt: start(), Status: anyOf(statuses)}).Error
				}},
				{"set session status", 3, func() error {
					s, _ := pick("sessions")
					return db.Model(&model.Session{}).Where("id = ?", s).Update("status", anyOf(statuses)).Error
				}},
				{"move session in time", 2, func() error {
					s, _ := pick("sessions")
					return db.Model(&model.Session{}).Where("id = ?", s).Update("starts_at", start()).Error
				}},
				{"hold every session of a circle", 1, func() error {
					c, _ := pick("circles")
					return db.Exec("UPDATE sessions SET status = 'held' WHERE circle_id = ?", c).Error
				}},
				{"move session to a circle", 1, func() error {
					s, _ := pick("sessions")
					c, _ := pick("circles")
					return db.Exec("UPDATE sessions SET circle_id = ? WHERE id = ?", c, s).Error
				}},
				{"delete session", 1, func() error { s, _ := pick("sessions"); return db.Delete(&model.Session{}, s).Error }},
				{"mark", 30, func() error {
					s, ok1 := pick("sessions")
					p, ok2 := pick("people")
					if !ok1 || !ok2 {
						return nil
					}
					return db.Clauses(clause.OnConflict{
						Columns:   []clause.Column{{Name: "session_id"}, {Name: "person_id"}},
						DoUpdates: clause.AssignmentColumns([]string{"status", "updated_at"}),
					}).Create(&model.Attendance{SessionID: s, PersonID: p, Status: anyOf(marks)}).Error
				}},
				{"clear mark", 2, func() error { a, _ := pick("attendance"); return db.Delete(&model.Attendance{}, a).Error }},
				{"move mark", 2, func() error { // may hit the unique key
					a, _ := pick("attendance")
					s, _ := pick("sessions")
					return db.Exec("UPDATE attendance SET session_id = ? WHERE id = ?", s, a).Error
				}},
				{"give mark to another", 1, func() error { // may hit the unique key
					a, _ := pick("attendance")
					p, _ := pick("people")
					return db.Exec("UPDATE attendance SET person_id = ? WHERE id = ?", p, a).Error
				}},
				{"delete person", 1, func() error { p, _ := pick("people"); return db.Delete(&model.Person{}, p).Error }},
				{"delete circle", 1, func() error { c, _ := pick("circles"); return db.Delete(&model.Circle{}, c).Error }},
			}
			total := 0
			for _, op := range ops {
				total += op.weight
			}
			for i := range steps {
				n, op := r.IntN(total), 0
				for ; n >= ops[op].weight; op++ {
					n -= ops[op].weight
				}
				err := ops[op].do()
				if err != nil && ops[op].name != "move mark" && ops[op].name != "give mark to another" {
					t.Fatalf("step %d, %s: %v", i, ops[op].name, err)
				}
				found += wantStreaks(t, db, fmt.Sprintf("step %d, %s", i, ops[op].name), froms)
				quiet += wantCircles(t, db, fmt.Sprintf("step %d, %s", i, ops[op].name), nows)
			}
		})
	}
	if found < seeds*steps/8 {
		t.Errorf("the 42-day rule found only %d absentees over every step: the random writes test too little", found)
	}
	if quiet < seeds*steps/2 {
		t.Errorf("the quiet-circle rules found only %d items over every step: the random writes test too little", quiet)
	}
}
