package dbcopy_test

import (
	"context"
	"errors"
	"maps"
	"slices"
	"testing"

	"circlebook/backend/dbcopy"
	"circlebook/backend/internal/pgtest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// The PostgreSQL copy loads with triggers off and without indexes and keys,
// then makes them again: afterwards the schema is a fresh database's, word
// for word, every trigger on, and the triggers keep counting.
func TestPostgresSchemaIsWholeAfterCopy(t *testing.T) {
	fresh := testdb.OpenPostgres(t)
	dst := testdb.OpenPostgres(t)
	copyDB(t, withDemo(t, sqliteStore(t)).DB, dst.DB)
	got, want := catalog(t, dst.DB), catalog(t, fresh.DB)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("after the copy the schema lacks %s", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("after the copy the schema has %s, which a fresh database has not", g)
		}
	}
	var before, after int64
	tally := "SELECT COALESCE(SUM(present + late + excused + absent), 0) FROM circle_tallies"
	dst.DB.Raw(tally).Scan(&before)
	f := testdb.With(t, dst.DB)
	f.Mark(f.Session(f.Circle("After the copy"), "2026-11-20T10:00", "held"), f.Person("Zoe"), "present")
	dst.DB.Raw(tally).Scan(&after)
	if after != before+1 {
		t.Errorf("tallies went from %d to %d after a new mark, want +1: the triggers are off", before, after)
	}
}

// catalog lists the constraints, indexes and triggers (with their state) of the database's schema.
func catalog(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	var out []string
	err := db.Raw(`SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
		WHERE connamespace = current_schema()::regnamespace
		UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()
		UNION ALL SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
		ORDER BY 1`).Scan(&out).Error
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A role that may read and write the target's tables but does not own them
// cannot switch their triggers off: the copy says so and writes nothing.
func TestPostgresTargetNotOwnedIsRefused(t *testing.T) {
	server := testdb.PostgresServer(t)
	role := pgtest.Role(t, server)
	dsn := pgtest.NewDatabase(t, server)
	owner, err := store.OpenPostgres(dsn, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	owner.Close()
	pgtest.Exec(t, dsn, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "+role,
		"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "+role)
	dst, err := store.OpenPostgres(pgtest.WithUser(dsn, role, ""), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	before := counts(t, dst.DB)
	_, err = dbcopy.Copy(context.Background(), withDemo(t, sqliteStore(t)).DB, dst.DB, dbcopy.Options{})
	if !errors.Is(err, dbcopy.ErrNotOwner) {
		t.Fatalf("err = %v, want ErrNotOwner", err)
	}
	if got := counts(t, dst.DB); !maps.Equal(got, before) {
		t.Errorf("target changed: %v, was %v", got, before)
	}
}
