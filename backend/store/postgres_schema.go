package store

import (
	_ "embed"

	"gorm.io/gorm"
)

// The PostgreSQL baseline, one file each: tables and indexes, the search
// index, the triggers.
var (
	//go:embed postgres_schema.sql
	postgresTablesSQL string
	//go:embed postgres_schema_search.sql
	postgresSearchSQL string
	//go:embed postgres_schema_triggers.sql
	postgresTriggersSQL string
)

// postgresBaseline builds on PostgreSQL, in one step, the schema SQLite has
// after every migration up to 2026-12-02-list-counts: the same tables,
// columns, keys, constraints, indexes, triggers (in PL/pgSQL) and seeded
// topics, and GIN indexes where SQLite has FTS5 tables. It needs no
// extension. migrate creates schema_migrations; this does not.
func postgresBaseline(tx *gorm.DB) error {
	for _, script := range []string{postgresTablesSQL, postgresSearchSQL, postgresTriggersSQL} {
		if err := tx.Exec(script).Error; err != nil {
			return err
		}
	}
	return nil
}
