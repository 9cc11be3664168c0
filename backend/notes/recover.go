package notes

import (
	"errors"
	"log"

	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Recover returns the journaled drafts that the database does not have:
// newer than the note's last save and different from its text. Drafts the
// database already holds are removed.
func (s *Notes) Recover() ([]Draft, error) {
	drafts, err := s.journal.All()
	if err != nil {
		return nil, err
	}
	out := []Draft{}
	for _, d := range drafts {
		var note model.Note
		err := s.db.Where("session_id = ? AND visibility = ?", d.SessionID, d.Visibility).Take(&note).Error
		missing := errors.Is(err, gorm.ErrRecordNotFound)
		if err != nil && !missing {
			return nil, err
		}
		if missing || (note.Body != d.Body && d.SavedAt.After(note.UpdatedAt)) {
			out = append(out, d)
			continue
		}
		if err := s.journal.Remove(d.SessionID, d.Visibility); err != nil {
			log.Printf("draft journal: %v", err)
		}
	}
	return out, nil
}

// DiscardDraft forgets a journaled draft the leader chose not to restore.
// The visibility is checked first: it is part of the draft's file name.
func (s *Notes) DiscardDraft(sessionID uint, visibility string) error {
	if err := check.OneOf("visibility", "Visibility", visibility, model.Shared, model.Private); err != nil {
		return err
	}
	return s.journal.Remove(sessionID, visibility)
}
