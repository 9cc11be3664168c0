package dbcopy

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"circlebook/backend/store"

	"github.com/jackc/pgx/v5"
)

// conn is one side's transaction: the source's reading snapshot or the
// target's writing transaction. SQL is written with ? placeholders.
type conn interface {
	dialect() store.Dialect
	query(ctx context.Context, q string, args []any, each func(vals []any) error) error
	exec(ctx context.Context, q string, args ...any) error
	insert(ctx context.Context, t table, rows [][]any) error
}

// sqlConn is a database/sql transaction: either side on SQLite, the source
// on PostgreSQL, and the target of a merge there.
type sqlConn struct {
	tx *sql.Tx
	d  store.Dialect
}

func (c sqlConn) dialect() store.Dialect { return c.d }

func (c sqlConn) query(ctx context.Context, q string, args []any, each func([]any) error) error {
	rows, err := c.tx.QueryContext(ctx, placeholders(c.d, q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if err := each(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (c sqlConn) exec(ctx context.Context, q string, args ...any) error {
	_, err := c.tx.ExecContext(ctx, placeholders(c.d, q), args...)
	return err
}

// sqliteParams bounds a multi-row INSERT's parameters: the driver binds
// each parameter in time that grows with their number, so a few hundred
// per statement is fastest (and far below SQLite's limit of 32766).
const sqliteParams = 512

// insert writes rows with one prepared multi-row INSERT, run once for each
// full chunk of rows, and one more for the rest.
func (c sqlConn) insert(ctx context.Context, t table, rows [][]any) error {
	per := max(1, sqliteParams/len(t.cols))
	args := make([]any, 0, per*len(t.cols))
	chunk := func(rows [][]any) []any {
		args = args[:0]
		for _, r := range rows {
			args = append(args, r...)
		}
		return args
	}
	if len(rows) >= per {
		stmt, err := c.tx.PrepareContext(ctx, placeholders(c.d, insertSQL(t, per)))
		if err != nil {
			return err
		}
		defer stmt.Close()
		for ; len(rows) >= per; rows = rows[per:] {
			if _, err := stmt.ExecContext(ctx, chunk(rows[:per])...); err != nil {
				return err
			}
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return c.exec(ctx, insertSQL(t, len(rows)), chunk(rows)...)
}

// insertSQL is INSERT INTO t (cols) VALUES (?, ...), n rows of them.
func insertSQL(t table, n int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(t.cols)), ", ") + ")"
	return "INSERT INTO " + t.name + " (" + strings.Join(t.names(), ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// pgxConn is the target's transaction on PostgreSQL, on pgx itself, so
// rows go in through COPY FROM.
type pgxConn struct{ tx pgx.Tx }

func (pgxConn) dialect() store.Dialect { return store.Postgres }

func (c pgxConn) query(ctx context.Context, q string, args []any, each func([]any) error) error {
	rows, err := c.tx.Query(ctx, placeholders(store.Postgres, q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return err
		}
		if err := each(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (c pgxConn) exec(ctx context.Context, q string, args ...any) error {
	_, err := c.tx.Exec(ctx, placeholders(store.Postgres, q), args...)
	return err
}

// insert writes rows with COPY FROM.
func (c pgxConn) insert(ctx context.Context, t table, rows [][]any) error {
	_, err := c.tx.CopyFrom(ctx, pgx.Identifier{t.name}, t.names(), pgx.CopyFromRows(rows))
	return err
}

// placeholders turns ? into $1, $2, ... for PostgreSQL (the copy's SQL has
// no ? of its own).
func placeholders(d store.Dialect, q string) string {
	if d != store.Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
