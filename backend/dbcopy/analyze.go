package dbcopy

import (
	"context"
	"fmt"
	"io"

	"circlebook/backend/store"

	"gorm.io/gorm"
)

// analyze gathers PostgreSQL's planner statistics once a copy or a merge
// has committed. Without them, the server plans a person's page or a
// session's as if every table held a default few rows per key and reads
// whole tables (seconds at program scale), until autovacuum gets to them;
// SQLite needs nothing here (closing the file runs PRAGMA optimize). The
// data is in place by then, so a failure only says so on progress: the
// server's autovacuum gathers them later.
func analyze(ctx context.Context, db *gorm.DB, progress io.Writer) {
	if store.DialectOf(db) != store.Postgres {
		return
	}
	if progress == nil {
		progress = io.Discard
	}
	fmt.Fprintln(progress, "gathering the planner's statistics (ANALYZE)")
	if err := db.WithContext(ctx).Exec("ANALYZE").Error; err != nil {
		fmt.Fprintf(progress, "could not gather the planner's statistics (the data is in place; autovacuum will): %v\n", err)
	}
}
