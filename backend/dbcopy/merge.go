package dbcopy

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"circlebook/backend/store"

	"gorm.io/gorm"
)

// ErrConflict refuses a merge whose records match the target's in a way
// the rules (see rules) forbid: a record of one circle in the source and
// of another in the target, or two source records that would become one.
// The target is left as it was.
var ErrConflict = errors.New("the source's records conflict with the target's")

// MergeTable is what a merge did with one table's records.
type MergeTable struct {
	Table     string `json:"table"`
	Added     int64  `json:"added"`               // new to the target: written with new ids, references rewritten
	Kept      int64  `json:"kept"`                // the target had them: left as the target has them
	ByKey     int64  `json:"byKey"`               // of Kept, those matched by KeyName rather than by UUID
	KeyName   string `json:"keyName,omitempty"`   // what besides the UUID matches this table's records
	Differing int64  `json:"differing,omitempty"` // of Kept notes, those whose text differed: the source's is now a revision
}

// MergeReport is what a merge did. Copied is set when the target was empty,
// and the merge a plain copy.
type MergeReport struct {
	Tables  []MergeTable  `json:"tables"`
	Copied  *Report       `json:"copied,omitempty"`
	Elapsed time.Duration `json:"elapsed"`
}

// Totals adds up the records added and kept.
func (r MergeReport) Totals() (added, kept int64) {
	for _, t := range r.Tables {
		added, kept = added+t.Added, kept+t.Kept
	}
	return added, kept
}

// Merge brings every record of from that to lacks into to, which may hold
// records already, matching records by UUID (and by what makes them unique
// where the schema makes something unique) under the bundle import's rules
// (see rules): what to has is kept as it is, what it lacks is added with
// new ids and its references rewritten. Everything is carried (private
// notes, revisions, people in no circle), in one transaction on to: on any
// error to is left as it was. Afterwards every source record is checked to
// be in to, the tables the triggers keep against a rebuild, and the id
// counters against the ids. Merging the same source again adds nothing.
// Into an empty target, Merge is Copy.
func Merge(ctx context.Context, from, to *gorm.DB, opt Options) (MergeReport, error) {
	start := time.Now()
	if opt.Batch <= 0 {
		opt.Batch = DefaultBatch
	}
	tables, err := plan()
	if err != nil {
		return MergeReport{}, err
	}
	empty, err := isEmpty(ctx, to, tables)
	if err != nil {
		return MergeReport{}, err
	}
	if empty {
		rep, err := Copy(ctx, from, to, opt)
		if !errors.Is(err, ErrNotEmpty) { // else someone wrote in between: merge after all
			return MergeReport{Copied: &rep, Elapsed: time.Since(start)}, err
		}
	}
	if store.DialectOf(to) == store.SQLite {
		sqlDB, err := to.DB()
		if err != nil {
			return MergeReport{}, err
		}
		restore, err := tuneForLoad(ctx, sqlDB) // as for a copy: the UUID indexes' pages stay in memory
		if err != nil {
			return MergeReport{}, err
		}
		defer restore()
	}
	var rep MergeReport
	err = readSnapshot(ctx, from, func(src conn) error {
		return to.WithContext(ctx).Transaction(func(gtx *gorm.DB) error {
			sqlTx, ok := sqlTxOf(gtx.Statement.ConnPool)
			if !ok {
				return fmt.Errorf("write the target: unexpected transaction %T", gtx.Statement.ConnPool)
			}
			m := newMerger(src, sqlConn{tx: sqlTx, d: store.DialectOf(to)}, gtx, opt)
			rep.Tables, err = m.run(ctx, tables)
			return err
		})
	})
	if err == nil {
		analyze(ctx, to, opt.Progress)
	}
	rep.Elapsed = time.Since(start)
	return rep, err
}

// sqlTxOf is the database/sql transaction under a GORM transaction's
// connection.
func sqlTxOf(pool gorm.ConnPool) (*sql.Tx, bool) {
	tx, ok := pool.(*sql.Tx)
	return tx, ok
}

// isEmpty reports whether db holds no record but the seeded topics.
func isEmpty(ctx context.Context, db *gorm.DB, tables []table) (bool, error) {
	var held []string
	err := readSnapshot(ctx, db, func(c conn) (err error) {
		held, err = heldRecords(ctx, c, tables)
		return err
	})
	return len(held) == 0, err
}

// run merges, then checks, inside both sides' transactions.
func (m *merger) run(ctx context.Context, tables []table) ([]MergeTable, error) {
	for _, c := range []conn{m.src, m.dst} {
		if err := checkSchema(ctx, c); err != nil {
			return nil, err
		}
	}
	var out []MergeTable
	for _, t := range tables {
		if t.derived {
			continue
		}
		m.rep = MergeTable{Table: t.name, KeyName: rules[t.name].keyName}
		if err := m.table(ctx, t); err != nil {
			return nil, fmt.Errorf("merge %s: %w", t.name, err)
		}
		if t.name == "notes" {
			if err := m.insertTexts(ctx, tables); err != nil {
				return nil, fmt.Errorf("merge notes: %w", err)
			}
		}
		out = append(out, m.rep)
	}
	for i := range out {
		out[i].Added += m.extra[out[i].Table]
	}
	if err := m.number(); err != nil {
		return nil, fmt.Errorf("number the new sessions: %w", err)
	}
	return out, m.check(ctx, tables)
}
