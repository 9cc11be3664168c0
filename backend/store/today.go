package store

import (
	_ "embed"
	"regexp"

	"gorm.io/gorm"
)

// Migration 2026-12-04-today: the Today screen's snoozes, dismissals and
// thresholds, and the indexes its reads across all circles use. One file
// serves both engines: its types and statements mean the same on each.
//
//go:embed today.sql
var todaySQL string

// todayPostgres is the same file with its text columns comparing byte by
// byte, as every PostgreSQL text column does here (SQLite's BINARY).
func todayPostgres(tx *gorm.DB) error { return tx.Exec(binaryText(todaySQL)).Error }

// textColumn is a column declared TEXT in a file both engines run.
var textColumn = regexp.MustCompile(`(?m)^(\s+\w+ )TEXT\b`)

// binaryText gives each TEXT column of sql PostgreSQL's COLLATE "C", so
// that it sorts and compares as SQLite's columns do.
func binaryText(sql string) string {
	return textColumn.ReplaceAllString(sql, `${1}TEXT COLLATE "C"`)
}
