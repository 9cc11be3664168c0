// Package today builds the Today screen: this day's and this week's
// sessions, each in its circle's time zone, and what needs the leader's
// attention (drifting members, overdue and old action items, quiet circles,
// goals at risk), minus what the leader snoozed or dismissed. Everything is
// computed when asked, from the clock it is given: there is no job to lag.
package today

import (
	"time"

	"gorm.io/gorm"
)

// Caps bound what one Get returns, whatever the size of the file.
const (
	MaxItems    = 100 // attention items
	MaxSessions = 50  // today's, and the rest of the week's
)

// Today is the service behind the Today screen and `circlebook today`.
type Today struct {
	db  *gorm.DB
	now func() time.Time
}

// New returns the Today service over db, reading the time from now.
func New(db *gorm.DB, now func() time.Time) *Today { return &Today{db: db, now: now} }

// View is what the Today screen shows.
type View struct {
	Date      string    `json:"date"` // YYYY-MM-DD in the computer's zone
	Next      *Session  `json:"next"` // the next session to start (its start not passed), nil when none is planned
	Today     []Session `json:"today"`
	Week      []Session `json:"week"`      // the rest of this week (to Sunday), after today
	Attention []Item    `json:"attention"` // most urgent first, at most MaxItems
	Count     int       `json:"count"`     // attention items not snoozed or dismissed, for the sidebar
	Settings  Settings  `json:"settings"`
	Empty     bool      `json:"empty"` // no circle at all: the app opens on the circles list
}

// Session is one planned or held session on the screen.
type Session struct {
	ID        uint   `json:"id"`
	CircleID  uint   `json:"circleId"`
	Circle    string `json:"circle"`
	Number    int    `json:"number"`
	Title     string `json:"title"`
	StartsAt  string `json:"startsAt"` // RFC 3339 with the circle's offset
	Zone      string `json:"zone"`
	Status    string `json:"status"`
	Route     string `json:"route"`
	LiveRoute string `json:"liveRoute"`
}

// Item is one thing that needs the leader's attention.
type Item struct {
	Key    string `json:"key"`  // stable: the same thing keeps its key across calls
	Kind   string `json:"kind"` // drifting|overdue|stale-action|quiet|no-next|goal-risk|goal-quiet
	Title  string `json:"title"`
	Reason string `json:"reason"`
	Route  string `json:"route"`
	Circle string `json:"circle"`
	Since  string `json:"since"` // YYYY-MM-DD or ""

	basis string // what the reason rests on; a dismissal holds while it is unchanged
	rank  int    // urgency of the kind, lower first
}

// Get computes the Today view at the service's clock, in one read transaction.
func (t *Today) Get() (View, error) {
	now := t.now()
	v := View{Date: now.Format(dateLayout), Today: []Session{}, Week: []Session{}, Attention: []Item{}}
	err := t.db.Transaction(func(tx *gorm.DB) error {
		var err error
		if v.Settings, err = loadSettings(tx); err != nil {
			return err
		}
		if v.Empty, err = noCircles(tx); err != nil || v.Empty {
			return err
		}
		if v.Next, v.Today, v.Week, err = schedule(tx, now); err != nil {
			return err
		}
		v.Attention, v.Count, err = attention(tx, now, v.Settings)
		return err
	})
	return v, err
}

// noCircles reports whether the file has no circle at all (one seek: the
// largest id).
func noCircles(tx *gorm.DB) (bool, error) {
	var last *uint
	err := tx.Table("circles").Select("MAX(id)").Scan(&last).Error
	return last == nil, err
}
