package model

import "time"

// Note visibilities.
const (
	Shared  = "shared"  // may go into summaries
	Private = "private" // the leader's alone: never exported, never shown in a shared view
)

// Note is one session's shared or private Markdown notes; a session has at
// most one of each.
type Note struct {
	Base
	SessionID  uint   `gorm:"not null" json:"sessionId"`
	Visibility string `gorm:"not null" json:"visibility"`
	Body       string `json:"body"`
	Version    int    `json:"version"`                      // 1 on the first save, +1 on each save after
	SearchKey  string `gorm:"not null;default:''" json:"-"` // the folded searchable text (SearchText), for search

	Revisions []NoteRevision `gorm:"constraint:OnDelete:CASCADE" json:"-"`
}

// Revision reasons.
const (
	RevisionTyping        = "typing"         // a snapshot taken every few minutes of typing
	RevisionSessionEnd    = "session-end"    // the text when the session ended
	RevisionBeforeRestore = "before-restore" // the text an older version replaced
	RevisionRestore       = "restore"        // an older version brought back
)

// NoteRevision is a saved earlier version of a note.
type NoteRevision struct {
	Base
	NoteID  uint   `gorm:"not null" json:"noteId"`
	Version int    `json:"version"`
	Body    string `json:"body"`
	Reason  string `gorm:"not null" json:"reason"`
}

// Pin is a short note pinned to a person, shown on their page.
type Pin struct {
	Base
	PersonID   uint   `gorm:"not null" json:"personId"`
	CircleID   *uint  `json:"circleId"`
	SessionID  *uint  `json:"sessionId"`
	Body       string `gorm:"not null" json:"body"`
	Visibility string `gorm:"not null" json:"visibility"`
}

// UTC formats a time the way started/ended/done times are stored.
func UTC(t time.Time) string { return t.UTC().Format(time.RFC3339) }
