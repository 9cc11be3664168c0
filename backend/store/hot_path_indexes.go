package store

import (
	_ "embed"

	"gorm.io/gorm"
)

//go:embed hot_path_indexes.sql
var hotPathIndexesSQL string

// hotPathIndexes is migration 2026-12-02-hot-path-indexes (see its SQL).
func hotPathIndexes(tx *gorm.DB) error { return tx.Exec(hotPathIndexesSQL).Error }
