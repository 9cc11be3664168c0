-- Migration 2026-12-05-roster. Never edit: later changes are new migrations.
--
-- The profile fields matching reads (issue 12): organization, the role a
-- person wants (mentor, mentee, both, or '' when unknown), languages and
-- capacity (mentees a mentor takes; 0 unknown). Then the roster import's
-- own tables: presets (a named column mapping, as JSON) and imports (one
-- row per applied import: who was created, the previous values of who was
-- updated, the memberships added, as JSON; undone_at once undone).
-- roster_postgres.sql is the same on PostgreSQL.
ALTER TABLE people ADD COLUMN organization TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN role_wanted TEXT NOT NULL DEFAULT '' CHECK (role_wanted IN ('','mentor','mentee','both'));
ALTER TABLE people ADD COLUMN languages TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN capacity INTEGER NOT NULL DEFAULT 0;

CREATE TABLE roster_presets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  name TEXT NOT NULL,
  mapping TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_roster_presets_name ON roster_presets (lower(name));

CREATE TABLE roster_imports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at DATETIME NOT NULL,
  file TEXT NOT NULL DEFAULT '',
  record TEXT NOT NULL,
  undone_at DATETIME
);
