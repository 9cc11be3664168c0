// Package program is the program view: every circle and pair of a program
// with its health (attendance, the last held session, the next one, open
// and overdue action items, active and at-risk goals), a cohort or a kind
// at a time, a page at a time, and as CSV or PDF for the program office.
package program

import (
	"time"

	"circlebook/backend/circles"

	"gorm.io/gorm"
)

// Program is the program view's service.
type Program struct {
	db  *gorm.DB
	now func() time.Time
}

// New returns the program view over db, reading the time from now.
func New(db *gorm.DB, now func() time.Time) *Program {
	return &Program{db: db, now: now}
}

// Request asks for one page of the program view.
type Request struct {
	Cohort string `json:"cohort"` // only circles of this cohort; "" for every circle
	Kind   string `json:"kind"`   // "group" or "pair" only; "" for both
	Offset int    `json:"offset"` // the row to start at, when After is empty (a jump: End, the scrollbar)
	After  string `json:"after"`  // a previous page's Next: the page after it
	Limit  int    `json:"limit"`  // 1 to 100 (more is 100); 0 is 50
}

// Row is one circle or pair of the program view: its circles-list row and
// what the program office weighs besides.
type Row struct {
	circles.Summary
	Cohort         string   `json:"cohort"`
	HeldSessions   int      `json:"heldSessions"`
	LastHeld       string   `json:"lastHeld"` // YYYY-MM-DD in the circle's zone, or ""
	OpenActions    int      `json:"openActions"`
	OverdueActions int      `json:"overdueActions"`
	ActiveGoals    int      `json:"activeGoals"`
	AtRiskGoals    int      `json:"atRiskGoals"`
	Health         string   `json:"health"`  // HealthGood, HealthWatch or HealthAtRisk
	Reasons        []string `json:"reasons"` // why, one sentence each; empty when good
}

// Page is one page of the program view.
type Page struct {
	Rows   []Row  `json:"rows"`
	Total  int    `json:"total"`  // circles matching the filters, exact up to paging.Cap, else paging.Cap+1
	Capped bool   `json:"capped"` // more than paging.Cap match
	Offset int    `json:"offset"` // the index of Rows[0] in the whole list
	Next   string `json:"next"`   // the cursor for the following page; "" at the end
}
