package circles

import (
	"database/sql"
	"strings"
	"time"

	"circlebook/backend/attendance"
	"circlebook/backend/model"
	"circlebook/backend/paging"
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// Summary is one row of the circles list: what the row shows, not the
// whole circle (Get has it). Its Purpose is the start of the circle's
// (ListPurpose characters at most, then "…"). A page is read in one
// statement, and every column of it costs each of its rows: the list
// carries no times to parse and no fields the row does not show.
type Summary struct {
	ID          uint             `json:"id"`
	Name        string           `json:"name"`
	Purpose     string           `json:"purpose"`
	Kind        string           `json:"kind"`
	Cadence     string           `json:"cadence"`
	CadenceDays int              `json:"cadenceDays"`
	MeetingDay  int              `json:"meetingDay"`
	MeetingTime string           `json:"meetingTime"`
	Status      string           `json:"status"`
	Color       string           `json:"color"`
	Pinned      bool             `json:"pinned"`
	MemberCount int              `json:"memberCount"`
	NextSession *NextSession     `json:"nextSession"` // the first planned session not yet begun, in the circle's zone
	Attendance  attendance.Tally `json:"attendance"`
}

// NextSession is a list row's next planned session.
type NextSession struct {
	ID       uint   `json:"id"`
	Number   int    `json:"number"`
	StartsAt string `json:"startsAt"` // local wall time in the circle's zone, YYYY-MM-DDTHH:MM
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
		if out.Circles, err = Summaries(tx, page.IDs, s.now()); err != nil {
			return err
		}
		// Any circle at all: a page's list is part of all circles, so only
		// an empty one needs the count (a round trip to a program database).
		out.Any = out.Total > 0
		if !out.Any && (req.Query != "" || !req.IncludeArchived) {
			all, err := allCircles.Count(tx)
			out.Any = all > 0
			return err
		}
		return nil
	})
	return out, err
}

// summaryQuery reads the rows of a page: each circle with its current member
// count, its tally (kept by triggers in circle_tallies) and its first planned
// session not yet begun (nowWalls). The listed circles (l), with their next sessions'
// ids, come from a subquery bounded by LIMIT (the number of ids: no row is
// left out), which keeps PostgreSQL from folding it into the joins, where the
// next-session lookup would become a hash key and sessions would be read whole.
const summaryQuery = `SELECT l.id, l.name, substr(l.purpose, 1, ?), l.kind, l.cadence, l.cadence_days,
	l.meeting_day, l.meeting_time, l.status, l.color, l.pinned, l.member_count,
	COALESCE(t.present, 0), COALESCE(t.late, 0), COALESCE(t.excused, 0), COALESCE(t.absent, 0),
	s.id, s.number, s.starts_at
FROM (SELECT c.id, c.name, c.purpose, c.kind, c.cadence, c.cadence_days, c.meeting_day, c.meeting_time,
		c.status, c.color, c.pinned, c.name_key,
		(SELECT COUNT(*) FROM memberships m WHERE m.circle_id = c.id AND m.left_on = '') AS member_count,
		(SELECT n.id FROM sessions n WHERE n.circle_id = c.id AND n.status = ? AND n.starts_at >= ?
			ORDER BY n.starts_at, n.id LIMIT 1) AS next_id
	FROM circles c WHERE c.id IN ? LIMIT ?) l
LEFT JOIN circle_tallies t ON t.circle_id = l.id
LEFT JOIN sessions s ON s.id = l.next_id
ORDER BY l.name_key, l.name, l.id`

// Summaries reads the list rows of the circles ids names, in list order, at
// now: the circles list's and the program view's.
func Summaries(tx *gorm.DB, ids []uint, now time.Time) ([]Summary, error) {
	out := []Summary{}
	if len(ids) == 0 {
		return out, nil
	}
	walls, wallArgs, err := nowWalls(tx, ids, now)
	if err != nil {
		return nil, err
	}
	query := strings.Replace(summaryQuery, "n.starts_at >= ?", "n.starts_at >= "+walls, 1)
	args := append(append([]any{ListPurpose + 1, model.SessionPlanned}, wallArgs...), ids, len(ids))
	rows, err := tx.Raw(query, args...).Rows()
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

// scanSummary reads one row of summaryQuery.
func scanSummary(rows *sql.Rows) (Summary, error) {
	var (
		sum        Summary
		p, l, e, a int
		sesID      sql.Null[uint]
		number     sql.Null[int]
		startsAt   sql.Null[string]
	)
	err := rows.Scan(&sum.ID, &sum.Name, &sum.Purpose, &sum.Kind, &sum.Cadence, &sum.CadenceDays,
		&sum.MeetingDay, &sum.MeetingTime, &sum.Status, &sum.Color, &sum.Pinned, &sum.MemberCount,
		&p, &l, &e, &a, &sesID, &number, &startsAt)
	if err != nil {
		return Summary{}, err
	}
	if r := []rune(sum.Purpose); len(r) > ListPurpose {
		sum.Purpose = string(r[:ListPurpose]) + "…"
	}
	sum.Attendance = attendance.Counts(p, l, e, a)
	if sesID.Valid {
		sum.NextSession = &NextSession{ID: sesID.V, Number: number.V, StartsAt: startsAt.V}
	}
	return sum, nil
}
