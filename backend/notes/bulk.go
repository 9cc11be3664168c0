package notes

import (
	"time"

	"circlebook/backend/model"

	"gorm.io/gorm"
)

// SaveTx stores the whole text of a session's note inside the caller's
// transaction, as Save does: the note with its next version, a typing
// revision when one is due (stamped now), and the action items of its
// finished task lines. It reads nothing back and journals nothing, so many
// notes can be written in one transaction.
func SaveTx(tx *gorm.DB, ses model.Session, visibility, body string, now time.Time) (model.Note, error) {
	if err := validate(visibility, body); err != nil {
		return model.Note{}, err
	}
	note, err := write(tx, ses.ID, visibility, body)
	if err != nil {
		return note, err
	}
	if err := revise(tx, note, model.RevisionTyping, false, now); err != nil {
		return note, err
	}
	return note, reconcile(tx, note, ses, now, false)
}

// First is a note's first save, for SaveFirsts.
type First struct {
	Session    model.Session
	Visibility string
	Body       string
	At         time.Time // when it was saved: stamps the revision and any ticked item
}

// SaveFirsts stores the first save of many notes inside the caller's
// transaction and leaves for each what SaveTx leaves on a session without
// that note: the note at version 1, its typing revision, and the action
// items of its finished task lines; but it writes the notes and revisions
// a batch of rows a statement. The program-scale generator (backend/scale)
// makes its 192,000 notes with it. A session that has the note already is
// refused by the notes' unique index.
func SaveFirsts(tx *gorm.DB, firsts []First) error {
	notes := make([]model.Note, len(firsts))
	for i, f := range firsts {
		if err := validate(f.Visibility, f.Body); err != nil {
			return err
		}
		notes[i] = model.Note{SessionID: f.Session.ID, Visibility: f.Visibility, Body: f.Body, Version: 1}
	}
	if err := tx.CreateInBatches(&notes, 100).Error; err != nil {
		return err
	}
	revs := make([]model.NoteRevision, len(notes))
	for i, n := range notes {
		revs[i] = model.NoteRevision{NoteID: n.ID, Version: n.Version, Body: n.Body, Reason: model.RevisionTyping}
		revs[i].CreatedAt = firsts[i].At.UTC()
	}
	if err := tx.CreateInBatches(&revs, 100).Error; err != nil {
		return err
	}
	for i, n := range notes {
		if err := reconcile(tx, n, firsts[i].Session, firsts[i].At, false); err != nil {
			return err
		}
	}
	return nil
}
