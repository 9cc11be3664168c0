package model

// Session statuses.
const (
	SessionPlanned   = "planned"
	SessionHeld      = "held"
	SessionCancelled = "cancelled"
)

// Session is one meeting of a circle.
type Session struct {
	Base
	CircleID        uint   `gorm:"not null;index" json:"circleId"`
	Number          int    `json:"number"`                   // the circle's next number when made (1, 2, ...); it never changes
	StartsAt        string `gorm:"not null" json:"startsAt"` // local wall time in the circle's zone, YYYY-MM-DDTHH:MM
	DurationMinutes int    `json:"durationMinutes"`
	Topic           string `json:"topic"`
	Place           string `json:"place"` // room or video link
	Status          string `gorm:"not null" json:"status"`
	StartedAt       string `json:"startedAt"`                    // RFC 3339 UTC when the live screen started it, else ""
	EndedAt         string `json:"endedAt"`                      // RFC 3339 UTC when it was ended, else ""
	SearchKey       string `gorm:"not null;default:''" json:"-"` // the folded searchable text (SearchText), for search

	Agenda     []AgendaItem `gorm:"constraint:OnDelete:CASCADE" json:"agenda,omitempty"`
	Attendance []Attendance `gorm:"constraint:OnDelete:CASCADE" json:"-"`
}
