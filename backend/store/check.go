package store

import (
	"database/sql"
	"fmt"

	_ "github.com/glebarez/go-sqlite" // registers the "sqlite" driver
)

// quickCheck runs PRAGMA quick_check on a read-only connection, so a damaged
// file is reported and never written to.
func quickCheck(path string) error {
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrDamaged, path, err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&result); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrDamaged, path, err)
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
