package dbcopy

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"circlebook/backend/store"
)

// ErrNotEmpty refuses a target that already holds records.
var ErrNotEmpty = errors.New("the target database is not empty")

// seedTopics is the start of the UUIDs of the topics every database is
// migrated with (live_notes.sql); a target holding only these is empty.
const seedTopics = "6b0f3f52-41a4-5b8e-9d1c-0a7e2c4b9f0"

// checkEmpty refuses a target holding any record but the seeded topics,
// then clears those (the source's topics replace them, ids and all).
func checkEmpty(ctx context.Context, c conn, tables []table) error {
	held, err := heldRecords(ctx, c, tables)
	if err != nil {
		return err
	}
	if len(held) > 0 {
		return fmt.Errorf("%w (it holds %s): copy into an empty database", ErrNotEmpty, strings.Join(held, ", "))
	}
	return c.exec(ctx, "DELETE FROM topics")
}

// heldRecords says how many records of each table a target holds ("3
// people"), the seeded topics aside; none when it is empty.
func heldRecords(ctx context.Context, c conn, tables []table) ([]string, error) {
	var held []string
	for _, t := range tables {
		if t.derived {
			continue
		}
		q := "SELECT COUNT(*) FROM " + t.name
		if t.name == "topics" {
			q += " WHERE uuid NOT LIKE '" + seedTopics + "%'"
		}
		n, err := countQuery(ctx, c, q)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			held = append(held, fmt.Sprintf("%d %s", n, t.name))
		}
	}
	return held, nil
}

// countQuery runs a query of one integer.
func countQuery(ctx context.Context, c conn, q string, args ...any) (int64, error) {
	var n int64
	err := c.query(ctx, q, args, func(vals []any) error {
		if vals[0] == nil {
			return nil
		}
		v, err := toInt(vals[0])
		n, _ = v.(int64)
		return err
	})
	return n, err
}

// carrySequence sets the target's id counter for t (keyed by id) past the
// source's, so neither side's numbers are reused.
func carrySequence(ctx context.Context, src, dst conn, t table) error {
	if len(t.key) != 1 || t.key[0] != "id" {
		return nil
	}
	hw, err := highWater(ctx, src, t)
	if err != nil {
		return err
	}
	return setSequence(ctx, dst, t, hw)
}

// highWater is the highest id t's key has ever given on the source (an
// AUTOINCREMENT's or an identity's last value), so the target never reuses
// one either; 0 when none was given.
func highWater(ctx context.Context, c conn, t table) (int64, error) {
	if c.dialect() == store.Postgres {
		return countQuery(ctx, c, "SELECT pg_sequence_last_value(pg_get_serial_sequence(?, 'id')::regclass)", t.name)
	}
	return countQuery(ctx, c, "SELECT seq FROM sqlite_sequence WHERE name = ?", t.name)
}

// setSequence sets the target's id counter for t past both the copied ids
// and the source's high-water mark hw, so the next new row gets a new id.
func setSequence(ctx context.Context, c conn, t table, hw int64) error {
	if c.dialect() == store.Postgres {
		return c.exec(ctx, "SELECT setval(pg_get_serial_sequence(?, 'id'), m) FROM (SELECT GREATEST(COALESCE(MAX(id), 0), ?) AS m FROM "+
			t.name+") AS x WHERE m > 0", t.name, hw)
	}
	// SQLite moved its counter to the highest id inserted; it holds a row once the table had one.
	return c.exec(ctx, "UPDATE sqlite_sequence SET seq = ? WHERE name = ? AND seq < ?", hw, t.name, hw)
}

// checkSearchIndex asks SQLite's full-text indexes, which the triggers
// filled as rows went in, whether they match their tables.
func checkSearchIndex(ctx context.Context, c conn) error {
	if c.dialect() != store.SQLite {
		return nil // PostgreSQL's search index is an index on an expression: the server keeps it
	}
	for _, fts := range []string{"people_fts", "circles_fts"} {
		if err := c.exec(ctx, "INSERT INTO "+fts+" ("+fts+") VALUES ('integrity-check')"); err != nil {
			return fmt.Errorf("%w: search index %s: %v", ErrMismatch, fts, err)
		}
	}
	return nil
}
