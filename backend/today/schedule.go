package today

import (
	"fmt"
	"sort"
	"time"

	"circlebook/backend/model"

	"gorm.io/gorm"
)

const (
	dateLayout = "2006-01-02"
	wallLayout = "2006-01-02T15:04" // sessions' starts_at: wall time in the circle's zone
)

// scheduleRows bounds the planned sessions one Get reads: enough for
// today's and the week's MaxSessions each, across zones.
const scheduleRows = 400

// sessionRow is a session with what its circle lends it.
type sessionRow struct {
	ID              uint
	CircleID        uint
	Circle          string
	Number          int
	Topic           string
	StartsAt        string
	DurationMinutes int
	Status          string
	TimeZone        string
}

// zones loads each time zone once per call; an unknown or empty zone is
// the computer's (the clock's location), as the rest of the app reads it.
type zones struct {
	local *time.Location
	m     map[string]*time.Location
}

func newZones(now time.Time) *zones {
	return &zones{local: now.Location(), m: map[string]*time.Location{}}
}

func (z *zones) at(name string) *time.Location {
	if loc, ok := z.m[name]; ok {
		return loc
	}
	loc := z.local
	if l, err := time.LoadLocation(name); name != "" && err == nil {
		loc = l
	}
	z.m[name] = loc
	return loc
}

// schedule finds the next session, today's and the rest of the week's:
// each session's day and week are its circle's, in the circle's zone. The
// next session is the first planned one whose start, in its circle's zone,
// has not passed (the circles list's rule, circles.Summary.NextSession):
// one earlier today is not next; one under way stays in today's list,
// whose liveRoute opens it. Archived circles' sessions are left out.
func schedule(tx *gorm.DB, now time.Time) (*Session, []Session, []Session, error) {
	// Every zone's today starts on or after the UTC day before.
	from := now.UTC().AddDate(0, 0, -1).Format(dateLayout)
	var rows []sessionRow
	sel := tx.Table("sessions s").Select(`s.id, s.circle_id, c.name AS circle, s.number, s.topic, s.starts_at,
		s.duration_minutes, s.status, c.time_zone`).Joins("JOIN circles c ON c.id = s.circle_id")
	err := sel.Where("s.status = ? AND s.starts_at >= ? AND c.status <> ?", model.SessionPlanned, from, model.CircleArchived).
		Order("s.starts_at, s.id").Limit(scheduleRows).Scan(&rows).Error
	if err != nil {
		return nil, nil, nil, err
	}
	var held []sessionRow
	err = tx.Table("sessions s").Select(`s.id, s.circle_id, c.name AS circle, s.number, s.topic, s.starts_at,
		s.duration_minutes, s.status, c.time_zone`).Joins("JOIN circles c ON c.id = s.circle_id").
		Where("s.status = ? AND s.starts_at >= ? AND s.starts_at < ? AND c.status <> ?", model.SessionHeld, from,
			now.UTC().AddDate(0, 0, 2).Format(dateLayout), model.CircleArchived).
		Order("s.starts_at, s.id").Limit(scheduleRows).Scan(&held).Error
	if err != nil {
		return nil, nil, nil, err
	}
	return place(append(rows, held...), now)
}

// timed is a session with its instant.
type timed struct {
	row   sessionRow
	start time.Time
	loc   *time.Location
}

// place sorts rows into next, today and the week at now.
func place(rows []sessionRow, now time.Time) (*Session, []Session, []Session, error) {
	z := newZones(now)
	var ts []timed
	for _, r := range rows {
		loc := z.at(r.TimeZone)
		start, err := time.ParseInLocation(wallLayout, r.StartsAt, loc)
		if err != nil {
			continue // a malformed start is no one's next session
		}
		ts = append(ts, timed{r, start, loc})
	}
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].start.Before(ts[j].start) })
	var next *Session
	today, week := []Session{}, []Session{}
	for _, t := range ts {
		local := now.In(t.loc)
		day := local.Format(dateLayout)
		sDay := t.start.Format(dateLayout)
		if next == nil && t.row.Status == model.SessionPlanned && !t.start.Before(now) {
			s := view(t)
			next = &s
		}
		switch {
		case sDay == day && len(today) < MaxSessions:
			today = append(today, view(t))
		case sDay > day && sDay <= endOfWeek(local) && t.row.Status == model.SessionPlanned && len(week) < MaxSessions:
			week = append(week, view(t))
		}
	}
	return next, today, week, nil
}

// endOfWeek is the Sunday that ends local's week (weeks start on Monday), YYYY-MM-DD.
func endOfWeek(local time.Time) string {
	return local.AddDate(0, 0, (7-int(local.Weekday()))%7).Format(dateLayout)
}

// view is t as the page shows it.
func view(t timed) Session {
	title := fmt.Sprintf("Session %d", t.row.Number)
	if t.row.Topic != "" {
		title += " · " + t.row.Topic
	}
	return Session{ID: t.row.ID, CircleID: t.row.CircleID, Circle: t.row.Circle, Number: t.row.Number, Title: title,
		StartsAt: t.start.Format(time.RFC3339), Zone: t.loc.String(), Status: t.row.Status,
		Route: fmt.Sprintf("#/sessions/%d", t.row.ID), LiveRoute: fmt.Sprintf("#/sessions/%d/live", t.row.ID)}
}
