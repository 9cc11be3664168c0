package dbcopy

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"circlebook/backend/store"

	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"
)

// readSnapshot runs fn in one reading transaction on db, so the copy sees
// the source as it was at one moment: on PostgreSQL a read-only repeatable
// read; on SQLite the store's transaction, which holds the file's write
// lock, so no write comes in between.
func readSnapshot(ctx context.Context, db *gorm.DB, fn func(conn) error) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	d := store.DialectOf(db)
	var opts *sql.TxOptions
	if d == store.Postgres {
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	tx, err := sqlDB.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("read the source: %w", err)
	}
	defer tx.Rollback() // it only read
	return fn(sqlConn{tx: tx, d: d})
}

// writeAll runs fn in one transaction on db and commits it only when fn
// succeeds: a copy that fails leaves the target as it was.
func writeAll(ctx context.Context, db *gorm.DB, fn func(conn) error) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	if store.DialectOf(db) == store.Postgres {
		return writePostgres(ctx, sqlDB, fn)
	}
	restore, err := tuneForLoad(ctx, sqlDB)
	if err != nil {
		return err
	}
	defer restore()
	tx, err := sqlDB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("write the target: %w", err)
	}
	if err := fn(sqlConn{tx: tx, d: store.SQLite}); err != nil {
		return errors.Join(err, rollback(tx.Rollback()))
	}
	return tx.Commit()
}

// loadPragmas are what the store's one SQLite connection loads with, and
// what it gets back after. The whole load is one transaction: with
// SQLite's default 2 MB page cache its pages (the random UUID keys' index
// pages above all) would be written to the WAL and read back again and
// again, and each statement's undo journal would go to a temporary file.
var loadPragmas = []string{"cache_size = -262144", "temp_store = MEMORY"}

// tuneForLoad sets loadPragmas and returns what sets them back.
func tuneForLoad(ctx context.Context, sqlDB *sql.DB) (func(), error) {
	var cache, temp int64
	if err := sqlDB.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
		return nil, err
	}
	if err := sqlDB.QueryRowContext(ctx, "PRAGMA temp_store").Scan(&temp); err != nil {
		return nil, err
	}
	restore := func() {
		ctx := context.WithoutCancel(ctx)
		sqlDB.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", cache))
		sqlDB.ExecContext(ctx, fmt.Sprintf("PRAGMA temp_store = %d", temp))
	}
	for _, p := range loadPragmas {
		if _, err := sqlDB.ExecContext(ctx, "PRAGMA "+p); err != nil {
			restore()
			return nil, err
		}
	}
	return restore, nil
}

// writePostgres runs fn in a transaction on one of the pool's connections,
// through pgx itself (COPY FROM has no database/sql form).
func writePostgres(ctx context.Context, sqlDB *sql.DB, fn func(conn) error) error {
	c, err := sqlDB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("write the target: %w", err)
	}
	defer c.Close()
	return c.Raw(func(driverConn any) error {
		sc, ok := driverConn.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("write the target: unexpected driver connection %T", driverConn)
		}
		tx, err := sc.Conn().Begin(ctx)
		if err != nil {
			return fmt.Errorf("write the target: %w", err)
		}
		if err := fn(pgxConn{tx: tx}); err != nil {
			return errors.Join(err, rollback(tx.Rollback(context.WithoutCancel(ctx))))
		}
		return tx.Commit(ctx)
	})
}

// rollback reports a rollback that failed (the transaction is gone either way).
func rollback(err error) error {
	if err == nil || errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return fmt.Errorf("roll back: %w", err)
}
