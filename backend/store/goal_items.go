package store

import (
	_ "embed"
)

// Migration 2026-12-03-goal-items: the framework items (skills, topics) a
// goal is linked to, one file of SQL for each engine.
var (
	//go:embed goal_items.sql
	goalItemsSQL string
	//go:embed goal_items_postgres.sql
	goalItemsPostgresSQL string
)
