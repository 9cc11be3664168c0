package model

// Action item statuses and sources.
const (
	ActionOpen   = "open"
	ActionDone   = "done"
	SourceManual = "manual" // captured with the form
	SourceNotes  = "notes"  // parsed from a "- [ ] @Name text due:..." line in a note
)

// ActionItem is something a member (or the whole circle) will do.
type ActionItem struct {
	Base
	CircleID  uint   `gorm:"not null" json:"circleId"`
	SessionID *uint  `json:"sessionId"` // where it was captured
	OwnerID   *uint  `json:"ownerId"`   // nil: the whole circle
	Text      string `gorm:"not null" json:"text"`
	DueOn     string `json:"dueOn"` // YYYY-MM-DD or ""
	Status    string `gorm:"not null" json:"status"`
	DoneAt    string `json:"doneAt"` // RFC 3339 UTC or ""
	Source    string `gorm:"not null" json:"source"`
	NoteID    *uint  `json:"noteId"`                       // the note it was parsed from
	LineKey   string `json:"-"`                            // identifies its line within that note
	SearchKey string `gorm:"not null;default:''" json:"-"` // the folded searchable text (SearchText), for search
}
