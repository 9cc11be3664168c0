-- Migration 2026-12-03-goal-items. Never edit: later changes are new migrations.
--
-- A goal's linked skills and topics (issue 10, item 1): which framework
-- items a goal works on. goal_items_postgres.sql is the same on PostgreSQL.
-- A goal's delete takes its links (a restore writes them again); an item's
-- delete takes its links too. The primary key finds a goal's links; the
-- index, an item's (what an item's delete has to follow).
CREATE TABLE goal_items (
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  framework_item_id INTEGER NOT NULL REFERENCES framework_items(id) ON DELETE CASCADE,
  PRIMARY KEY (goal_id, framework_item_id)
);
CREATE INDEX idx_goal_items_item ON goal_items (framework_item_id);
