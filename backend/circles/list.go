package circles

import (
	"database/sql"
	"fmt"
	"time"

	"circlebook/backend/attendance"
	"circlebook/backend/fold"
	"circlebook/backend/model"
)

// Summary is one row of the circles list.
type Summary struct {
	model.Circle
	MemberCount int              `json:"memberCount"`
	NextSession *model.Session   `json:"nextSession"` // the first planned session from today on
	Attendance  attendance.Tally `json:"attendance"`
}

// listQuery reads the whole list in one pass: each circle with its current
// member count, its tally (kept by triggers in circle_tallies) and its first
// planned session from a date on. %s is the status filter. List sorts the
// rows by name in Go, with the rule people's names sort by (fold).
const listQuery = `SELECT c.id, c.uuid, c.created_at, c.updated_at, c.name, c.purpose, c.kind, c.cadence,
	c.cadence_days, c.meeting_day, c.meeting_time, c.duration_minutes, c.time_zone, c.place, c.video_link,
	c.start_date, c.end_date, c.status, c.color,
	(SELECT COUNT(*) FROM memberships m WHERE m.circle_id = c.id AND m.left_on = ''),
	COALESCE(t.present, 0), COALESCE(t.late, 0), COALESCE(t.excused, 0), COALESCE(t.absent, 0),
	s.id, s.uuid, s.created_at, s.updated_at, s.number, s.starts_at, s.duration_minutes, s.topic, s.place, s.status
FROM circles c
LEFT JOIN circle_tallies t ON t.circle_id = c.id
LEFT JOIN sessions s ON s.id = (SELECT n.id FROM sessions n
	WHERE n.circle_id = c.id AND n.status = ? AND n.starts_at >= ? ORDER BY n.starts_at, n.id LIMIT 1)
%s
ORDER BY c.id`

var (
	listAll     = fmt.Sprintf(listQuery, "")
	listCurrent = fmt.Sprintf(listQuery, "WHERE c.status <> ?")
)

// List returns the circles by name, case and accents aside (Équipe with
// the Es); archived ones only when asked.
func (s *Circles) List(includeArchived bool) ([]Summary, error) {
	q, args := listCurrent, []any{model.SessionPlanned, s.now().Format("2006-01-02"), model.CircleArchived}
	if includeArchived {
		q, args = listAll, args[:2]
	}
	rows, err := s.db.Raw(q, args...).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Summary{}
	for rows.Next() {
		sum, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	fold.SortBy(out, func(c Summary) string { return c.Name })
	return out, nil
}

// scanSummary reads one row of listQuery.
func scanSummary(rows *sql.Rows) (Summary, error) {
	var (
		sum            Summary
		c              = &sum.Circle
		p, l, e, a     int
		sesID          sql.Null[uint]
		number, mins   sql.Null[int]
		created, upd   sql.Null[time.Time]
		uuid, startsAt sql.Null[string]
		topic, place   sql.Null[string]
		status         sql.Null[string]
	)
	err := rows.Scan(&c.ID, &c.UUID, &c.CreatedAt, &c.UpdatedAt, &c.Name, &c.Purpose, &c.Kind, &c.Cadence,
		&c.CadenceDays, &c.MeetingDay, &c.MeetingTime, &c.DurationMinutes, &c.TimeZone, &c.Place, &c.VideoLink,
		&c.StartDate, &c.EndDate, &c.Status, &c.Color,
		&sum.MemberCount, &p, &l, &e, &a,
		&sesID, &uuid, &created, &upd, &number, &startsAt, &mins, &topic, &place, &status)
	if err != nil {
		return Summary{}, err
	}
	sum.Attendance = attendance.Counts(p, l, e, a)
	if sesID.Valid {
		sum.NextSession = &model.Session{
			Base:     model.Base{ID: sesID.V, UUID: uuid.V, CreatedAt: created.V, UpdatedAt: upd.V},
			CircleID: c.ID, Number: number.V, StartsAt: startsAt.V, DurationMinutes: mins.V,
			Topic: topic.V, Place: place.V, Status: status.V,
		}
	}
	return sum, nil
}
