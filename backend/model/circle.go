package model

import (
	"circlebook/backend/fold"

	"gorm.io/gorm"
)

// Circle kinds.
const (
	KindGroup = "group" // 3-20 mentors and mentees
	KindPair  = "pair"  // a 1:1 mentoring relationship
)

// Cadences: how often a circle meets.
const (
	CadenceWeekly   = "weekly"
	CadenceBiweekly = "biweekly"
	CadenceMonthly  = "monthly"
	CadenceCustom   = "custom" // every CadenceDays days
)

// Circle statuses.
const (
	CircleForming   = "forming"
	CircleActive    = "active"
	CirclePaused    = "paused"
	CircleCompleted = "completed"
	CircleArchived  = "archived"
)

// Circle is a mentoring group (or a pair) that meets on a cadence.
type Circle struct {
	Base
	Name            string `gorm:"not null" json:"name"`
	Purpose         string `json:"purpose"`
	Kind            string `gorm:"not null" json:"kind"`
	Cadence         string `gorm:"not null" json:"cadence"`
	CadenceDays     int    `json:"cadenceDays"`     // for the custom cadence
	MeetingDay      int    `json:"meetingDay"`      // usual weekday, 0 Sunday .. 6 Saturday; -1 none
	MeetingTime     string `json:"meetingTime"`     // usual local time, HH:MM
	DurationMinutes int    `json:"durationMinutes"` // usual length of a session
	TimeZone        string `json:"timeZone"`        // IANA name; sessions' times are local to it
	Place           string `json:"place"`
	VideoLink       string `json:"videoLink"`
	StartDate       string `json:"startDate"` // YYYY-MM-DD
	EndDate         string `json:"endDate"`   // YYYY-MM-DD or ""
	Status          string `gorm:"not null" json:"status"`
	Color           string `json:"color"`                                // #RRGGBB
	Pinned          bool   `gorm:"not null;default:false" json:"pinned"` // kept in the sidebar; this laptop's preference, not in bundles
	Cohort          string `gorm:"not null;default:''" json:"cohort"`    // the program intake it was formed from, or ""

	NameKey   string `gorm:"not null;default:''" json:"-"` // fold.Key(Name): lists sort and search by it; indexed
	SearchKey string `gorm:"not null;default:''" json:"-"` // the folded searchable text (SearchText), for search

	Memberships []Membership `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	Sessions    []Session    `gorm:"constraint:OnDelete:CASCADE" json:"-"`
}

// BeforeSave keeps the folded name and search keys in step with the name on every Create
// and Save (a write that bypasses hooks sets it with fold.Key).
func (c *Circle) BeforeSave(*gorm.DB) error {
	c.NameKey, c.SearchKey = fold.Key(c.Name), c.SearchText()
	return nil
}
