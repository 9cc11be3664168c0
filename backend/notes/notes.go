// Package notes keeps each session's shared and private Markdown notes with
// their revisions, renders them (sanitized) for the preview, journals text
// the database could not take, and pins short notes to people.
//
// Several programs may save one note at once (a program database on
// PostgreSQL; two programs on one SQLite file). Each save is one version;
// none is ever told it saved a version another save also got. Save writes
// over whatever the note holds (the last save wins); SaveFrom writes only
// over the version its text was typed on and otherwise answers Conflict,
// writing nothing, so that no one's words are replaced by a writer who has
// not seen them. A save's revision and action items are made with the note
// locked, so two saves never reconcile the same task lines at once.
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
	"gorm.io/gorm/clause"
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
// the text goes to the draft journal and the error says why. The last save
// wins: it replaces whatever text the note has, though each save gets a
// version of its own however many programs save at once. A page that may
// not be the note's only writer saves with SaveFrom.
func (s *Notes) Save(sessionID uint, visibility, body string) (SaveResult, error) {
	return s.store(sessionID, visibility, body, anyVersion)
}

// SaveFrom stores the whole text of a session's note as Save does, but only
// over the version it was typed on (base: the version the last save
// returned, or the page's note was read at; 0 for a note not yet written).
// When someone else saved the note after that version, nothing is written
// and the error is a Conflict on "body" naming both versions: the text
// stays with the page, which shows the conflict, and no save ever writes
// over words its writer has not seen. Saving the very text the note already
// has is no conflict (a save sent again after its answer was lost).
func (s *Notes) SaveFrom(sessionID uint, visibility string, base int, body string) (SaveResult, error) {
	if base < 0 {
		return SaveResult{}, apperr.New(apperr.Invalid, "version", "A note's version is 0 or more.")
	}
	return s.store(sessionID, visibility, body, base)
}

// anyVersion is the base of a save that replaces whatever version the note has.
const anyVersion = -1

// store is Save and SaveFrom: the transaction, run again when it loses a
// race with another program's save of the note, and the draft journal.
func (s *Notes) store(sessionID uint, visibility, body string, base int) (SaveResult, error) {
	if err := validate(visibility, body); err != nil {
		return SaveResult{}, err
	}
	var out SaveResult
	err := retryRaces(func(again bool) error {
		return s.db.Transaction(func(tx *gorm.DB) error {
			if again {
				if err := lockNote(tx, sessionID, visibility); err != nil {
					return err
				}
			}
			return s.save(tx, sessionID, visibility, body, base, &out)
		})
	})
	if err != nil {
		err = apperr.FromDB(raceLost(err), "body", "note")
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

// raceLost names a save that lost every try to other programs' saves.
func raceLost(err error) error {
	if errors.Is(err, errRaced) {
		return apperr.New(apperr.Conflict, "body", "These notes are being saved from elsewhere at the same moment; saving again.")
	}
	return err
}

// save is store's transaction: one read of what it needs (see typed), the
// write, a typing revision when one may be due, the task lines when the
// note has any or had some, and the session's action items for the reply.
// A save from a base other than the note's version writes nothing (see
// SaveFrom).
func (s *Notes) save(tx *gorm.DB, sessionID uint, visibility, body string, base int, out *SaveResult) error {
	t, err := readTyped(tx, sessionID, visibility)
	if err != nil {
		return err
	}
	if base != anyVersion && base != t.version() {
		return unchanged(tx, t, base, body, out)
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

// unchanged answers a save from a stale base: the note as it stands when
// it holds that very text already, else a Conflict.
func unchanged(tx *gorm.DB, t typed, base int, body string, out *SaveResult) error {
	if t.NoteID.Valid {
		if err := tx.Take(&out.Note, t.NoteID.Int64).Error; err != nil {
			return err
		}
		if out.Note.Body == body {
			var err error
			out.Actions, err = actions.Scan(actions.Query(tx).Where("a.session_id = ?", out.Note.SessionID))
			return err
		}
	}
	return apperr.New(apperr.Conflict, "body",
		"Someone else saved these notes meanwhile (version %d; yours was typed on version %d): your text was not saved over theirs.", t.version(), base)
}

// write upserts the note and bumps its version, reading it locked (see
// forWriting) so that no other program's save comes in between. An
// existing note has only its text, version and time rewritten, so its
// indexed columns stay put.
func write(tx *gorm.DB, sessionID uint, visibility, body string) (model.Note, error) {
	var note model.Note
	err := forWriting(tx).Where("session_id = ? AND visibility = ?", sessionID, visibility).Take(&note).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		note = model.Note{SessionID: sessionID, Visibility: visibility, Body: body, Version: 1}
		if err := held(tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&note)); !errors.Is(err, errRaced) {
			return note, err
		}
		// Another program made the note meanwhile: write over its first save.
		err = forWriting(tx).Where("session_id = ? AND visibility = ?", sessionID, visibility).Take(&note).Error
	}
	if err != nil {
		return note, err
	}
	note.Body, note.Version = body, note.Version+1
	return note, tx.Model(&note).Select("body", "search_key", "version", "updated_at").Updates(&note).Error
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
// The note is read locked (see forWriting): no save's items come in between.
func Finish(tx *gorm.DB, sessionID uint, now time.Time) error {
	var ses model.Session
	if err := tx.Take(&ses, sessionID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.Missing("session", sessionID)
	} else if err != nil {
		return err
	}
	var note model.Note
	err := forWriting(tx).Where("session_id = ? AND visibility = ?", sessionID, model.Shared).Take(&note).Error
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
