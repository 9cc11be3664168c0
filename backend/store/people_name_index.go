package store

import "gorm.io/gorm"

// peopleNameIndexPostgres narrows PostgreSQL's people name index to the
// list order (name_key, name, id). It carried the search key too, as
// SQLite's does (migration 2026-12-02-search-index), which PostgreSQL's
// search never reads from it (it reads the GIN index); and a PostgreSQL
// index row holds at most about 2,700 bytes, so a person whose name,
// e-mail, team and title were all long in a script of three-byte
// characters could not be saved (TestWidestPersonSaves). SQLite has no
// such limit: its index stays.
func peopleNameIndexPostgres(tx *gorm.DB) error {
	for _, stmt := range []string{
		"DROP INDEX idx_people_name_key",
		"CREATE INDEX idx_people_name_key ON people (name_key, name, id)",
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}

// unchanged is the body of a migration with nothing to do on one engine.
func unchanged(*gorm.DB) error { return nil }
