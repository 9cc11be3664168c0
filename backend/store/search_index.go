package store

import (
	_ "embed"

	"gorm.io/gorm"
)

//go:embed search_index.sql
var searchIndexSQL string

//go:embed list_counts.sql
var listCountsSQL string

// searchIndex builds the FTS5 tables backend/search reads, for the rows already there.
func searchIndex(tx *gorm.DB) error { return tx.Exec(searchIndexSQL).Error }

// listCounts adds the counts the long lists and the topics list keep.
func listCounts(tx *gorm.DB) error { return tx.Exec(listCountsSQL).Error }
