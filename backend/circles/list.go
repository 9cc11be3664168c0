package circles

import (
	"database/sql"
	"time"

	"circlebook/backend/attendance"
	"circlebook/backend/model"
	"circlebook/backend/paging"
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// Summary is one row of the circles list. Its Purpose is the start of the
// circle's (ListPurpose characters at most, then "…"), so that a page stays
// small; the circle page (Get) has the whole of it.
type Summary struct {
	model.Circle
	MemberCount int              `json:"memberCount"`
	NextSession *model.Session   `json:"nextSession"` // the first planned session from today on
	Attendance  attendance.Tally `json:"attendance"`
}

// ListRequest asks for one page of the circles list.
type ListRequest struct {
	Query           string `json:"query"`           // every word must start a word of the name, case and accents aside; "" for all
	IncludeArchived bool   `json:"includeArchived"` // archived circles too
	Offset          int    `json:"offset"`          // the row to start at, when After is empty (a jump: End, the scrollbar)
	After           string `json:"after"`           // a previous page's Next: the page after it
	Limit           int    `json:"limit"`           // 1 to 100 (more is 100); 0 is 50
}

// ListPage is one page of the circles list.
type ListPage struct {
	Circles []Summary `json:"circles"`
	Total   int       `json:"total"`  // circles matching Query and IncludeArchived; with a query, at most paging.Cap+1
	Capped  bool      `json:"capped"` // the query matched more than paging.Cap circles: Total is paging.Cap+1
	Offset  int       `json:"offset"` // the index of Circles[0] in the whole list
	Next    string    `json:"next"`   // the cursor for the following page; "" at the end
	Any     bool      `json:"any"`    // the file has a circle at all, whatever the filters
}

// ListPurpose is how much of a circle's purpose a list row carries.
const ListPurpose = 160

// The circles lists, as package paging pages them.
var (
	allCircles     = paging.List{Name: "circles", Kind: search.Circles, Table: "circles"}
	currentCircles = paging.List{Name: "circles-current", Kind: search.CurrentCircles, Table: "circles",
		Where: "t.status <> '" + model.CircleArchived + "'"}
)

// List returns a page of the circles by name, case and accents aside
// (Équipe with the Es); archived ones only when asked. Each row's members,
// next session and attendance are read for the rows of the page only.
func (s *Circles) List(req ListRequest) (ListPage, error) {
	out := ListPage{Circles: []Summary{}}
	list := currentCircles
	if req.IncludeArchived {
		list = allCircles
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		page, err := list.Page(tx, s.index, paging.Request{Query: req.Query, Offset: req.Offset, After: req.After, Limit: req.Limit})
		if err != nil {
			return err
		}
		out.Total, out.Capped, out.Offset, out.Next = page.Total, page.Capped, page.Offset, page.Next
		if out.Circles, err = summaries(tx, page.IDs, s.now().Format("2006-01-02")); err != nil {
			return err
		}
		all := out.Total
		if req.Query != "" || !req.IncludeArchived {
			all, err = allCircles.Count(tx)
		}
		out.Any = all > 0
		return err
	})
	return out, err
}

// summaryQuery reads the rows of a page: each circle with its current member
// count, its tally (kept by triggers in circle_tallies) and its first planned
// session from a date on. The listed circles (l), with their next sessions'
// ids, come from a subquery bounded by LIMIT (the number of ids: no row is
// left out), which keeps PostgreSQL from folding it into the joins, where the
// next-session lookup would become a hash key and sessions would be read whole.
const summaryQuery = `SELECT l.id, l.uuid, l.created_at, l.updated_at, l.name, substr(l.purpose, 1, ?), l.kind, l.cadence,
	l.cadence_days, l.meeting_day, l.meeting_time, l.duration_minutes, l.time_zone, l.place, l.video_link,
	l.start_date, l.end_date, l.status, l.color, l.pinned, l.member_count,
	COALESCE(t.present, 0), COALESCE(t.late, 0), COALESCE(t.excused, 0), COALESCE(t.absent, 0),
	s.id, s.uuid, s.created_at, s.updated_at, s.number, s.starts_at, s.duration_minutes, s.topic, s.place, s.status
FROM (SELECT c.*, (SELECT COUNT(*) FROM memberships m WHERE m.circle_id = c.id AND m.left_on = '') AS member_count,
		(SELECT n.id FROM sessions n WHERE n.circle_id = c.id AND n.status = ? AND n.starts_at >= ?
			ORDER BY n.starts_at, n.id LIMIT 1) AS next_id
	FROM circles c WHERE c.id IN ? LIMIT ?) l
LEFT JOIN circle_tallies t ON t.circle_id = l.id
LEFT JOIN sessions s ON s.id = l.next_id
ORDER BY l.name_key, l.name, l.id`

// summaries reads the rows of the circles ids names, in list order; today is YYYY-MM-DD.
func summaries(tx *gorm.DB, ids []uint, today string) ([]Summary, error) {
	out := []Summary{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := tx.Raw(summaryQuery, ListPurpose+1, model.SessionPlanned, today, ids, len(ids)).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		sum, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sum)
	}
	return out, rows.Err()
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
		&c.StartDate, &c.EndDate, &c.Status, &c.Color, &c.Pinned,
		&sum.MemberCount, &p, &l, &e, &a,
		&sesID, &uuid, &created, &upd, &number, &startsAt, &mins, &topic, &place, &status)
	if err != nil {
		return Summary{}, err
	}
	if r := []rune(c.Purpose); len(r) > ListPurpose {
		c.Purpose = string(r[:ListPurpose]) + "…"
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
