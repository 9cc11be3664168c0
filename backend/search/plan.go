package search

import "gorm.io/gorm"

// scans are the planner's four ways to read a table, each "on" or "off",
// as a search sets them for its statements.
type scans struct{ Seq, Index, IndexOnly, Bitmap string }

// Two ways to read a search's rows. ginScans keeps the planner to the
// search index: sequential and plain index scans off, so a search reads
// its matches from the GIN index (a bitmap scan) and sorts them. Left to
// itself, the planner, which cannot know how many rows a tsquery matches
// without statistics, and with them (autovacuum gathers some) prices each
// of a common word's matches from the index as dearly as a row of the
// table read whole, may read the table whole. walkScans keeps a walk of
// the list (Tsvector.walk) to the list's name index, read in order: no
// table read whole and sorted, no bitmap of the rows, which would read
// them all before the walk's bound applies.
var (
	ginScans  = scans{Seq: "off", Index: "off", IndexOnly: "off", Bitmap: "on"}
	walkScans = scans{Seq: "off", Index: "on", IndexOnly: "on", Bitmap: "off"}
)

// within runs fn with the planner's scans set to s for fn's statements.
// The settings are the transaction's (fn runs in one, db's or a new one)
// and are set back as they were once fn is done: one statement reads
// them and sets s, one sets them back. An empty q (every row) needs no
// index: fn just runs.
func within(db *gorm.DB, q Query, s scans, fn func(tx *gorm.DB) error) error {
	if q.Empty() {
		return fn(db)
	}
	if _, inTx := db.Statement.ConnPool.(gorm.TxCommitter); !inTx {
		return db.Transaction(func(tx *gorm.DB) error { return within(tx, q, s, fn) })
	}
	var was scans
	err := db.Raw(`SELECT current_setting('enable_seqscan') AS seq, current_setting('enable_indexscan') AS index,
		current_setting('enable_indexonlyscan') AS index_only, current_setting('enable_bitmapscan') AS bitmap,
		set_config('enable_seqscan', ?, true), set_config('enable_indexscan', ?, true),
		set_config('enable_indexonlyscan', ?, true), set_config('enable_bitmapscan', ?, true)`,
		s.Seq, s.Index, s.IndexOnly, s.Bitmap).Scan(&was).Error
	if err == nil {
		err = fn(db)
	}
	if err == nil {
		err = db.Exec(`SELECT set_config('enable_seqscan', ?, true), set_config('enable_indexscan', ?, true),
			set_config('enable_indexonlyscan', ?, true), set_config('enable_bitmapscan', ?, true)`,
			was.Seq, was.Index, was.IndexOnly, was.Bitmap).Error
	}
	return err
}
