-- Migration 2026-11-25-live-notes. Never edit: later changes are new migrations.
-- Live session mode: when a session started and ended, its shared and private
-- notes with their revisions, notes pinned to people, action items, topics.
ALTER TABLE sessions ADD COLUMN started_at TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN ended_at TEXT NOT NULL DEFAULT '';

CREATE TABLE notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  visibility TEXT NOT NULL CHECK (visibility IN ('shared','private')),
  body TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX idx_notes_session_visibility ON notes (session_id, visibility);

CREATE TABLE note_revisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('typing','session-end','before-restore','restore'))
);
CREATE INDEX idx_note_revisions_note ON note_revisions (note_id, id);

CREATE TABLE pins (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  circle_id INTEGER REFERENCES circles(id) ON DELETE CASCADE,
  session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  visibility TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('shared','private'))
);
CREATE INDEX idx_pins_person ON pins (person_id);

CREATE TABLE action_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  circle_id INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
  owner_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
  text TEXT NOT NULL,
  due_on TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),
  done_at TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','notes')),
  note_id INTEGER REFERENCES notes(id) ON DELETE SET NULL,
  line_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_action_items_circle ON action_items (circle_id, status);
CREATE INDEX idx_action_items_owner ON action_items (owner_id, status);
CREATE INDEX idx_action_items_note ON action_items (note_id);

CREATE TABLE topics (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  name TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_topics_name ON topics (name COLLATE NOCASE);

CREATE TABLE session_topics (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
  PRIMARY KEY (session_id, topic_id)
);
CREATE INDEX idx_session_topics_topic ON session_topics (topic_id);

-- The starting list of topics; the leader can rename, delete and add.
INSERT INTO topics (uuid, created_at, updated_at, name) VALUES
  ('6b0f3f52-41a4-5b8e-9d1c-0a7e2c4b9f01', datetime('now'), datetime('now'), 'Product design'),
  ('6b0f3f52-41a4-5b8e-9d1c-0a7e2c4b9f02', datetime('now'), datetime('now'), 'Project management'),
  ('6b0f3f52-41a4-5b8e-9d1c-0a7e2c4b9f03', datetime('now'), datetime('now'), 'Prioritization'),
  ('6b0f3f52-41a4-5b8e-9d1c-0a7e2c4b9f04', datetime('now'), datetime('now'), 'Data-driven decisions'),
  ('6b0f3f52-41a4-5b8e-9d1c-0a7e2c4b9f05', datetime('now'), datetime('now'), 'Career growth'),
  ('6b0f3f52-41a4-5b8e-9d1c-0a7e2c4b9f06', datetime('now'), datetime('now'), 'Feedback'),
  ('6b0f3f52-41a4-5b8e-9d1c-0a7e2c4b9f07', datetime('now'), datetime('now'), 'Leadership principles');
