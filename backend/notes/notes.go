// Package notes keeps each session's shared and private Markdown notes with
// their revisions, renders them (sanitized) for the preview, journals text
// the database could not take, and pins short notes to people.
package notes

import (
	"errors"
	"log"
	"time"

	"circlebook/backend/actions"
	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// RevisionEvery is how often typing leaves a revision behind.
const RevisionEvery = 3 * time.Minute

// Notes manages session notes.
type Notes struct {
	db      *gorm.DB
	now     func() time.Time
	journal *Journal
}

// New returns the notes service over db, journaling unsaved text in journal.
// Records get their created and updated times from now too, so that a note's
// last save and a draft's time (both compared by Recover) read one clock.
func New(db *gorm.DB, now func() time.Time, journal *Journal) *Notes {
	db = db.Session(&gorm.Session{NewDB: true, NowFunc: func() time.Time { return now().UTC() }})
	return &Notes{db: db, now: now, journal: journal}
}

// SaveResult is the saved note and the session's action items after the
// note's task lines were applied.
type SaveResult struct {
	Note    model.Note     `json:"note"`
	Actions []actions.Item `json:"actions"`
}

// Save stores the whole text of a session's shared or private note in one
// transaction, durable when it returns. If the disk or file refuses the write,
// the text goes to the draft journal and the error says why.
func (s *Notes) Save(sessionID uint, visibility, body string) (SaveResult, error) {
	if err := validate(visibility, body); err != nil {
		return SaveResult{}, err
	}
	var out SaveResult
	err := s.db.Transaction(func(tx *gorm.DB) error { return s.save(tx, sessionID, visibility, body, &out) })
	if err != nil {
		err = apperr.FromDB(err, "body", "note")
		if apperr.IsStorage(err) {
			if jerr := s.journal.Put(Draft{SessionID: sessionID, Visibility: visibility, Body: body, SavedAt: s.now().UTC()}); jerr != nil {
				log.Printf("draft journal: %v", jerr)
			}
		}
		return SaveResult{}, err
	}
	if err := s.journal.Remove(sessionID, visibility); err != nil {
		log.Printf("draft journal: %v", err)
	}
	return out, nil
}

// save is Save's transaction: one read of what it needs (see typed), the
// write, a typing revision when one may be due, the task lines when the
// note has any or had some, and the session's action items for the reply.
func (s *Notes) save(tx *gorm.DB, sessionID uint, visibility, body string, out *SaveResult) error {
	t, err := readTyped(tx, sessionID, visibility)
	if err != nil {
		return err
	}
	now := s.now()
	note, err := t.write(tx, sessionID, visibility, body, now)
	if err != nil {
		return err
	}
	if t.revisionDue(now) {
		if err := revise(tx, note, model.RevisionTyping, false, now); err != nil {
			return err
		}
	}
	// A shared note with no task lines, now or before, has no items to reconcile.
	lines := taskLines(note, t.StartsAt, now, false)
	if visibility == model.Shared && (len(lines) > 0 || t.HasItems) {
		if err := actions.Reconcile(tx, note, t.session(sessionID), lines, now); err != nil {
			return err
		}
	}
	out.Note = note
	out.Actions, err = actions.Scan(actions.Query(tx).Where("a.session_id = ?", sessionID))
	return err
}

// write upserts the note and bumps its version. An existing note has only
// its text, version and time rewritten, so its indexed columns stay put.
func write(tx *gorm.DB, sessionID uint, visibility, body string) (model.Note, error) {
	var note model.Note
	err := tx.Where("session_id = ? AND visibility = ?", sessionID, visibility).Take(&note).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		note = model.Note{SessionID: sessionID, Visibility: visibility, Body: body, Version: 1}
		return note, tx.Create(&note).Error
	} else if err != nil {
		return note, err
	}
	note.Body, note.Version = body, note.Version+1
	return note, tx.Model(&note).Select("body", "version", "updated_at").Updates(&note).Error
}

// revise records the note's text as a revision when the last one is older
// than RevisionEvery and the text changed. A forced revision (session end,
// restore) marks the moment, so it is recorded unless the last revision is
// the same mark over the same text.
func revise(tx *gorm.DB, note model.Note, reason string, force bool, now time.Time) error {
	var last model.NoteRevision
	err := tx.Where("note_id = ?", note.ID).Order("id DESC").Take(&last).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
	case err != nil:
		return err
	case last.Body == note.Body && (!force || last.Reason == reason):
		return nil
	case !force && now.Sub(last.CreatedAt) < RevisionEvery:
		return nil
	}
	rev := model.NoteRevision{NoteID: note.ID, Version: note.Version, Body: note.Body, Reason: reason}
	rev.CreatedAt = now.UTC()
	return tx.Create(&rev).Error
}

// reconcile applies the note's task lines to the circle's action items.
// Only shared notes make action items: an item is seen on the circle and
// person pages and in summaries, and private text must never reach those.
// While the note is being typed, its last line (no line break after it)
// makes no new item; when final, as at the session's end, it counts.
func reconcile(tx *gorm.DB, note model.Note, ses model.Session, now time.Time, final bool) error {
	if note.Visibility != model.Shared {
		return nil
	}
	return actions.Reconcile(tx, note, ses, taskLines(note, ses.StartsAt, now, final), now)
}

// taskLines parses a shared note's task lines (a private note has none that
// count), relative dues counted from the session's date (startsAt).
func taskLines(note model.Note, startsAt string, now time.Time, final bool) []actions.Line {
	if note.Visibility != model.Shared {
		return nil
	}
	day, err := time.Parse(check.DateTimeLayout, startsAt)
	if err != nil {
		day = now
	}
	lines := actions.ParseLines(note.Body, day)
	for i := range lines {
		lines[i].Typing = lines[i].Typing && !final
	}
	return lines
}

// Finish makes the action items of a session's shared note as its text
// stands, the last line counted though no line break follows it, inside the
// caller's transaction: what ending the session does with the final text.
func Finish(tx *gorm.DB, sessionID uint, now time.Time) error {
	var ses model.Session
	if err := tx.Take(&ses, sessionID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.Missing("session", sessionID)
	} else if err != nil {
		return err
	}
	var note model.Note
	err := tx.Where("session_id = ? AND visibility = ?", sessionID, model.Shared).Take(&note).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	return reconcile(tx, note, ses, now, true)
}

// Finish does what ending the session does with the shared note's final
// text (see the function Finish), in one transaction, for when the notes
// are left without ending it: the window closing after its last save. It
// returns the shared note and the session's action items.
func (s *Notes) Finish(sessionID uint) (SaveResult, error) {
	out := SaveResult{Note: model.Note{SessionID: sessionID, Visibility: model.Shared}}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := Finish(tx, sessionID, s.now()); err != nil {
			return err
		}
		if err := tx.Where("session_id = ? AND visibility = ?", sessionID, model.Shared).Take(&out.Note).Error; err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		var err error
		out.Actions, err = actions.Scan(actions.Query(tx).Where("a.session_id = ?", sessionID))
		return err
	})
	if err != nil {
		return SaveResult{}, apperr.FromDB(err, "", "note")
	}
	return out, nil
}

// Preview renders Markdown to sanitized HTML for the live preview.
func (s *Notes) Preview(markdown string) (string, error) {
	if err := check.Note("body", markdown); err != nil {
		return "", err
	}
	return Render(markdown)
}

func validate(visibility, body string) error {
	return check.First(
		check.OneOf("visibility", "Visibility", visibility, model.Shared, model.Private),
		check.Note("body", body),
	)
}
