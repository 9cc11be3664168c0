package notes

import (
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// MaxRevisions caps how many versions Revisions lists: a note typed through
// a long session keeps one every few minutes.
const MaxRevisions = 100

// Revisions lists a note's earlier versions, newest first, at most MaxRevisions.
func (s *Notes) Revisions(noteID uint) ([]model.NoteRevision, error) {
	revs := []model.NoteRevision{}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&model.Note{}, noteID).Error; err != nil {
			return apperr.Missing("note", noteID)
		}
		return tx.Where("note_id = ?", noteID).Order("id DESC").Limit(MaxRevisions).Find(&revs).Error
	})
	return revs, err
}

// Restore brings an earlier version back as the note's text, as its next
// version; the text it replaces is kept as a revision first. The note is
// read locked (see forWriting), so a save from another program waits for it
// and then, from its old version, meets a conflict (see SaveFrom).
func (s *Notes) Restore(noteID, revisionID uint) (model.Note, error) {
	var note model.Note
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var rev model.NoteRevision
		if err := tx.Where("id = ? AND note_id = ?", revisionID, noteID).Take(&rev).Error; err != nil {
			return apperr.Missing("revision", revisionID)
		}
		if err := forWriting(tx).Take(&note, noteID).Error; err != nil {
			return apperr.Missing("note", noteID)
		}
		if err := revise(tx, note, model.RevisionBeforeRestore, true, s.now()); err != nil {
			return err
		}
		var ses model.Session
		if err := tx.Take(&ses, note.SessionID).Error; err != nil {
			return err
		}
		var err error
		if note, err = write(tx, note.SessionID, note.Visibility, rev.Body); err != nil {
			return err
		}
		if err := revise(tx, note, model.RevisionRestore, true, s.now()); err != nil {
			return err
		}
		return reconcile(tx, note, ses, s.now(), false)
	})
	return note, apperr.FromDB(err, "", "note")
}

// Snapshot records both notes of a session as revisions, as at session end,
// inside the caller's transaction, reading them locked (see forWriting).
func Snapshot(tx *gorm.DB, sessionID uint, now time.Time) error {
	var notes []model.Note
	if err := forWriting(tx).Where("session_id = ?", sessionID).Order("id").Find(&notes).Error; err != nil {
		return err
	}
	for _, n := range notes {
		if err := revise(tx, n, model.RevisionSessionEnd, true, now); err != nil {
			return err
		}
	}
	return nil
}
