package search

import "gorm.io/gorm"

// indexOnly runs fn with PostgreSQL's planner kept to the search index:
// sequential and plain index scans off for fn's statements, so a search
// reads its matches from the GIN index (a bitmap scan) and sorts them.
// Left to itself, the planner, which cannot know how many rows a tsquery
// matches without statistics, and with them (autovacuum gathers some)
// prices each of a common word's matches from the index as dearly as a
// row of the table read whole, may walk the list in order testing each
// row, or read the table whole: either evaluates search_vector, tens of
// microseconds, on every row it passes: seconds for matches that sort
// last, or for a word most of 159,000 people have. The settings are
// the transaction's (fn runs in one, db's or a new one) and are set back
// as they were once fn is done. An empty q (every row) needs no index: fn
// just runs.
func indexOnly(db *gorm.DB, q Query, fn func(tx *gorm.DB) error) error {
	if q.Empty() {
		return fn(db)
	}
	if _, inTx := db.Statement.ConnPool.(gorm.TxCommitter); !inTx {
		return db.Transaction(func(tx *gorm.DB) error { return indexOnly(tx, q, fn) })
	}
	var was struct{ Seq, Index, IndexOnly string }
	err := db.Raw(`SELECT current_setting('enable_seqscan') AS seq, current_setting('enable_indexscan') AS index,
		current_setting('enable_indexonlyscan') AS index_only`).Scan(&was).Error
	if err == nil {
		err = set(db, "off", "off", "off")
	}
	if err == nil {
		err = fn(db)
	}
	if err == nil {
		err = set(db, was.Seq, was.Index, was.IndexOnly)
	}
	return err
}

// set sets the three scans on or off for the rest of db's transaction.
func set(db *gorm.DB, seq, index, indexOnly string) error {
	return db.Exec(`SELECT set_config('enable_seqscan', ?, true), set_config('enable_indexscan', ?, true),
		set_config('enable_indexonlyscan', ?, true)`, seq, index, indexOnly).Error
}
