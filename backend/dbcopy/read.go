package dbcopy

import (
	"context"
	"slices"
	"strconv"
	"strings"
)

// scan reads t's rows (a derived table's live ones) in key order, batch
// rows at a time, never more, and hands each batch, normalised, to each,
// which may change the rows.
func scan(ctx context.Context, c conn, t table, batch int, each func(rows [][]any) error) error {
	keyAt := make([]int, len(t.key))
	for i, k := range t.key {
		keyAt[i] = slices.IndexFunc(t.cols, func(col column) bool { return col.name == k })
	}
	var after []any
	for {
		rows := make([][]any, 0, batch)
		err := c.query(ctx, batchSQL(t, after != nil, batch), after, func(vals []any) error {
			r := slices.Clone(vals)
			rows = append(rows, r)
			return normaliseRow(t, r)
		})
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		last := rows[len(rows)-1]
		next := make([]any, len(keyAt)) // before each, which may rewrite the rows (a merge does)
		for i, at := range keyAt {
			next[i] = last[at]
		}
		if err := each(rows); err != nil {
			return err
		}
		if len(rows) < batch {
			return nil
		}
		after = next
	}
}

// batchSQL reads the next batch of t's rows in key order, after the key
// given as parameters when more is set.
func batchSQL(t table, more bool, batch int) string {
	var where []string
	if t.live != "" {
		where = append(where, "("+t.live+")")
	}
	if more {
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(t.key)), ", ")
		where = append(where, "("+strings.Join(t.key, ", ")+") > ("+marks+")")
	}
	q := "SELECT " + strings.Join(t.names(), ", ") + " FROM " + t.name
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	return q + " ORDER BY " + strings.Join(t.key, ", ") + " LIMIT " + strconv.Itoa(batch)
}

// count is how many rows (a derived table's live ones) t holds.
func count(ctx context.Context, c conn, t table) (int64, error) {
	q := "SELECT COUNT(*) FROM " + t.name
	if t.live != "" {
		q += " WHERE " + t.live
	}
	return countQuery(ctx, c, q)
}
