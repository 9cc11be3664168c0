package notes

import (
	"database/sql"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// typed is what a save needs to know before it writes, read in one
// statement (this driver parses every statement it runs, so each one
// costs): the session's circle and date, the note without its text (the
// save replaces it), when the note's last revision was made, and whether
// the note has made action items.
type typed struct {
	CircleID  uint
	StartsAt  string
	NoteID    sql.NullInt64
	UUID      sql.NullString
	CreatedAt sql.NullTime
	Version   sql.NullInt64
	RevisedAt sql.NullTime // the last revision's time; not valid when there is none
	HasItems  bool
}

// readTyped reads what a save of the session's note needs to know; every
// part goes through an index, whatever the number of notes, revisions and
// items.
func readTyped(tx *gorm.DB, sessionID uint, visibility string) (typed, error) {
	var t typed
	res := tx.Table("sessions").
		Select(`sessions.circle_id, sessions.starts_at, n.id AS note_id, n.uuid, n.created_at, n.version,
			r.created_at AS revised_at, EXISTS (SELECT 1 FROM action_items a WHERE a.note_id = n.id) AS has_items`).
		Joins("LEFT JOIN notes n ON n.session_id = sessions.id AND n.visibility = ?", visibility).
		Joins("LEFT JOIN note_revisions r ON r.id = (SELECT MAX(id) FROM note_revisions WHERE note_id = n.id)").
		Where("sessions.id = ?", sessionID).Limit(1).Find(&t)
	if res.Error != nil {
		return t, res.Error // the disk failing a read: journal the text like a failed write
	}
	if res.RowsAffected == 0 {
		return t, apperr.Missing("session", sessionID)
	}
	return t, nil
}

// session is the part of the session that reconciling task lines reads.
func (t typed) session(id uint) model.Session {
	ses := model.Session{CircleID: t.CircleID, StartsAt: t.StartsAt}
	ses.ID = id
	return ses
}

// write stores the text: a new note at version 1, or the existing one's
// text, version and time, with no read of the text it replaces. The write
// holds only if the note is still as read: not made meanwhile, or still at
// the version read (compared in the UPDATE itself). Otherwise another
// program saved it in between, and write returns errRaced. A write that
// holds keeps the note's row locked to the end of the transaction, so the
// revision and the action items that follow are this save's alone.
func (t typed) write(tx *gorm.DB, sessionID uint, visibility, body string, now time.Time) (model.Note, error) {
	if !t.NoteID.Valid {
		note := model.Note{SessionID: sessionID, Visibility: visibility, Body: body, Version: 1}
		return note, held(tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&note))
	}
	note := model.Note{SessionID: sessionID, Visibility: visibility, Body: body, Version: t.version() + 1}
	note.ID, note.UUID, note.CreatedAt, note.UpdatedAt = uint(t.NoteID.Int64), t.UUID.String, t.CreatedAt.Time, now.UTC()
	note.SearchKey = note.SearchText() // raw SQL runs no hooks
	return note, held(tx.Exec(`UPDATE notes SET body = ?, search_key = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?`,
		note.Body, note.SearchKey, note.Version, note.UpdatedAt, note.ID, t.version()))
}

// held is errRaced when a write that had to change one row changed none.
func held(res *gorm.DB) error {
	if res.Error == nil && res.RowsAffected == 0 {
		return errRaced
	}
	return res.Error
}

// version is the note's version as read: 0 when there is no note yet.
func (t typed) version() int {
	if !t.NoteID.Valid {
		return 0
	}
	return int(t.Version.Int64)
}

// revisionDue says whether this save may need a typing revision: always
// for a note that has none, else once RevisionEvery has passed since the
// last one (revise then decides, comparing texts). Most saves skip it
// without reading the last revision's text.
func (t typed) revisionDue(now time.Time) bool {
	return !t.RevisedAt.Valid || now.Sub(t.RevisedAt.Time) >= RevisionEvery
}
