-- Migration 2026-12-04-search-everything, both engines: what the palette
-- shows in an empty box. Recent searches (a query once, with when it was
-- last used) and recently opened items (a record once, by kind and id).
-- This laptop's history, never copied, exported or synced.
CREATE TABLE search_recent (
  query TEXT PRIMARY KEY,
  used_at TEXT NOT NULL
);
CREATE TABLE search_opened (
  kind TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  opened_at TEXT NOT NULL,
  PRIMARY KEY (kind, item_id)
);
