package model

// SessionFeedback is the quick form after a session: how useful it was
// (1-5), what worked and what to change; one attendee's, or the group's.
type SessionFeedback struct {
	Base
	SessionID  uint   `gorm:"not null" json:"sessionId"`
	PersonID   *uint  `json:"personId"` // nil: the group's
	Usefulness int    `json:"usefulness"`
	Worked     string `json:"worked"`
	Change     string `json:"change"`
}

// TableName keeps the table's name singular, as the word is.
func (SessionFeedback) TableName() string { return "session_feedback" }
