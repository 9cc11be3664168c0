-- Migration 2026-12-04-today. Never edit: later changes are new migrations.
--
-- The Today screen (issue 11, item 6). today_marks keeps what the leader did
-- to a "needs attention" item: snoozed until an instant, or dismissed while
-- its basis (what the reason rests on, e.g. the latest missed session) stays
-- the same. today_settings is the one row of thresholds; no row means the
-- defaults. Text columns get COLLATE "C" on PostgreSQL (todayPostgres). Both are this laptop's, like a pinned circle: no copy or bundle
-- carries them, and item keys name local ids.
-- The indexes serve the screen's range reads across every circle: held and
-- planned sessions by date, open action items by due date, goals by
-- status, and marks by session and status (read without the table rows).
CREATE TABLE today_marks (
  item_key TEXT NOT NULL PRIMARY KEY,
  state TEXT NOT NULL,
  until_at TEXT NOT NULL DEFAULT '',
  basis TEXT NOT NULL DEFAULT '',
  marked_at TEXT NOT NULL
);
CREATE TABLE today_settings (
  id INTEGER NOT NULL PRIMARY KEY, -- always 1: the service writes the one row
  drift_missed INTEGER NOT NULL,
  drift_window INTEGER NOT NULL,
  absent_days INTEGER NOT NULL,
  overdue_days INTEGER NOT NULL,
  open_days INTEGER NOT NULL,
  quiet_days INTEGER NOT NULL,
  goal_quiet_days INTEGER NOT NULL
);
CREATE INDEX idx_sessions_status_starts ON sessions (status, starts_at, circle_id);
CREATE INDEX idx_action_items_status_due ON action_items (status, due_on);
CREATE INDEX idx_goals_status ON goals (status);
CREATE INDEX idx_attendance_session_status ON attendance (session_id, status, person_id);
