package attendance

import (
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Mark is one attendance record with the keys a page groups by.
type Mark struct {
	CircleID  uint   `json:"circleId"`
	SessionID uint   `json:"sessionId"`
	PersonID  uint   `json:"personId"`
	Status    string `json:"status"`
}

type count struct {
	Key    uint
	Status string
	N      int
}

// ByCircle tallies marks at held sessions per circle, for the given circles
// (all when nil), by counting every mark. The circles list reads the same
// numbers from circle_tallies, which triggers keep; this is the recount they
// are tested against.
func ByCircle(tx *gorm.DB, circleIDs []uint) (map[uint]*Tally, error) {
	q := tx.Table("attendance a").
		Select("s.circle_id AS key, a.status AS status, COUNT(*) AS n").
		Joins("JOIN sessions s ON s.id = a.session_id").
		Where("s.status = ?", model.SessionHeld).
		Group("s.circle_id, a.status")
	if circleIDs != nil {
		q = q.Where("s.circle_id IN ?", circleIDs)
	}
	return tallies(q)
}

// ByPersonInCircle tallies one circle's held-session marks per person.
func ByPersonInCircle(tx *gorm.DB, circleID uint) (map[uint]*Tally, error) {
	q := tx.Table("attendance a").
		Select("a.person_id AS key, a.status AS status, COUNT(*) AS n").
		Joins("JOIN sessions s ON s.id = a.session_id").
		Where("s.status = ? AND s.circle_id = ?", model.SessionHeld, circleID).
		Group("a.person_id, a.status")
	return tallies(q)
}

// ByCircleForPerson tallies one person's held-session marks per circle:
// their marks (by person) and each mark's session (by id). The session's
// status is read as an expression (joined to an empty string): SQLite, never ANALYZEd, would
// otherwise walk every held session of the file through the Today
// screen's (status, starts_at, circle_id) index and look for the person's
// mark at each (a third of a second at program scale).
func ByCircleForPerson(tx *gorm.DB, personID uint) (map[uint]*Tally, error) {
	q := tx.Table("attendance a").
		Select("s.circle_id AS key, a.status AS status, COUNT(*) AS n").
		Joins("JOIN sessions s ON s.id = a.session_id").
		Where("s.status || '' = ? AND a.person_id = ?", model.SessionHeld, personID).
		Group("s.circle_id, a.status")
	return tallies(q)
}

// InCircle lists every mark at a circle's sessions, whatever their status.
func InCircle(tx *gorm.DB, circleID uint) ([]Mark, error) {
	var marks []Mark
	err := tx.Table("attendance a").
		Select("s.circle_id, a.session_id, a.person_id, a.status").
		Joins("JOIN sessions s ON s.id = a.session_id").
		Where("s.circle_id = ?", circleID).
		Scan(&marks).Error
	return marks, err
}

func tallies(q *gorm.DB) (map[uint]*Tally, error) {
	var rows []count
	if err := q.Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := map[uint]*Tally{}
	for _, r := range rows {
		t := out[r.Key]
		if t == nil {
			t = &Tally{}
			out[r.Key] = t
		}
		t.Add(r.Status, r.N)
	}
	return out, nil
}

// Sum adds tallies into one.
func Sum(ts map[uint]*Tally) Tally {
	var total Tally
	for _, t := range ts {
		total.Add(model.Present, t.Present)
		total.Add(model.Late, t.Late)
		total.Add(model.Excused, t.Excused)
		total.Add(model.Absent, t.Absent)
	}
	return total
}
