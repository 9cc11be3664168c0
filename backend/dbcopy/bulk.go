package dbcopy

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// keysSQL lists the keys, unique constraints and foreign keys of tables,
// foreign keys first (they depend on the keys they reference).
const keysSQL = `SELECT c.conrelid::regclass::text, c.conname, c.contype = 'f', pg_get_constraintdef(c.oid)
FROM pg_constraint c WHERE c.contype IN ('p', 'u', 'f') AND c.conrelid::regclass::text = ANY(?)
ORDER BY c.contype = 'f' DESC, c.conrelid::regclass::text, c.conname`

// indexesSQL lists the indexes of tables that back no key or unique constraint.
const indexesSQL = `SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
WHERE i.indrelid::regclass::text = ANY(?)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
ORDER BY 1`

// dropKeys drops the indexes, keys and foreign keys of tables inside the
// copy's transaction, so rows go in without a per-row index insert or
// foreign-key check, and returns the statements that make them again, as
// the catalog defines them (same names, same definitions): keys, then
// indexes, then foreign keys, each built or checked once over all the rows.
func dropKeys(ctx context.Context, c conn, tables []string) (restore []string, err error) {
	var drops, fks []string
	err = c.query(ctx, keysSQL, []any{tables}, func(vals []any) error {
		table, name, fk, def := vals[0].(string), quote(vals[1].(string)), vals[2].(bool), vals[3].(string)
		drops = append(drops, "ALTER TABLE "+table+" DROP CONSTRAINT "+name)
		add := "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + def
		if fk {
			fks = append(fks, add)
		} else {
			restore = append(restore, add)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var indexDrops []string
	err = c.query(ctx, indexesSQL, []any{tables}, func(vals []any) error {
		indexDrops = append(indexDrops, "DROP INDEX "+vals[0].(string))
		restore = append(restore, vals[1].(string))
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, stmt := range append(drops, indexDrops...) {
		if err := c.exec(ctx, stmt); err != nil {
			return nil, fmt.Errorf("prepare the target for loading: %w", err)
		}
	}
	return append(restore, fks...), nil
}

// restoreKeys makes the indexes and keys dropKeys dropped again.
func restoreKeys(ctx context.Context, c conn, restore []string) error {
	for _, stmt := range restore {
		if err := c.exec(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}

func quote(name string) string { return pgx.Identifier{name}.Sanitize() }
