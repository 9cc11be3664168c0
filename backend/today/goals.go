package today

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// goalSQL reads open goals with status ? (of circles that still meet, or
// personal) with their last check-in, keeping those at risk or quiet,
// from the index on goals by status: one status at a time, so the few at
// risk are read without the many active ones.
const goalSQL = `SELECT * FROM (SELECT g.id, g.title, g.status, g.person_id, p.name AS person, g.circle_id,
		COALESCE(c.name, '') AS circle, COALESCE(c.time_zone, '') AS time_zone, g.created_at,
		(SELECT MAX(k.checked_on) FROM goal_checkins k WHERE k.goal_id = g.id) AS last_check
	FROM goals g JOIN people p ON p.id = g.person_id
	LEFT JOIN circles c ON c.id = g.circle_id
	WHERE g.status = ? AND (c.id IS NULL OR ` + activeCircle + `)) q
WHERE q.status = 'at_risk' OR q.last_check < ? OR (q.last_check IS NULL AND q.created_at < ?)
ORDER BY COALESCE(q.last_check, ''), q.id
LIMIT ?`

// goalRow is an open goal with its last check-in.
type goalRow struct {
	ID, PersonID                  uint
	CircleID                      *uint
	Title, Status, Person, Circle string
	TimeZone                      string
	CreatedAt                     time.Time
	LastCheck                     *string
}

// goalsAtRisk finds goals at risk, and open goals with no check-in for more
// than GoalQuietDays (counted from when the goal was made if it has none).
// A goal both at risk and quiet is one item, at risk. The basis is the last
// check-in: a new one brings a dismissed goal back if it still needs help.
func goalsAtRisk(tx *gorm.DB, c clock, s Settings, add func(Item)) error {
	rows, err := goalRows(tx, c.now.UTC().AddDate(0, 0, 1-s.GoalQuietDays), c.rows)
	if err != nil {
		return err
	}
	for _, r := range rows {
		loc := c.zones.at(r.TimeZone)
		today := c.now.In(loc).Format(dateLayout)
		since, basis := r.CreatedAt.In(loc).Format(dateLayout), "none"
		if r.LastCheck != nil {
			since, basis = *r.LastCheck, *r.LastCheck
		}
		quiet := daysBetween(since, today) > s.GoalQuietDays
		it := Item{Title: r.Title + " — " + r.Person, Route: fmt.Sprintf("#/goals/%d", r.ID), Circle: r.Circle,
			Since: since, basis: r.Status + " " + basis}
		never := "No check-in yet"
		if r.LastCheck != nil {
			never = "Last check-in " + short(since, today)
		}
		switch {
		case r.Status == "at_risk":
			it.Key, it.Kind, it.Reason = fmt.Sprintf("goal-risk:g%d", r.ID), "goal-risk", "At risk · "+never
		case quiet:
			it.Key, it.Kind = fmt.Sprintf("goal-quiet:g%d", r.ID), "goal-quiet"
			it.Reason = fmt.Sprintf("No check-in for %s · %s", plural(daysBetween(since, today), "day"), never)
		default:
			continue
		}
		add(it)
	}
	return nil
}

// goalRows reads the goals at risk, then the active ones with no check-in
// since bound (or made before it, without any), at most limit in all: at
// risk first, each status by last check-in.
func goalRows(tx *gorm.DB, bound time.Time, limit int) ([]goalRow, error) {
	var rows []goalRow
	for _, status := range []string{"at_risk", "active"} {
		if len(rows) == limit {
			break
		}
		var more []goalRow
		if err := tx.Raw(goalSQL, status, bound.Format(dateLayout), bound, limit-len(rows)).Scan(&more).Error; err != nil {
			return nil, err
		}
		rows = append(rows, more...)
	}
	return rows, nil
}
