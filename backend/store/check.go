package store

import (
	"database/sql"
	"errors"
	"fmt"

	_ "github.com/glebarez/go-sqlite" // registers the "sqlite" driver
)

// sqliteReadOnlyRecovery is SQLITE_READONLY_RECOVERY: the WAL a crash left
// behind must be recovered, which only a read-write connection may do.
const sqliteReadOnlyRecovery = 776

// errNeedsRecovery says the read-only check could not run before recovery.
var errNeedsRecovery = errors.New("the write-ahead log needs recovery")

// quickCheck runs PRAGMA quick_check on a read-only connection, so a damaged
// file is reported and never written to. After a crash the WAL may need
// recovering first; then it returns errNeedsRecovery, and the caller checks
// on its read-write connection before writing anything.
func quickCheck(path string) error {
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrDamaged, path, err)
	}
	defer db.Close()
	err = verdict(db.QueryRow("PRAGMA quick_check"), path)
	var coded interface{ Code() int }
	if errors.As(err, &coded) && coded.Code() == sqliteReadOnlyRecovery {
		return errNeedsRecovery
	}
	return err
}

// verdict reads a quick_check answer: "ok", or why the file is damaged.
func verdict(row interface{ Scan(...any) error }, path string) error {
	var result string
	if err := row.Scan(&result); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrDamaged, path, err)
	}
	if result != "ok" {
		return fmt.Errorf("%w: %s: %s", ErrDamaged, path, result)
	}
	return nil
}

// IntegrityCheck runs the full PRAGMA integrity_check and returns its verdict ("ok" when sound).
func (s *Store) IntegrityCheck() (string, error) {
	var result string
	err := s.DB.Raw("PRAGMA integrity_check").Scan(&result).Error
	return result, err
}
