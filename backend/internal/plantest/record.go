// Package plantest checks the query plans of what a service call runs: it
// records every SQL statement (with its arguments) the calls send through a
// *gorm.DB, asks SQLite for each one's EXPLAIN QUERY PLAN, and finds the
// plans that read a large table whole or sort an unbounded set.
package plantest

import (
	"fmt"
	"strings"
	"sync"

	"gorm.io/gorm"
)

// Statement is one SQL statement a call ran, with the arguments it was bound to.
type Statement struct {
	SQL  string
	Args []any
}

// String shows the statement on one line, for a failure message.
func (s Statement) String() string {
	return strings.Join(strings.Fields(s.SQL), " ")
}

// Recorder keeps the statements run through the *gorm.DB it was attached to
// (and every session derived from it), in the order they ran.
type Recorder struct {
	mu    sync.Mutex
	stmts []Statement
}

// Attach registers callbacks on db that record every statement run after
// each of GORM's processors: query, row, raw, create, update and delete.
// Attach once per *gorm.DB.
func Attach(db *gorm.DB) (*Recorder, error) {
	r := &Recorder{}
	cb := db.Callback()
	for _, err := range []error{
		cb.Query().After("gorm:query").Register("plantest:query", r.record),
		cb.Row().After("gorm:row").Register("plantest:row", r.record),
		cb.Raw().After("gorm:raw").Register("plantest:raw", r.record),
		cb.Create().After("gorm:create").Register("plantest:create", r.record),
		cb.Update().After("gorm:update").Register("plantest:update", r.record),
		cb.Delete().After("gorm:delete").Register("plantest:delete", r.record),
	} {
		if err != nil {
			return nil, fmt.Errorf("plantest: register callback: %w", err)
		}
	}
	return r, nil
}

// record keeps the statement db just ran; a dry run (GORM building a
// subquery to embed in another statement) ran nothing and is skipped.
func (r *Recorder) record(db *gorm.DB) {
	sql := db.Statement.SQL.String()
	if db.DryRun || strings.TrimSpace(sql) == "" {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stmts = append(r.stmts, Statement{SQL: sql, Args: append([]any(nil), db.Statement.Vars...)})
}

// Take returns the statements recorded since the last Take and forgets them.
func (r *Recorder) Take() []Statement {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.stmts
	r.stmts = nil
	return out
}
