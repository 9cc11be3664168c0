package circles

import (
	"cmp"
	"slices"

	"circlebook/backend/model"

	"gorm.io/gorm"
)

// How many of a circle's sessions a reply carries.
const (
	UpcomingShown = 10 // upcoming sessions on the circle page (Get)
	PastShown     = 12 // past sessions on the circle page (Get)
	EarlierPage   = 20 // past sessions a Sessions call returns when asked for 0
	MaxEarlier    = 50 // the most past sessions a Sessions call returns
)

// Window is the part of a circle's sessions the circle page carries, with
// the counts of all of them. Upcoming sessions are the planned ones from
// Today on; past ones are every other (held, cancelled, or planned for a day
// gone by), as the page splits them.
type Window struct {
	Today         string          `json:"today"`         // the day upcoming starts from, YYYY-MM-DD
	Sessions      []model.Session `json:"sessions"`      // in date order: the next UpcomingShown upcoming and the latest PastShown past ones
	UpcomingCount int64           `json:"upcomingCount"` // all the upcoming ones
	PastCount     int64           `json:"pastCount"`     // all the past ones
	HeldCount     int64           `json:"heldCount"`     // all the held ones
	Earlier       string          `json:"earlier"`       // the cursor for Sessions: the past sessions before those shown; "" when none are left
}

// window reads a circle's window of sessions and their counts; today is YYYY-MM-DD.
func window(tx *gorm.DB, id uint, today string) (Window, error) {
	w := Window{Today: today}
	if err := sessionCounts(tx, id, &w); err != nil {
		return w, err
	}
	past, earlier, err := pastPage(tx, id, cursor{Circle: id, Today: today}, PastShown)
	if err != nil {
		return w, err
	}
	var upcoming []model.Session
	err = tx.Where("circle_id = ? AND status = ? AND starts_at >= ?", id, model.SessionPlanned, today).
		Order("starts_at, id").Limit(UpcomingShown).Find(&upcoming).Error
	w.Sessions, w.Earlier = dateOrder(past, upcoming), earlier
	return w, err
}

// sessionCounts counts all of a circle's upcoming, past and held sessions.
func sessionCounts(tx *gorm.DB, id uint, w *Window) error {
	var n struct{ Total, Upcoming, Held int64 }
	err := tx.Table("sessions").
		Select(`COUNT(*) AS total,
			COALESCE(SUM(CASE WHEN status = ? AND starts_at >= ? THEN 1 ELSE 0 END), 0) AS upcoming,
			COALESCE(SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), 0) AS held`,
			model.SessionPlanned, w.Today, model.SessionHeld).
		Where("circle_id = ?", id).Scan(&n).Error
	w.UpcomingCount, w.PastCount, w.HeldCount = n.Upcoming, n.Total-n.Upcoming, n.Held
	return err
}

// pastPage reads up to limit past sessions of a circle before from's place
// (from the latest when it has none), latest first by (starts_at, id), and
// returns them in date order with the cursor of the page before them ("" when
// they reach the first session).
func pastPage(tx *gorm.DB, id uint, from cursor, limit int) ([]model.Session, string, error) {
	q := tx.Where("circle_id = ? AND (status <> ? OR starts_at < ?)", id, model.SessionPlanned, from.Today)
	if from.ID != 0 {
		q = q.Where("starts_at <= ? AND (starts_at < ? OR id < ?)", from.StartsAt, from.StartsAt, from.ID)
	}
	past := []model.Session{}
	if err := q.Order("starts_at DESC, id DESC").Limit(limit + 1).Find(&past).Error; err != nil {
		return nil, "", err
	}
	earlier := ""
	if len(past) > limit {
		past = past[:limit]
		last := past[limit-1]
		earlier = cursor{Circle: id, Today: from.Today, StartsAt: last.StartsAt, ID: last.ID}.String()
	}
	slices.Reverse(past)
	return past, earlier, nil
}

// dateOrder merges past and upcoming sessions (each in date order) by
// (starts_at, id): a cancelled session ahead is past, yet dated among the
// upcoming ones.
func dateOrder(past, upcoming []model.Session) []model.Session {
	out := slices.Concat([]model.Session{}, past, upcoming)
	slices.SortFunc(out, func(a, b model.Session) int {
		return cmp.Or(cmp.Compare(a.StartsAt, b.StartsAt), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// lastSession reads a circle's latest session that is not cancelled, or nil.
func lastSession(tx *gorm.DB, id uint) (*model.Session, error) {
	var s []model.Session
	err := tx.Where("circle_id = ? AND status <> ?", id, model.SessionCancelled).
		Order("starts_at DESC, id DESC").Limit(1).Find(&s).Error
	if err != nil || len(s) == 0 {
		return nil, err
	}
	return &s[0], nil
}

// grid lays out the marks of members at sessions, one row a member.
func grid(tx *gorm.DB, ms []Member, sessions []model.Session) ([]GridRow, error) {
	rows := make([]GridRow, len(ms))
	row := make(map[uint]int, len(ms))
	for i, m := range ms {
		row[m.PersonID] = i
		rows[i] = GridRow{PersonID: m.PersonID, Name: m.Name, Cells: make([]string, len(sessions))}
	}
	if len(ms) == 0 || len(sessions) == 0 {
		return rows, nil
	}
	col := make(map[uint]int, len(sessions))
	ids := make([]uint, len(sessions))
	for i, s := range sessions {
		col[s.ID], ids[i] = i, s.ID
	}
	var marks []struct {
		SessionID, PersonID uint
		Status              string
	}
	if err := tx.Table("attendance").Select("session_id, person_id, status").Where("session_id IN ?", ids).Scan(&marks).Error; err != nil {
		return nil, err
	}
	for _, mk := range marks {
		if r, ok := row[mk.PersonID]; ok {
			rows[r].Cells[col[mk.SessionID]] = mk.Status
		}
	}
	return rows, nil
}
