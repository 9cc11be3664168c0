-- Migration 2026-12-06-today-at-scale. Never edit: later changes are new migrations.
--
-- today_circles keeps, for each circle, whether it still meets (not
-- archived, completed or paused) and the start of its latest held and
-- latest planned session ('' for none). Today's "no session held in 21
-- days" and "nothing planned" rules read the few meeting circles at the
-- old end of its partial indexes, in order, and stop at their limit,
-- instead of looking up every circle's sessions (issue 11: Today at
-- program scale, 16,000 circles). Triggers recount a circle from its
-- sessions (index seeks by circle, status and start) whenever a session
-- is made, deleted, or changes status, start or circle, and when the
-- circle's status changes. And an index of today_streaks by latest miss,
-- which the drifting rule (2 of the last 3 held sessions missed) walks
-- newest first, stopping at its limit.
CREATE TABLE today_circles (
  circle_id INTEGER PRIMARY KEY REFERENCES circles(id) ON DELETE CASCADE,
  meets INTEGER NOT NULL DEFAULT 1,
  last_held TEXT NOT NULL DEFAULT '',
  last_planned TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_today_circles_held ON today_circles (last_held, circle_id) WHERE meets = 1;
CREATE INDEX idx_today_circles_planned ON today_circles (last_planned, circle_id) WHERE meets = 1;
-- The drifting rule walks each circle and person's latest miss, newest first.
CREATE INDEX idx_today_streaks_last_absent ON today_streaks (last_absent, person_id, circle_id);

INSERT INTO today_circles (circle_id, meets, last_held, last_planned)
SELECT c.id, c.status NOT IN ('archived', 'completed', 'paused'),
  COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = c.id AND s.status = 'held'), ''),
  COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = c.id AND s.status = 'planned'), '')
FROM circles c;

-- A new circle has its row, with no sessions yet.
CREATE TRIGGER today_circles_circle_insert AFTER INSERT ON circles BEGIN
  INSERT INTO today_circles (circle_id, meets) VALUES (new.id, new.status NOT IN ('archived', 'completed', 'paused'));
END;

-- A circle's status decides whether it still meets.
CREATE TRIGGER today_circles_circle_status AFTER UPDATE OF status ON circles WHEN old.status IS NOT new.status BEGIN
  UPDATE today_circles SET meets = new.status NOT IN ('archived', 'completed', 'paused') WHERE circle_id = new.id;
END;

-- Each session trigger recounts the circles it touched with the same SET.
CREATE TRIGGER today_circles_session_insert AFTER INSERT ON sessions BEGIN
  UPDATE today_circles SET
    last_held = COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = today_circles.circle_id AND s.status = 'held'), ''),
    last_planned = COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = today_circles.circle_id AND s.status = 'planned'), '')
  WHERE circle_id = new.circle_id;
END;

CREATE TRIGGER today_circles_session_update AFTER UPDATE OF status, starts_at, circle_id ON sessions
WHEN old.status IS NOT new.status OR old.starts_at IS NOT new.starts_at OR old.circle_id IS NOT new.circle_id BEGIN
  UPDATE today_circles SET
    last_held = COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = today_circles.circle_id AND s.status = 'held'), ''),
    last_planned = COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = today_circles.circle_id AND s.status = 'planned'), '')
  WHERE circle_id IN (old.circle_id, new.circle_id);
END;

-- In a cascade from its circle's delete the row is gone already: no-op.
CREATE TRIGGER today_circles_session_delete AFTER DELETE ON sessions BEGIN
  UPDATE today_circles SET
    last_held = COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = today_circles.circle_id AND s.status = 'held'), ''),
    last_planned = COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = today_circles.circle_id AND s.status = 'planned'), '')
  WHERE circle_id = old.circle_id;
END;
