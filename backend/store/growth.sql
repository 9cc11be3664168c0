-- Migration 2026-12-02-growth. Never edit: later changes are new migrations.
--
-- Goals and their tasks and check-ins, milestones, frameworks (named lists
-- of topics or skills, reused across circles), skill ratings before and
-- after, and feedback after a session (issue 10). growth_postgres.sql is
-- the same on PostgreSQL.
--
-- Indexes are what the screens look rows up by: a person's goals, a
-- circle's goals, a goal's tasks and check-ins, a session's check-ins and
-- feedback, a person's milestones and ratings, a circle's ratings; and
-- every foreign key a parent's delete has to follow. A session's feedback is
-- one per attendee (NULLs differ in a unique index: the group's rows are
-- kept one by the partial index) and one for the group.
CREATE TABLE goals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  circle_id INTEGER REFERENCES circles(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  why TEXT NOT NULL DEFAULT '',
  success_criteria TEXT NOT NULL DEFAULT '',
  target_date TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft','active','at_risk','achieved','dropped')),
  progress_mode TEXT NOT NULL DEFAULT 'tasks' CHECK (progress_mode IN ('tasks','manual')),
  progress INTEGER NOT NULL DEFAULT 0,
  visibility TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('shared','private'))
);
CREATE INDEX idx_goals_person ON goals (person_id, status);
CREATE INDEX idx_goals_circle ON goals (circle_id, status);

CREATE TABLE goal_tasks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  done BOOLEAN NOT NULL DEFAULT 0,
  done_on TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_goal_tasks_goal ON goal_tasks (goal_id, position);

CREATE TABLE goal_checkins (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
  progress INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('draft','active','at_risk','achieved','dropped')),
  note TEXT NOT NULL DEFAULT '',
  checked_on TEXT NOT NULL
);
CREATE INDEX idx_goal_checkins_goal ON goal_checkins (goal_id, checked_on);
CREATE INDEX idx_goal_checkins_session ON goal_checkins (session_id);

CREATE TABLE milestones (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('promotion','new_role','certification','praise','feedback','other')),
  happened_on TEXT NOT NULL,
  text TEXT NOT NULL,
  visibility TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('shared','private'))
);
CREATE INDEX idx_milestones_person ON milestones (person_id, happened_on);

CREATE TABLE frameworks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX idx_frameworks_name ON frameworks (lower(name));

CREATE TABLE framework_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_framework_items_name ON framework_items (framework_id, lower(name));
CREATE INDEX idx_framework_items_position ON framework_items (framework_id, position);

CREATE TABLE circle_frameworks (
  circle_id INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
  PRIMARY KEY (circle_id, framework_id)
);
CREATE INDEX idx_circle_frameworks_framework ON circle_frameworks (framework_id);

CREATE TABLE skill_ratings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  circle_id INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  framework_item_id INTEGER NOT NULL REFERENCES framework_items(id) ON DELETE CASCADE,
  rating INTEGER NOT NULL,
  phase TEXT NOT NULL CHECK (phase IN ('before','after')),
  rated_on TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_skill_ratings_key ON skill_ratings (circle_id, person_id, framework_item_id, phase);
CREATE INDEX idx_skill_ratings_person ON skill_ratings (person_id);
CREATE INDEX idx_skill_ratings_item ON skill_ratings (framework_item_id);

CREATE TABLE session_feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
  usefulness INTEGER NOT NULL,
  worked TEXT NOT NULL DEFAULT '',
  change TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX idx_session_feedback_person ON session_feedback (session_id, person_id);
CREATE UNIQUE INDEX idx_session_feedback_group ON session_feedback (session_id) WHERE person_id IS NULL;
CREATE INDEX idx_session_feedback_by ON session_feedback (person_id);
