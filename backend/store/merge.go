package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"gorm.io/gorm"
	sqlite3 "modernc.org/sqlite/lib"
)

// Each commit that changes a search index (migrations
// 2026-12-02-search-order and 2026-12-04-search-everything) adds a segment
// to it, and FTS5 merges segments only now and then (its automerge, inside
// whichever commit brings a level to four segments), so a file written a
// row at a time (a roster typed in, an import, the generator) keeps ten or
// twenty segments, and every search seeks each one: at program scale that
// was 40% of a short search's time. And a note's save would pay for the
// merges a bulk write left (the index build, an import): 1.4-1.6x the save
// without the index, against 1.3-1.4x once merged. When the writes pause,
// the store merges them in small steps (mergeIndexes), on the
// checkpointer's connection: a level with two segments becomes one, so an
// index keeps at most one segment a level, a few in all, and a merge
// rewrites a segment about once a level.

// mergedIndexes are the FTS5 indexes the store merges: the lists' and
// search across everything's, one a kind of record (searchTables).
func mergedIndexes() []string {
	out := []string{"people_list_fts", "circles_list_fts", "people_fts"}
	for _, t := range searchTables {
		out = append(out, t.FTS)
	}
	return out
}

// merging keeps the store's merges (its own when writes pause, and
// MergeSearch's) from running at once.
var merging sync.Mutex

// MergeStep is how many pages (4 KB each) one merge step writes at most,
// a quarter of a megabyte: a write that arrives during a step waits for it.
const MergeStep = 64

// mergeIndexes merges the search indexes' segments, a step at a time, while
// there is work left and more says to go on (it is asked before each step);
// it returns the steps that merged something. Each step is its own
// transaction on db, a connection of its own.
func mergeIndexes(db *sql.DB, more func() bool) (int, error) {
	merging.Lock() // one merger at a time: two on one index would each stop when the other's step left it nothing
	defer merging.Unlock()
	steps := 0
	for _, fts := range mergedIndexes() {
		if err := mergeLevelPairs(db, fts); err != nil {
			if busy(err) {
				return steps, nil
			}
			return steps, err
		}
		for more() {
			merged, err := mergeStep(db, fts)
			if busy(err) {
				return steps, nil // a long write holds the file: the next pause goes on
			}
			if err != nil {
				return steps, fmt.Errorf("merge %s: %w", fts, err)
			}
			if !merged {
				break
			}
			steps++
		}
	}
	return steps, nil
}

// busy reports whether err is SQLite's "database is locked": another
// connection kept its write transaction past the busy timeout.
func busy(err error) bool {
	var e interface{ Code() int }
	return errors.As(err, &e) && e.Code()&0xff == sqlite3.SQLITE_BUSY
}

// mergeLevelPairs sets an index's usermerge option to 2 (FTS5's default is
// 4), once: a merge step then merges any level holding two segments.
func mergeLevelPairs(db *sql.DB, fts string) error {
	var n int
	err := db.QueryRow(fmt.Sprintf("SELECT COUNT(*) FROM %s_config WHERE k = 'usermerge' AND v = 2", fts)).Scan(&n)
	if err != nil || n > 0 {
		return err
	}
	_, err = db.Exec(fmt.Sprintf("INSERT INTO %[1]s (%[1]s, rank) VALUES ('usermerge', 2)", fts))
	return err
}

// mergeStep runs one merge step and reports whether it merged anything:
// FTS5 tells only through the connection's count of changed rows, which a
// step that did any work moves by 2 or more.
func mergeStep(db *sql.DB, fts string) (bool, error) {
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	var before, after int64
	if err := conn.QueryRowContext(ctx, "SELECT total_changes()").Scan(&before); err != nil {
		return false, err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("INSERT INTO %[1]s (%[1]s, rank) VALUES ('merge', ?)", fts), MergeStep); err != nil {
		return false, err
	}
	if err := conn.QueryRowContext(ctx, "SELECT total_changes()").Scan(&after); err != nil {
		return false, err
	}
	return after-before >= 2, nil
}

// MergeSearch merges the search indexes' segments to the end, as the store
// does when writes pause: for the data generator, whose file must be as
// the app leaves a file, and for tests.
func (s *Store) MergeSearch() error { return MergeSearch(s.DB) }

// MergeSearch merges the search indexes of the SQLite database db to the end
// (see Store.MergeSearch); on PostgreSQL it does nothing. The fingerprints
// of "nothing was written" tests take it first: the store may merge the
// indexes between two of them, which changes no record.
func MergeSearch(db *gorm.DB) error {
	if DialectOf(db) != SQLite {
		return nil
	}
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	_, err = mergeIndexes(sqlDB, func() bool { return true })
	return err
}
