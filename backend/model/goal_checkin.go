package model

// GoalCheckIn is one step of a goal's timeline: its progress and status as
// checked in during a session, or set by hand between sessions (no session).
type GoalCheckIn struct {
	Base
	GoalID    uint   `gorm:"not null" json:"goalId"`
	SessionID *uint  `json:"sessionId"` // nil: progress set by hand, outside a session
	Progress  int    `json:"progress"`  // 0-100
	Status    string `gorm:"not null" json:"status"`
	Note      string `json:"note"`                      // one line
	CheckedOn string `gorm:"not null" json:"checkedOn"` // YYYY-MM-DD
}

// TableName names the table as the word is written.
func (GoalCheckIn) TableName() string { return "goal_checkins" }
