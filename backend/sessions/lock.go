package sessions

import (
	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// forWriting reads rows a writer is about to change, or whose children it
// is about to change: on PostgreSQL they stay locked (FOR NO KEY UPDATE)
// until the transaction ends, so two programs writing the same session
// (its status, marks, agenda, topics), or numbering the same circle's
// sessions, take turns, and the second reads what the first wrote. SQLite
// needs no lock, and its dialect leaves the clause out: a transaction there
// begins IMMEDIATE, one writer at a time over every connection and program.
// NO KEY UPDATE, not UPDATE: rows that merely refer to the locked one (a
// note, an action item) can still be added meanwhile.
func forWriting(tx *gorm.DB) *gorm.DB {
	return tx.Clauses(clause.Locking{Strength: "NO KEY UPDATE"})
}

// lockSession finds a session for writing (see forWriting).
func lockSession(tx *gorm.DB, id uint, ses *model.Session) error {
	return find(forWriting(tx), id, ses)
}

// lockHead reads a session with its circle's brief (see readHead) for
// writing: only the session's row is locked, as lockSession locks it, not
// its circle's (which LockNumbers takes to number the circle's sessions).
func lockHead(tx *gorm.DB, id, personID uint) (head, error) {
	return readHead(tx.Clauses(clause.Locking{Strength: "NO KEY UPDATE", Table: clause.Table{Name: "s"}}), id, personID)
}
