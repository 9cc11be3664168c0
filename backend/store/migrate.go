package store

import (
	"cmp"
	_ "embed"
	"fmt"
	"os"
	"slices"
	"time"

	"gorm.io/gorm"
)

//go:embed schema_v1.sql
var schemaV1 string

//go:embed circle_tallies.sql
var circleTallies string

//go:embed live_notes.sql
var liveNotes string

// Migration is one step of the schema's history.
type Migration struct {
	ID string // dated, e.g. 2026-11-25-initial; never renamed
	Up func(tx *gorm.DB) error
}

// migrations is append-only: add new steps at the end, never edit old ones.
var migrations = []Migration{
	{ID: "2026-11-25-initial", Up: func(tx *gorm.DB) error { return tx.Exec(schemaV1).Error }},
	{ID: "2026-11-25-circle-tallies", Up: func(tx *gorm.DB) error { return tx.Exec(circleTallies).Error }},
	{ID: "2026-11-25-live-notes", Up: func(tx *gorm.DB) error { return tx.Exec(liveNotes).Error }},
	{ID: "2026-12-01-people-keys", Up: peopleKeys},
	{ID: "2026-12-02-hot-path-indexes", Up: hotPathIndexes},
	{ID: "2026-12-02-circle-keys", Up: circleKeys},
	{ID: "2026-12-02-search-index", Up: searchIndex},
	{ID: "2026-12-02-list-counts", Up: listCounts},
}

// schemaMigration records an applied migration.
type schemaMigration struct {
	ID        string `gorm:"primaryKey"`
	AppliedAt time.Time
}

// migrate applies the pending migrations, each in its own transaction, after
// backing up a database that already holds data.
func migrate(db *gorm.DB, path string) error {
	if err := db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at DATETIME NOT NULL)`).Error; err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	var applied []string
	if err := db.Table("schema_migrations").Pluck("id", &applied).Error; err != nil {
		return err
	}
	done := map[string]bool{}
	for _, id := range applied {
		done[id] = true
	}
	backedUp := len(applied) == 0 // a new file has nothing to lose
	for _, m := range migrations {
		if done[m.ID] {
			continue
		}
		if !backedUp {
			if _, err := Backup(db, path, "before-"+m.ID); err != nil {
				return fmt.Errorf("backup before migration %s: %w", m.ID, err)
			}
			backedUp = true
		}
		err := db.Transaction(func(tx *gorm.DB) error {
			if err := m.Up(tx); err != nil {
				return err
			}
			return tx.Table("schema_migrations").Create(&schemaMigration{ID: m.ID, AppliedAt: time.Now().UTC()}).Error
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.ID, err)
		}
	}
	return nil
}

// Backup writes a consistent copy of the database beside it, readable by its
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
