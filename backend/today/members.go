package today

import (
	"fmt"

	"gorm.io/gorm"
)

// activeCircle is the condition on circles c whose members and sessions
// count: archived and completed circles have stopped meeting on purpose.
const activeCircle = "c.status NOT IN ('archived', 'completed')"

// missedSQL finds current members who missed at least ? of their circle's
// last ? held sessions, newest last miss first. It walks today_streaks
// (kept by triggers: each circle and person's latest held session missed)
// by that latest miss, newest first, and stops once LIMIT rows are found:
// a member drifts only if their latest miss is in the circle's window
// (since: the start of its ?-th latest held session, an index seek with
// OFFSET, joined once a row), and the count is seeks by circle, status and
// start, then by session, status and person. Names, the circle's state
// and the membership are looked up by key in scalar subqueries, which
// neither engine turns into a join that reads them whole (PostgreSQL does
// so with EXISTS).
const missedSQL = `SELECT t.person_id, (SELECT p.name FROM people p WHERE p.id = t.person_id) AS person, t.circle_id,
	(SELECT c.name FROM circles c WHERE c.id = t.circle_id) AS circle,
	(SELECT c.time_zone FROM circles c WHERE c.id = t.circle_id) AS time_zone,
	` + windowMissed + ` AS missed,
	(SELECT MIN(r.starts_at) FROM ` + windowAbsences + `) AS first_missed,
	t.last_absent AS last_missed,
	(SELECT COUNT(*) FROM sessions r WHERE r.circle_id = t.circle_id AND r.status = 'held' AND r.starts_at >= COALESCE(w.starts_at, '')) AS held
FROM today_streaks t
LEFT JOIN sessions w ON w.id = (SELECT s.id FROM sessions s WHERE s.circle_id = t.circle_id AND s.status = 'held'
	ORDER BY s.starts_at DESC, s.id DESC LIMIT 1 OFFSET ?)
WHERE t.last_absent > '' AND t.last_absent >= COALESCE(w.starts_at, '')
	AND (SELECT c.status FROM circles c WHERE c.id = t.circle_id) NOT IN ('archived', 'completed')
	AND (SELECT m.id FROM memberships m WHERE m.circle_id = t.circle_id AND m.person_id = t.person_id AND m.left_on = '' LIMIT 1) IS NOT NULL
	AND ` + windowMissed + ` >= ?
ORDER BY t.last_absent DESC, t.person_id DESC, t.circle_id DESC
LIMIT ?`

// windowAbsences is member t's absences among its circle's window.
const windowAbsences = `sessions r JOIN attendance b ON b.session_id = r.id AND b.status = 'absent' AND b.person_id = t.person_id
		WHERE r.circle_id = t.circle_id AND r.status = 'held' AND r.starts_at >= COALESCE(w.starts_at, '')`

// windowMissed counts them.
const windowMissed = `(SELECT COUNT(*) FROM ` + windowAbsences + `)`

// memberRow is a member's finding.
type memberRow struct {
	PersonID, CircleID       uint
	Person, Circle, TimeZone string
	Missed, Held             int
	FirstMissed, LastMissed  string
}

// drifting finds members who missed DriftMissed of their circle's last
// DriftWindow held sessions. The basis is the latest missed session and the
// count: a dismissal holds until they miss another one.
func drifting(tx *gorm.DB, c clock, s Settings, add func(Item)) error {
	var rows []memberRow
	if err := tx.Raw(missedSQL, s.DriftWindow-1, s.DriftMissed, c.rows).Scan(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		today := c.day(r.TimeZone)
		dates := short(r.FirstMissed, today) + ", " + short(r.LastMissed, today)
		if r.Missed > 2 {
			dates = short(r.FirstMissed, today) + " to " + short(r.LastMissed, today)
		} else if r.Missed == 1 {
			dates = short(r.LastMissed, today)
		}
		add(Item{Key: fmt.Sprintf("drifting:p%d:c%d", r.PersonID, r.CircleID), Kind: "drifting",
			Title:  r.Person + " in " + r.Circle,
			Reason: fmt.Sprintf("Missed %d of the last %s (%s)", r.Missed, plural(min(r.Held, s.DriftWindow), "session"), dates),
			Route:  fmt.Sprintf("#/people/%d", r.PersonID), Circle: r.Circle, Since: r.LastMissed[:min(len(r.LastMissed), 10)],
			basis: fmt.Sprintf("missed %d to %s", r.Missed, r.LastMissed)})
	}
	return nil
}

