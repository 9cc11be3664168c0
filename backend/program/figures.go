package program

import (
	"strings"
	"time"

	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// figs is what a program row counts besides its circles-list row.
type figs struct {
	ID          uint
	Cohort      string
	TimeZone    string
	Cadence     string
	CadenceDays int
	StartDate   string
	Held        int
	LastHeldAt  string // the last held session's local start, YYYY-MM-DDTHH:MM, or ""
	Open        int
	Overdue     int
	Active      int
	AtRisk      int
}

// lastHeldDate is the day of the last held session, or "".
func (f figs) lastHeldDate() string {
	if len(f.LastHeldAt) < len(check.DateLayout) {
		return ""
	}
	return f.LastHeldAt[:len(check.DateLayout)]
}

// figuresQuery counts each circle's held sessions, open and overdue action
// items and active and at-risk goals, each from its table's (circle_id,
// status, ...) index. An item is overdue when its due day has passed in
// the circle's zone (the CASE, written by todays); the due day is read as
// an expression (joined to an empty string) so that SQLite, never ANALYZEd, keeps to the
// circle's items instead of the (status, due_on) index of every circle's.
const figuresQuery = `SELECT c.id, c.cohort, c.time_zone, c.cadence, c.cadence_days, c.start_date,
	(SELECT COUNT(*) FROM sessions s WHERE s.circle_id = c.id AND s.status = ?) AS held,
	COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = c.id AND s.status = ?), '') AS last_held_at,
	(SELECT COUNT(*) FROM action_items a WHERE a.circle_id = c.id AND a.status = 'open') AS open,
	(SELECT COUNT(*) FROM action_items a WHERE a.circle_id = c.id AND a.status = 'open'
		AND a.due_on || '' <> '' AND a.due_on || '' < TODAY) AS overdue,
	(SELECT COUNT(*) FROM goals g WHERE g.circle_id = c.id AND g.status IN (?, ?)) AS active,
	(SELECT COUNT(*) FROM goals g WHERE g.circle_id = c.id AND g.status = ?) AS at_risk
FROM circles c WHERE c.id IN ?`

// figures reads the figures of the circles ids names, by id.
func figures(tx *gorm.DB, ids []uint, now time.Time) (map[uint]figs, error) {
	out := make(map[uint]figs, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	today, todayArgs, err := todays(tx, ids, now)
	if err != nil {
		return nil, err
	}
	query := strings.Replace(figuresQuery, "TODAY", today, 1)
	args := append([]any{model.SessionHeld, model.SessionHeld}, todayArgs...)
	args = append(args, model.GoalActive, model.GoalAtRisk, model.GoalAtRisk, ids)
	var rows []figs
	if err := tx.Raw(query, args...).Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.ID] = r
	}
	return out, nil
}

// todays writes a CASE over c.time_zone giving today's date (YYYY-MM-DD)
// in each zone of the circles ids names, with its arguments. A zone that
// does not load is now's.
func todays(tx *gorm.DB, ids []uint, now time.Time) (string, []any, error) {
	var zones []string
	if err := tx.Table("circles").Where("id IN ?", ids).Distinct("time_zone").Pluck("time_zone", &zones).Error; err != nil {
		return "", nil, err
	}
	var b strings.Builder
	var args []any
	b.WriteString("(CASE c.time_zone")
	for _, z := range zones {
		b.WriteString(" WHEN ? THEN ?")
		args = append(args, z, now.In(zone(z, now)).Format(check.DateLayout))
	}
	b.WriteString(" ELSE ? END)")
	return b.String(), append(args, now.Format(check.DateLayout)), nil
}

// zone loads an IANA zone; "" or one this machine does not know is now's.
func zone(name string, now time.Time) *time.Location {
	if name == "" {
		return now.Location()
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return now.Location()
	}
	return loc
}
