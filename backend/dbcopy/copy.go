// Package dbcopy copies a whole Circlebook database to another, between
// engines (SQLite and PostgreSQL, either way) or within one: every record
// with its id, so foreign keys hold, in one transaction on the target,
// checked afterwards by counts and a checksum of every table on both sides.
//
// Rows are read in key order a batch at a time (never a whole table in
// memory) from one snapshot of the source, on a goroutine of their own, and
// written in the same batches: multi-row INSERTs on SQLite, COPY FROM on
// PostgreSQL. The tables the triggers keep (each circle's tallies, the
// topics' counts, the lists' name-prefix counts; SQLite's search index and
// list order) are never copied: on SQLite the target's own triggers build
// them as the rows go in, exactly as the app's writes do; on PostgreSQL
// (whose role must own the tables) the rows go in with the triggers off and
// without indexes or keys, and the derived tables are counted, the indexes
// built and the keys checked once at the end (derived.go, bulk.go). Either
// way they are then compared with the source's. Id counters are set past the highest
// id the source ever gave.
//
// Merge brings a database into one that holds records already, by UUID,
// under the bundle import's rules (merge_rules.go), in one transaction on
// the target through its own triggers.
package dbcopy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"circlebook/backend/store"

	"gorm.io/gorm"
)

// ErrMismatch means the copy's check failed: a table's rows or checksum
// differ between the two sides. The target is left as it was.
var ErrMismatch = errors.New("the copy does not match its source")

// ErrSchema means a side is not at this version's schema (every migration
// this Circlebook knows, and no other).
var ErrSchema = errors.New("the databases are not at this version's schema")

// Options tune a copy.
type Options struct {
	Progress io.Writer // progress lines (table, rows, percent); nil for none
	Batch    int       // rows read and written at a time; 0 for DefaultBatch
}

// DefaultBatch is how many rows a copy reads and writes at a time.
const DefaultBatch = 5000

// TableReport is one table's outcome: rows on both sides, and the checksum they share.
type TableReport struct {
	Table    string `json:"table"`
	Rows     int64  `json:"rows"`     // for a derived table, its live rows (see derivedTables)
	Checksum string `json:"checksum"` // SHA-256 of the normalised rows in key order, first 16 bytes in hex
	Derived  bool   `json:"derived"`  // kept by triggers: made from the copied rows, then compared with the source's
}

// Report is what a copy did.
type Report struct {
	Tables  []TableReport `json:"tables"`
	Elapsed time.Duration `json:"elapsed"`
}

// Rows is how many records the copy wrote (derived tables aside).
func (r Report) Rows() int64 {
	var n int64
	for _, t := range r.Tables {
		if !t.Derived {
			n += t.Rows
		}
	}
	return n
}

// Copy copies every record of from into to, which must be empty (but for
// the seeded topics), in one transaction on to: on any error to is left as
// it was. Both must be opened by the store (so migrated to this version).
func Copy(ctx context.Context, from, to *gorm.DB, opt Options) (Report, error) {
	start := time.Now()
	if opt.Batch <= 0 {
		opt.Batch = DefaultBatch
	}
	tables, err := plan()
	if err != nil {
		return Report{}, err
	}
	var rep Report
	err = readSnapshot(ctx, from, func(src conn) error {
		return writeAll(ctx, to, func(dst conn) error {
			rep.Tables, err = run(ctx, src, dst, tables, opt)
			return err
		})
	})
	if err == nil {
		analyze(ctx, to, opt.Progress)
	}
	rep.Elapsed = time.Since(start)
	return rep, err
}

// run copies, then checks, inside both sides' transactions.
func run(ctx context.Context, src, dst conn, tables []table, opt Options) ([]TableReport, error) {
	for _, c := range []conn{src, dst} {
		if err := checkSchema(ctx, c); err != nil {
			return nil, err
		}
	}
	if err := checkEmpty(ctx, dst, tables); err != nil {
		return nil, err
	}
	b, err := startBulk(ctx, dst, tables)
	if err != nil {
		return nil, err
	}
	p := newProgress(opt.Progress)
	sums := map[string]*digest{}
	for _, t := range tables {
		if t.derived {
			continue
		}
		d, err := copyTable(ctx, src, dst, t, opt.Batch, p)
		if err != nil {
			return nil, fmt.Errorf("copy %s: %w", t.name, err)
		}
		sums[t.name] = d
		if err := carrySequence(ctx, src, dst, t); err != nil {
			return nil, fmt.Errorf("id counter of %s: %w", t.name, err)
		}
	}
	if b != nil {
		if err := b.finish(ctx, dst); err != nil {
			return nil, err
		}
	}
	return verify(ctx, src, dst, tables, sums, opt.Batch, p)
}

// copyTable copies t's rows batch by batch, hashing them as they pass.
func copyTable(ctx context.Context, src, dst conn, t table, batch int, p *progress) (*digest, error) {
	total, err := count(ctx, src, t)
	if err != nil {
		return nil, err
	}
	d := newDigest()
	p.start("copy", t.name, total)
	err = pipeBatches(ctx, src, t, batch, d, func(rows [][]any) error {
		p.add(int64(len(rows)))
		return dst.insert(ctx, t, rows)
	})
	p.done()
	return d, err
}

// verify reads every table back from the target and compares its rows and
// checksum with the source's; derived tables are read from both sides.
func verify(ctx context.Context, src, dst conn, tables []table, sums map[string]*digest, batch int, p *progress) ([]TableReport, error) {
	var out []TableReport
	for _, t := range tables {
		want := sums[t.name]
		if want == nil {
			var err error
			if want, err = hashTable(ctx, src, t, batch, nil); err != nil {
				return nil, fmt.Errorf("check %s: %w", t.name, err)
			}
		}
		got, err := hashTable(ctx, dst, t, batch, p)
		if err != nil {
			return nil, fmt.Errorf("check %s: %w", t.name, err)
		}
		if got.rows != want.rows || got.sum() != want.sum() {
			return nil, fmt.Errorf("%w: %s has %d rows (checksum %s) in the source and %d (checksum %s) in the target",
				ErrMismatch, t.name, want.rows, want.sum(), got.rows, got.sum())
		}
		out = append(out, TableReport{Table: t.name, Rows: got.rows, Checksum: got.sum(), Derived: t.derived})
	}
	return out, checkSearchIndex(ctx, dst)
}

// hashTable hashes t's rows on one side in key order.
func hashTable(ctx context.Context, c conn, t table, batch int, p *progress) (*digest, error) {
	total, err := count(ctx, c, t)
	if err != nil {
		return nil, err
	}
	p.start("check", t.name, total)
	defer p.done()
	d := newDigest()
	err = scan(ctx, c, t, batch, func(rows [][]any) error {
		for _, r := range rows {
			d.add(r)
		}
		p.add(int64(len(rows)))
		return nil
	})
	return d, err
}

// checkSchema refuses a side whose applied migrations are not exactly this version's.
func checkSchema(ctx context.Context, c conn) error {
	var applied []string
	err := c.query(ctx, "SELECT id FROM schema_migrations", nil, func(vals []any) error {
		s, err := normalise(kindText, vals[0])
		applied = append(applied, fmt.Sprint(s))
		return err
	})
	if err != nil {
		return fmt.Errorf("%w: %v", ErrSchema, err)
	}
	want := store.MigrationIDs()
	slices.Sort(applied)
	slices.Sort(want)
	if !slices.Equal(applied, want) {
		return fmt.Errorf("%w: %s has %d migrations applied, this version %d", ErrSchema, c.dialect(), len(applied), len(want))
	}
	return nil
}
