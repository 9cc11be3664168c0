package store

import (
	_ "embed"

	"gorm.io/gorm"
)

// Migration 2026-12-06-today-at-scale: whether each circle still meets
// and its latest held and planned session, kept by triggers, for the Today
// screen's quiet-circle rules, and today_streaks by latest miss for its
// drifting rule. The triggers differ by engine.
//
//go:embed today_circles.sql
var todayCirclesSQL string

//go:embed today_circles_postgres.sql
var todayCirclesPostgresSQL string

// todayCirclesPostgres runs the PostgreSQL file with its text columns
// comparing byte by byte, as SQLite's do.
func todayCirclesPostgres(tx *gorm.DB) error {
	return tx.Exec(binaryText(todayCirclesPostgresSQL)).Error
}
