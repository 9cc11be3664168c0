package store

import (
	"context"

	"gorm.io/gorm"
)

// Progress is how far the pending migrations are: what is being done
// ("Backing up the data file", "Building the search index") and, for a
// long step, how many of its items are done.
type Progress struct {
	Step  string `json:"step"`
	Done  int    `json:"done"`
	Total int    `json:"total"` // 0 when the step does not count
}

// progressKey carries the migrations' progress func in their context.
type progressKey struct{}

// withProgress returns db whose statements (and transactions) carry report.
func withProgress(db *gorm.DB, report func(Progress)) *gorm.DB {
	if report == nil {
		return db
	}
	return db.WithContext(context.WithValue(db.Statement.Context, progressKey{}, report))
}

// Report tells whoever awaits the migrations that a long step is done items
// of total done. A migration body calls it between batches; it does nothing
// when nobody is waiting (the CLI, the tests).
func Report(tx *gorm.DB, step string, done, total int) {
	if ctx := tx.Statement.Context; ctx != nil {
		if report, ok := ctx.Value(progressKey{}).(func(Progress)); ok {
			report(Progress{Step: step, Done: done, Total: total})
		}
	}
}
