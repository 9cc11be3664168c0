package testdb

import (
	"testing"

	"circlebook/backend/store"

	"gorm.io/gorm"
)

// FailInserts makes every insert into table fail with message, on either
// engine, for tests of a write that breaks partway: a trigger that raises.
func FailInserts(t testing.TB, db *gorm.DB, table, message string) {
	t.Helper()
	stmts := []string{"CREATE TRIGGER fail_" + table + " BEFORE INSERT ON " + table +
		" BEGIN SELECT RAISE(ABORT, '" + message + "'); END"}
	if store.DialectOf(db) == store.Postgres {
		stmts = []string{
			"CREATE FUNCTION fail_" + table + "() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION '" + message + "'; END$$",
			"CREATE TRIGGER fail_" + table + " BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION fail_" + table + "()",
		}
	}
	for _, s := range stmts {
		if err := db.Exec(s).Error; err != nil {
			t.Fatalf("make inserts into %s fail: %v", table, err)
		}
	}
}
