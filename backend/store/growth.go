package store

import (
	_ "embed"
)

// Migration 2026-12-02-growth: goals, check-ins, milestones, frameworks,
// skill ratings and session feedback, one file of SQL for each engine.
var (
	//go:embed growth.sql
	growthSQL string
	//go:embed growth_postgres.sql
	growthPostgresSQL string
)
