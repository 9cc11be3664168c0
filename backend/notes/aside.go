package notes

import (
	"errors"

	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// SetAside keeps a text as a revision of a session's note without making
// it the note's text: the side of a save conflict (see SaveFrom) that was
// not chosen, so that it stays in the note's history to compare and
// restore. It is recorded at the note's current version, unless the note's
// last revision holds that very text already; the note is read locked (see
// forWriting), so no save's revision comes in between.
func (s *Notes) SetAside(sessionID uint, visibility, body string) (model.NoteRevision, error) {
	if err := validate(visibility, body); err != nil {
		return model.NoteRevision{}, err
	}
	var rev model.NoteRevision
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var note model.Note
		err := forWriting(tx).Where("session_id = ? AND visibility = ?", sessionID, visibility).Take(&note).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return apperr.New(apperr.NotFound, "", "Session %d has no %s notes to keep a text beside.", sessionID, visibility)
		}
		if err != nil {
			return err
		}
		err = tx.Where("note_id = ?", note.ID).Order("id DESC").Take(&rev).Error
		if err == nil && rev.Body == body {
			return nil
		}
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		rev = model.NoteRevision{NoteID: note.ID, Version: note.Version, Body: body, Reason: model.RevisionTyping}
		rev.CreatedAt = s.now().UTC()
		return tx.Create(&rev).Error
	})
	return rev, apperr.FromDB(err, "body", "note")
}
