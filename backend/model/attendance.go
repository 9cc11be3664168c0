package model

// Attendance statuses.
const (
	Present = "present"
	Late    = "late"
	Excused = "excused"
	Absent  = "absent"
)

// Attendance is one member's presence at one session.
type Attendance struct {
	Base
	SessionID uint   `gorm:"not null;uniqueIndex:idx_attendance_session_person" json:"sessionId"`
	PersonID  uint   `gorm:"not null;uniqueIndex:idx_attendance_session_person" json:"personId"`
	Status    string `gorm:"not null" json:"status"`
}

// TableName keeps the table's name singular, as the word is.
func (Attendance) TableName() string { return "attendance" }
