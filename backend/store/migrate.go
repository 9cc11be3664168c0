package store

import (
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
)

//go:embed schema_v1.sql
var schemaV1 string

//go:embed circle_tallies.sql
var circleTallies string

//go:embed live_notes.sql
var liveNotes string

// Migration is one step of the schema's history: one ID, and a body for
// each engine. A new migration gives both (the same func where the SQL is
// the same; a test checks); they differ only where the engines' SQL must.
type Migration struct {
	ID       string // dated, e.g. 2026-11-25-initial; never renamed
	SQLite   func(tx *gorm.DB) error
	Postgres func(tx *gorm.DB) error
}

// body is the migration's step on dialect d.
func (m Migration) body(d Dialect) func(tx *gorm.DB) error {
	if d == Postgres {
		return m.Postgres
	}
	return m.SQLite
}

// migrations is append-only: add new steps at the end, never edit old ones.
var migrations = []Migration{
	{ID: "2026-11-25-initial", SQLite: script(schemaV1), Postgres: postgresBaseline},
	{ID: "2026-11-25-circle-tallies", SQLite: script(circleTallies), Postgres: inPostgresBaseline},
	{ID: "2026-11-25-live-notes", SQLite: script(liveNotes), Postgres: inPostgresBaseline},
	{ID: "2026-12-01-people-keys", SQLite: peopleKeys, Postgres: inPostgresBaseline},
	{ID: "2026-12-02-hot-path-indexes", SQLite: hotPathIndexes, Postgres: inPostgresBaseline},
	{ID: "2026-12-02-circle-keys", SQLite: circleKeys, Postgres: inPostgresBaseline},
	{ID: "2026-12-02-search-index", SQLite: searchIndex, Postgres: inPostgresBaseline},
	{ID: "2026-12-02-list-counts", SQLite: listCounts, Postgres: inPostgresBaseline},
	{ID: "2026-12-02-search-order", SQLite: searchOrder, Postgres: searchOrderPostgres},
	{ID: "2026-12-02-people-name-index", SQLite: unchanged, Postgres: peopleNameIndexPostgres},
	{ID: "2026-12-02-growth", SQLite: script(growthSQL), Postgres: script(growthPostgresSQL)},
	{ID: "2026-12-03-goal-items", SQLite: script(goalItemsSQL), Postgres: script(goalItemsPostgresSQL)},
	{ID: "2026-12-04-pg-search-vectors", SQLite: unchanged, Postgres: searchVectorsPostgres},
	{ID: "2026-12-04-today", SQLite: script(todaySQL), Postgres: todayPostgres},
	{ID: "2026-12-04-search-everything", SQLite: searchEverything, Postgres: searchEverythingPostgres},
	{ID: "2026-12-05-cohorts", SQLite: script(cohortsSQL), Postgres: script(cohortsPostgres)},
	{ID: "2026-12-05-roster", SQLite: script(rosterSQL), Postgres: script(rosterPostgresSQL)},
	{ID: "2026-12-04-today-streaks", SQLite: script(todayStreaksSQL), Postgres: todayStreaksPostgres},
	{ID: "2026-12-05-matching-profile", SQLite: script(matchingProfileSQL), Postgres: script(matchingProfilePostgres)},
	{ID: "2026-12-06-today-at-scale", SQLite: script(todayCirclesSQL), Postgres: todayCirclesPostgres},
	{ID: "2026-12-05-name-prefixes-batch", SQLite: unchanged, Postgres: script(namePrefixesBatchPostgres)},
}

// inPostgresBaseline is the PostgreSQL body of the migrations older than
// PostgreSQL support: the first migration's PostgreSQL body (postgresBaseline)
// builds the schema they lead to, and no PostgreSQL database predates that
// baseline, so they are only recorded as applied.
func inPostgresBaseline(*gorm.DB) error { return nil }

// script is a migration body that runs one embedded SQL file.
func script(sql string) func(tx *gorm.DB) error {
	return func(tx *gorm.DB) error { return tx.Exec(sql).Error }
}

// ErrNewerDatabase means a newer Circlebook has migrated the database: it
// holds migrations this version does not know, and this version leaves it alone.
var ErrNewerDatabase = errors.New("the database was made by a newer Circlebook")

// migrationsTable creates the table of applied migrations. SQLite's stays
// word for word what its files hold (DATETIME, which PostgreSQL lacks).
var migrationsTable = map[Dialect]string{
	SQLite:   `CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at DATETIME NOT NULL)`,
	Postgres: `CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`,
}

// migrationLock is the PostgreSQL advisory lock that makes programs opening
// the same database at once apply each migration once ("circle" in ASCII).
const migrationLock = 0x636972636c65

// schemaMigration records an applied migration.
type schemaMigration struct {
	ID        string `gorm:"primaryKey"`
	AppliedAt time.Time
}

// migrate brings the SQLite file at path up to date, backing it up first
// when it already holds data.
func migrate(db *gorm.DB, path string) error {
	return migrateTo(db, SQLite, func(label string) error {
		_, err := Backup(db, path, label)
		return err
	})
}

// pendingSQLite counts the migrations a SQLite file has not applied yet,
// after refusing one a newer Circlebook migrated. It writes nothing but the
// (empty) table of applied migrations of a new file.
func pendingSQLite(db *gorm.DB) (int, error) {
	if err := createMigrationsTable(db, SQLite); err != nil {
		return 0, fmt.Errorf("migrations table: %w", err)
	}
	return unapplied(db)
}

