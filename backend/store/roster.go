package store

import (
	_ "embed"

	"gorm.io/gorm"
)

// Migration 2026-12-05-roster: the profile fields matching needs, the
// saved column mappings of roster imports and the record of each import
// (what Undo restores), one file of SQL for each engine.
var (
	//go:embed roster.sql
	rosterSQL string
	//go:embed roster_postgres.sql
	rosterPostgresSQL string
)

// CustomPlans has PostgreSQL plan each statement of the transaction tx for
// its own values. A prepared statement run a sixth time gets a generic plan,
// and the generic plan of a long IN list (a roster's 500 emails at a time)
// scans the whole table once per value instead of looking each one up in
// the index: 40 times slower. SQLite plans every statement afresh anyway.
func CustomPlans(tx *gorm.DB) error {
	if DialectOf(tx) != Postgres {
		return nil
	}
	return tx.Exec("SET LOCAL plan_cache_mode = force_custom_plan").Error
}
