package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

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

// sqliteHeader opens every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// checkHeader refuses a file that does not start as a database does: the
// cheap check every Open makes, reading 16 bytes.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return fmt.Errorf("%w: %s: not an SQLite database", ErrDamaged, path)
	}
	return nil
}

// SQLite's primary result codes for a damaged file.
const (
	sqliteCorrupt = 11 // SQLITE_CORRUPT
	sqliteNotADB  = 26 // SQLITE_NOTADB
)

// damaged marks err as ErrDamaged when SQLite found the file damaged while
// opening it (a damaged page that Open happened to read).
func damaged(err error, path string) error {
	var coded interface{ Code() int }
	if errors.Is(err, ErrDamaged) || !errors.As(err, &coded) {
		return err
	}
	if c := coded.Code() & 0xff; c == sqliteCorrupt || c == sqliteNotADB {
		return fmt.Errorf("%w: %s: %w", ErrDamaged, path, err)
	}
	return err
}

// optimize runs PRAGMA optimize, SQLite's advice for a connection about to
// close: it runs ANALYZE only on tables whose queries on this connection
// would have been planned better with statistics, and analysis_limit makes
// that ANALYZE read a sample of each index rather than all of it. It is
// best effort: a failure here leaves the statistics as they were.
func (s *Store) optimize(sqlDB *sql.DB) {
	ctx := context.Background()
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA analysis_limit=400"); err == nil {
		conn.ExecContext(ctx, "PRAGMA optimize")
	}
}

// Check runs the full PRAGMA integrity_check on the database in dir, on a
// read-only connection (after recovering a WAL a crash left, which only a
// writer may do), and returns every problem it reports; none means sound.
func Check(dir string) ([]string, error) {
	path := filepath.Join(dir, FileName)
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		return nil, fmt.Errorf("no database at %s", path)
	}
	if err := checkHeader(path); err != nil {
		return []string{"not an SQLite database"}, nil
	}
	problems, err := integrity(path, true)
	var coded interface{ Code() int }
	if errors.As(err, &coded) && coded.Code() == sqliteReadOnlyRecovery {
		problems, err = integrity(path, false)
	}
	if err != nil && errors.As(err, &coded) {
		if c := coded.Code() & 0xff; c == sqliteCorrupt || c == sqliteNotADB {
			return []string{err.Error()}, nil
		}
	}
	return problems, err
}

// integrity runs PRAGMA integrity_check and collects its rows other than "ok".
func integrity(path string, readOnly bool) ([]string, error) {
	conn := "file:" + (&url.URL{Path: path}).EscapedPath()
	if readOnly {
		conn = dsn(path, true)
	}
	db, err := sql.Open("sqlite", conn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query("PRAGMA integrity_check")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		if line != "ok" {
			problems = append(problems, strings.TrimSpace(line))
		}
	}
	return problems, rows.Err()
}
