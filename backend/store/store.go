// Package store opens Circlebook's one SQLite file: it makes the data folder
// private, checks the whole file before writing to it when the last run did
// not shut down cleanly (the open marker), sets and verifies every pragma,
// and brings the schema up to date.
package store

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// FileName is the database's name inside the data folder.
const FileName = "circlebook.db"

// ErrDamaged means the database file failed its integrity check; it was not written to.
var ErrDamaged = errors.New("the database file is damaged")

// Store is the open database.
type Store struct {
	DB      *gorm.DB
	Path    string  // the SQLite file, or the PostgreSQL database's address without its password
	Dialect Dialect // which engine DB talks to (see dialect.go)

	folder      string        // the local data folder when Path is not in it (PostgreSQL); see Folder
	marker      *marker       // the open marker, held until Close
	checkpoints *checkpointer // SQLite: checkpoints the WAL when writes pause (checkpoint.go)
	migrated    bool          // no migration is pending (see OpenPending)
}

// pragmas are set on every connection through the DSN and read back at open.
var pragmas = []struct{ name, set, want string }{
	{"journal_mode", "WAL", "wal"},
	{"synchronous", "FULL", "2"},
	{"foreign_keys", "1", "1"},
	{"busy_timeout", "5000", "5000"},
	{"wal_autocheckpoint", walBackstop, walBackstop}, // a backstop: the store checkpoints when idle (checkpoint.go)
}

// Open opens (creating if needed) the database in dir and migrates it.
// It checks the whole file (PRAGMA quick_check, before writing anything)
// only when the open marker says the last run did not shut down cleanly;
// otherwise it reads just the header and the schema, whatever the file's size.
func Open(dir string) (*Store, error) {
	return openDir(dir, true)
}

// OpenPending opens the database in dir as Open does, and refuses one a
// newer Circlebook migrated, but leaves its pending migrations (and the
// backup before them) to MigratePending: the window opens first and shows
// their progress, which on a large file can take tens of seconds. Nothing
// but MigratePending and Close may use the store until MigratePending returns.
func OpenPending(dir string) (*Store, error) {
	return openDir(dir, false)
}

// MigratePending applies the migrations OpenPending left, reporting each
// step (and a long step's count) to report, then starts the store's idle
// work as Open does. It does nothing but that on a store already up to date.
func (s *Store) MigratePending(report func(Progress)) error {
	if s.Dialect == Postgres || s.checkpoints != nil {
		return nil // opened migrated (OpenPostgres, Open), or done already
	}
	if !s.migrated {
		path := s.Path
		err := migrateTo(withProgress(s.DB, report), SQLite, func(label string) error {
			if report != nil {
				report(Progress{Step: "Backing up the data file"})
			}
			_, err := Backup(s.DB, path, label)
			return err
		})
		if err != nil {
			return damaged(err, path)
		}
		s.migrated = true
	}
	return s.startCheckpoints()
}

// Pending reports whether the store has migrations to apply (OpenPending).
func (s *Store) Pending() bool { return !s.migrated }

// openDir opens the database in dir, migrating it now or leaving that to
// MigratePending.
func openDir(dir string, migrateNow bool) (*Store, error) {
	if err := privateDir(dir); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, FileName)
	existed, err := privateFile(path)
	if err != nil {
		return nil, err
	}
	m, err := takeMarker(path)
	if err != nil {
		return nil, err
	}
	s, err := open(path, existed, m.crashed, migrateNow)
	if err != nil {
		m.release(false) // the marker stays: the next Open checks again
		return nil, err
	}
	s.marker = m
	return s, nil
}

// open checks what needs checking, connects and migrates now, or only
// refuses a newer database and leaves the migrations to MigratePending.
func open(path string, existed, crashed, migrateNow bool) (*Store, error) {
	recover := false
	if existed {
		if err := checkHeader(path); err != nil {
			return nil, err
		}
	}
	if existed && crashed {
		switch err := quickCheck(path); {
		case errors.Is(err, errNeedsRecovery):
			recover = true
		case err != nil:
			return nil, err
		}
	}
	db, err := gorm.Open(sqlite.Open(dsn(path, false)), &gorm.Config{
		TranslateError: true,
		Logger:         logger.Discard,
		NowFunc:        func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		return nil, damaged(fmt.Errorf("open %s: %w", path, err), path)
	}
	s := &Store{DB: db, Path: path}
	if err := s.setup(recover, migrateNow); err != nil {
		s.closeDB(false)
		return nil, damaged(err, path)
	}
	if !migrateNow {
		return s, nil
	}
	if err := s.startCheckpoints(); err != nil {
		s.closeDB(false)
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// setup caps the pool, checks the pragmas (and, after a crash, the file,
// now that the WAL is recovered), then migrates, or refuses a newer
// database and notes whether migrations are pending.
func (s *Store) setup(recovered, migrateNow bool) error {
	sqlDB, err := s.DB.DB()
	if err != nil {
		return err
	}
	sqlDB.SetMaxOpenConns(1) // one writer; SQLite serialises writes anyway
	if recovered {
		if err := verdict(sqlDB.QueryRow("PRAGMA quick_check"), s.Path); err != nil {
			return err
		}
	}
	if err := verifyPragmas(s.DB); err != nil {
		return err
	}
	if !migrateNow {
		n, err := pendingSQLite(s.DB)
		s.migrated = n == 0
		return err
	}
	s.migrated = true
	return migrate(s.DB, s.Path)
}

// Close runs PRAGMA optimize (see optimize), closes the database,
// checkpointing the WAL, and marks the shutdown clean.
func (s *Store) Close() error { return s.close(true) }

// CloseWithoutOptimize closes cleanly like Close but leaves the query
// planner's statistics as they are: for the data generator, whose files
// must stay as a program's data is before any ANALYZE.
func (s *Store) CloseWithoutOptimize() error { return s.close(false) }

func (s *Store) close(optimize bool) error {
	s.checkpoints.stop()
	err := s.closeDB(optimize)
	s.marker.release(err == nil)
	s.marker = nil
	return err
}

func (s *Store) closeDB(optimize bool) error {
	sqlDB, err := s.DB.DB()
	if err != nil {
		return err
	}
	if optimize && s.Dialect == SQLite {
		s.optimize(sqlDB)
	}
	return sqlDB.Close()
}

// dsn builds the connection string; every pragma goes in as _pragma=name(value),
// the only form this driver honours.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	if readOnly {
		q.Set("mode", "ro")
	} else {
		for _, p := range pragmas {
			q.Add("_pragma", p.name+"("+p.set+")")
		}
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

func verifyPragmas(db *gorm.DB) error {
	for _, p := range pragmas {
		var got string
		if err := db.Raw("PRAGMA " + p.name).Scan(&got).Error; err != nil {
			return fmt.Errorf("read pragma %s: %w", p.name, err)
		}
		if got != p.want {
			return fmt.Errorf("pragma %s is %q, want %q: refusing to run", p.name, got, p.want)
		}
	}
	return nil
}

// privateDir creates dir if needed and makes it readable by its owner only.
func privateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create data folder: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("make data folder private: %w", err)
	}
	return nil
}

// privateFile creates the database file 0600 before SQLite does (SQLite gives
// its -wal and -shm files the main file's mode), and reports whether it existed.
func privateFile(path string) (existed bool, err error) {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.Size() > 0:
		return true, os.Chmod(path, 0o600)
	case err == nil:
		return false, os.Chmod(path, 0o600)
	case !errors.Is(err, os.ErrNotExist):
		return false, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return false, fmt.Errorf("create database: %w", err)
	}
	return false, f.Close()
}
