package store

import (
	_ "embed"

	"gorm.io/gorm"
)

// Migration 2026-12-04-today-streaks: each circle and person's latest held
// session attended and missed, kept by triggers, for the Today screen's
// "no attendance in 42 days" rule. The triggers differ by engine.
//
//go:embed today_streaks.sql
var todayStreaksSQL string

//go:embed today_streaks_postgres.sql
var todayStreaksPostgresSQL string

// todayStreaksPostgres runs the PostgreSQL file with its text columns
// comparing byte by byte, as SQLite's do.
func todayStreaksPostgres(tx *gorm.DB) error {
	return tx.Exec(binaryText(todayStreaksPostgresSQL)).Error
}