// absentSQL finds current members, in the circle for the whole window,
// marked absent at some held session since ? and present or late at none.
// It reads today_streaks (kept by triggers: each circle and person's latest
// held session attended and missed) through its partial index of pairs
// whose latest mark is an absence, from the recent ones only, in its order
// (the longest since their latest absence first; ordering by its columns
// keeps both engines on it), and stops at the limit;
// then it counts each finding's absences in the window by index seeks on
// its marks.
const absentSQL = `SELECT t.person_id, (SELECT p.name FROM people p WHERE p.id = t.person_id) AS person, t.circle_id,
	(SELECT c.name FROM circles c WHERE c.id = t.circle_id) AS circle,
	(SELECT c.time_zone FROM circles c WHERE c.id = t.circle_id) AS time_zone,
	(SELECT COUNT(*) FROM ` + streakAbsences + `) AS missed,
	(SELECT MIN(s.starts_at) FROM ` + streakAbsences + `) AS first_missed,
	t.last_absent AS last_missed
FROM today_streaks t
WHERE t.last_absent > t.last_attended AND t.last_absent >= ? AND t.last_attended < ?
	AND (SELECT c.status FROM circles c WHERE c.id = t.circle_id) NOT IN ('archived', 'completed')
	AND (SELECT m.id FROM memberships m WHERE m.circle_id = t.circle_id AND m.person_id = t.person_id AND m.left_on = '' AND m.joined_on <= ?
		LIMIT 1) IS NOT NULL
ORDER BY t.last_absent, t.last_attended, t.circle_id, t.person_id
LIMIT ?`

// streakAbsences is pair t's absences at held sessions since ?.
const streakAbsences = `attendance a JOIN sessions s ON s.id = a.session_id
		WHERE a.person_id = t.person_id AND a.status = 'absent' AND s.circle_id = t.circle_id AND s.status = 'held' AND s.starts_at >= ?`

// absentLong finds members with no attendance (present or late) in
// AbsentDays while their circle held sessions and marked them absent. Only
// excused marks, or none, do not count: the leader knows, or never marks.
// The basis is the latest absence.
func absentLong(tx *gorm.DB, c clock, s Settings, add func(Item)) error {
	from := sqlDay(c.now, -s.AbsentDays)
	var rows []memberRow
	if err := tx.Raw(absentSQL, from, from, from, from, from, c.rows).Scan(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		today := c.day(r.TimeZone)
		if daysBetween(r.FirstMissed, today) > s.AbsentDays {
			continue
		}
		add(Item{Key: fmt.Sprintf("drifting:p%d:c%d", r.PersonID, r.CircleID), Kind: "drifting",
			Title:  r.Person + " in " + r.Circle,
			Reason: absentReason(s.AbsentDays, r.Missed, short(r.LastMissed, today)),
			Route:  fmt.Sprintf("#/people/%d", r.PersonID), Circle: r.Circle, Since: r.FirstMissed[:min(len(r.FirstMissed), 10)],
			basis: "absent to " + r.LastMissed})
	}
	return nil
}

// absentReason is "No attendance in 42 days (absent 29 Oct)", or with the
// number of absences when there were more.
func absentReason(days, absences int, last string) string {
	if absences == 1 {
		return fmt.Sprintf("No attendance in %s (absent %s)", plural(days, "day"), last)
	}
	return fmt.Sprintf("No attendance in %s (absent %d times, last %s)", plural(days, "day"), absences, last)
}
