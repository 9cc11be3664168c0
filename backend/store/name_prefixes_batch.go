package store

import _ "embed"

// Migration 2026-12-05-name-prefixes-batch counts the name keys of the
// people a statement inserts or deletes once a statement instead of once
// a row, on PostgreSQL (see the SQL file for why). SQLite keeps its row
// triggers: they cost little there.
//
//go:embed name_prefixes_batch_postgres.sql
var namePrefixesBatchPostgres string
