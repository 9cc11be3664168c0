package dbcopy_test

import (
	"testing"

	"circlebook/backend/internal/testdb"

	"gorm.io/gorm"
)

// A copy into PostgreSQL, and a merge, leave the planner's statistics
// gathered: a program-scale database without them plans a person's page in
// seconds until autovacuum comes by. (last_analyze records a manual
// ANALYZE only, never autovacuum's.)
func TestCopyAndMergeToPostgresAnalyze(t *testing.T) {
	copied := testdb.OpenPostgres(t)
	copyDB(t, withDemo(t, sqliteStore(t)).DB, copied.DB)
	analyzed(t, "copy", copied.DB)

	merged := withDemo(t, testdb.OpenPostgres(t))
	if analyzedAny(t, merged.DB) {
		t.Fatal("the new database was analysed before the merge: the test cannot tell")
	}
	mergeDB(t, withDemo(t, sqliteStore(t)).DB, merged.DB)
	analyzed(t, "merge", merged.DB)
}

func analyzed(t *testing.T, what string, db *gorm.DB) {
	t.Helper()
	for _, table := range []string{"people", "sessions", "attendance"} {
		var done bool
		err := db.Raw(`SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = ?`, table).Scan(&done).Error
		if err != nil {
			t.Fatal(err)
		}
		if !done {
			t.Errorf("%s: no ANALYZE of %s after it", what, table)
		}
	}
}

func analyzedAny(t *testing.T, db *gorm.DB) bool {
	t.Helper()
	var n int
	if err := db.Raw(`SELECT COUNT(*) FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL`).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n > 0
}