// unapplied counts the migrations missing from db's table of applied
// ones, or fails with ErrNewerDatabase when that table names some this
// version does not know.
func unapplied(db *gorm.DB) (int, error) {
	var applied []string
	if err := db.Table("schema_migrations").Pluck("id", &applied).Error; err != nil {
		return 0, err
	}
	if err := refuseNewer(applied); err != nil {
		return 0, err
	}
	return len(migrations) - len(applied), nil
}

// migrateTo applies the pending migrations of dialect d, each in its own
// transaction. It refuses a database a newer Circlebook migrated before
// writing anything, and calls backup (unless nil) once before the first
// pending migration of a database that already has some applied.
func migrateTo(db *gorm.DB, d Dialect, backup func(label string) error) error {
	if err := createMigrationsTable(db, d); err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	var applied []string
	if err := db.Table("schema_migrations").Pluck("id", &applied).Error; err != nil {
		return err
	}
	if err := refuseNewer(applied); err != nil {
		return err
	}
	done := map[string]bool{}
	for _, id := range applied {
		done[id] = true
	}
	backedUp := len(applied) == 0 || backup == nil // a new database has nothing to lose; nil: backed up elsewhere
	for _, m := range migrations {
		if done[m.ID] {
			continue
		}
		if !backedUp {
			if err := backup("before-" + m.ID); err != nil {
				return fmt.Errorf("backup before migration %s: %w", m.ID, err)
			}
			backedUp = true
		}
		if err := apply(db, d, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.ID, err)
		}
	}
	return nil
}

// createMigrationsTable makes the table of applied migrations if it is
// missing. On PostgreSQL it does so under the migration lock (two programs
// creating it at once would collide) and only when it is missing (even
// CREATE TABLE IF NOT EXISTS needs a right to create that a role working in
// a migrated database need not have).
func createMigrationsTable(db *gorm.DB, d Dialect) error {
	if d == SQLite {
		return db.Exec(migrationsTable[d]).Error
	}
	return db.Transaction(func(tx *gorm.DB) error {
		if err := lockMigrations(tx, d); err != nil {
			return err
		}
		var exists bool
		if err := tx.Raw("SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&exists).Error; err != nil || exists {
			return err
		}
		return tx.Exec(migrationsTable[d]).Error
	})
}

// apply runs one migration and records it, in one transaction; it does
// nothing when another program applied it meanwhile.
func apply(db *gorm.DB, d Dialect, m Migration) error {
	return db.Transaction(func(tx *gorm.DB) error {
		if err := lockMigrations(tx, d); err != nil {
			return err
		}
		var n int64
		if err := tx.Table("schema_migrations").Where("id = ?", m.ID).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if err := m.body(d)(tx); err != nil {
			return err
		}
		return tx.Table("schema_migrations").Create(&schemaMigration{ID: m.ID, AppliedAt: time.Now().UTC()}).Error
	})
}

// lockMigrations holds the migration lock until tx ends on PostgreSQL; a
// SQLite transaction already holds the file's one write lock (_txlock=immediate).
func lockMigrations(tx *gorm.DB, d Dialect) error {
	if d != Postgres {
		return nil
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(?)", migrationLock).Error
}

// refuseNewer fails with ErrNewerDatabase when applied holds IDs this version does not know.
func refuseNewer(applied []string) error {
	known := map[string]bool{}
	for _, m := range migrations {
		known[m.ID] = true
	}
	var unknown []string
	for _, id := range applied {
		if !known[id] {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	return fmt.Errorf("%w (it has migration %s, which this version does not know): open it with that Circlebook or a newer one",
		ErrNewerDatabase, strings.Join(unknown, ", "))
}

// Backup writes a consistent copy of the SQLite file beside it, readable by its
// owner only, and returns its path. It never overwrites an earlier backup:
// one from the same second (a run that crashed before its migration
// committed, restarted at once) gets a numbered name beside it.
func Backup(db *gorm.DB, path, label string) (string, error) {
	stamp := time.Now().UTC().Format("20060102T150405Z")
	dest := fmt.Sprintf("%s.%s.%s.bak", path, stamp, label)
	for n := 2; exists(dest); n++ {
		dest = fmt.Sprintf("%s.%s-%d.%s.bak", path, stamp, n, label)
	}
	if err := db.Exec("VACUUM INTO ?", dest).Error; err != nil {
		return "", err
	}
	return dest, os.Chmod(dest, 0o600)
}

// exists reports whether anything is at path (VACUUM INTO refuses to write there).
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// Applied lists the IDs of applied migrations in the order they apply (IDs
// from one day need not sort that way); any this version does not know come last.
func (s *Store) Applied() ([]string, error) {
	var ids []string
	if err := s.DB.Table("schema_migrations").Order("id").Pluck("id", &ids).Error; err != nil {
		return nil, err
	}
	pos := make(map[string]int, len(migrations))
	for i, m := range migrations {
		pos[m.ID] = i
	}
	rank := func(id string) int {
		if i, ok := pos[id]; ok {
			return i
		}
		return len(migrations)
	}
	slices.SortStableFunc(ids, func(a, b string) int { return cmp.Compare(rank(a), rank(b)) })
	return ids, nil
}
