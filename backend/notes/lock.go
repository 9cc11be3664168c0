package notes

import (
	"errors"

	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// forWriting reads rows a writer is about to change: on PostgreSQL they
// stay locked (FOR NO KEY UPDATE) until the transaction ends, so a second
// program writing the same note waits, then reads what the first wrote.
// SQLite needs no lock, and its dialect leaves the clause out: a
// transaction there begins IMMEDIATE, one writer at a time over every
// connection and program. NO KEY UPDATE, not UPDATE: rows that merely
// refer to the note (its revisions, its action items) can still be added.
func forWriting(tx *gorm.DB) *gorm.DB {
	return tx.Clauses(clause.Locking{Strength: "NO KEY UPDATE"})
}

// errRaced means another writer changed the note between this
// transaction's read and its write (PostgreSQL, where programs write at
// once): the transaction is rolled back and run again on what is there now.
var errRaced = errors.New("the note changed while it was being saved")

// maxRaces bounds how often a save runs: a save that lost a race runs again
// with the note locked from its start (see lockNote), which another save can
// only beat by making the note in the same instant.
const maxRaces = 3

// retryRaces runs tx until it does not lose a race, at most maxRaces times;
// tx is told whether this is a run again after a lost race.
func retryRaces(tx func(again bool) error) error {
	err := tx(false)
	for i := 1; i < maxRaces && errors.Is(err, errRaced); i++ {
		err = tx(true)
	}
	return err
}

// lockNote locks a session's note, if it has one, until the transaction
// ends (see forWriting): what a save that lost a race does first, so that
// it cannot lose again to the next save of a writer typing on.
func lockNote(tx *gorm.DB, sessionID uint, visibility string) error {
	var ids []uint
	return forWriting(tx).Model(&model.Note{}).Where("session_id = ? AND visibility = ?", sessionID, visibility).Limit(1).Pluck("id", &ids).Error
}
