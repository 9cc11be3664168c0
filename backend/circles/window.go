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
	past, earlier := cutPast(past, from, limit)
	return past, earlier, nil
}

// cutPast takes up to limit+1 past sessions, latest first, and returns the
// first limit of them in date order with the cursor of the page before them
// ("" when they reach the first session).
func cutPast(past []model.Session, from cursor, limit int) ([]model.Session, string) {
	earlier := ""
	if len(past) > limit {
		past = past[:limit]
		last := past[limit-1]
		earlier = cursor{Circle: from.Circle, Today: from.Today, StartsAt: last.StartsAt, ID: last.ID}.String()
	}
	slices.Reverse(past)
	return past, earlier
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
