package model

// AgendaItem is one ordered point on a session's agenda.
type AgendaItem struct {
	Base
	SessionID uint   `gorm:"not null;index" json:"sessionId"`
	Position  int    `gorm:"not null" json:"position"` // 0-based order
	Title     string `gorm:"not null" json:"title"`
	Minutes   int    `json:"minutes"` // time planned for it; 0 for none
	Done      bool   `json:"done"`
}
