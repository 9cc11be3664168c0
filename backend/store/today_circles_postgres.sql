-- Migration 2026-12-06-today-at-scale on PostgreSQL: today_circles.sql's
-- table, indexes and rows, its triggers in PL/pgSQL. Text columns get
-- COLLATE "C" (binaryText).
CREATE TABLE today_circles (
  circle_id bigint PRIMARY KEY REFERENCES circles(id) ON DELETE CASCADE,
  meets integer NOT NULL DEFAULT 1,
  last_held TEXT NOT NULL DEFAULT '',
  last_planned TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_today_circles_held ON today_circles (last_held, circle_id) WHERE meets = 1;
CREATE INDEX idx_today_circles_planned ON today_circles (last_planned, circle_id) WHERE meets = 1;
-- The drifting rule walks each circle and person's latest miss, newest first.
CREATE INDEX idx_today_streaks_last_absent ON today_streaks (last_absent, person_id, circle_id);

INSERT INTO today_circles (circle_id, meets, last_held, last_planned)
SELECT c.id, CASE WHEN c.status NOT IN ('archived', 'completed', 'paused') THEN 1 ELSE 0 END,
  COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = c.id AND s.status = 'held'), ''),
  COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = c.id AND s.status = 'planned'), '')
FROM circles c;

-- today_circles_recount recounts circle's sessions.
CREATE FUNCTION today_circles_recount(circle bigint) RETURNS void
LANGUAGE sql AS $$
  UPDATE today_circles t SET
    last_held = COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = t.circle_id AND s.status = 'held'), ''),
    last_planned = COALESCE((SELECT MAX(s.starts_at) FROM sessions s WHERE s.circle_id = t.circle_id AND s.status = 'planned'), '')
  WHERE t.circle_id = circle
$$;

-- today_circles_circle makes a new circle's row, or follows its status.
CREATE FUNCTION today_circles_circle() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO today_circles (circle_id, meets)
    VALUES (NEW.id, CASE WHEN NEW.status NOT IN ('archived', 'completed', 'paused') THEN 1 ELSE 0 END);
  ELSE
    UPDATE today_circles SET meets = CASE WHEN NEW.status NOT IN ('archived', 'completed', 'paused') THEN 1 ELSE 0 END
    WHERE circle_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER today_circles_circle_insert AFTER INSERT ON circles
FOR EACH ROW EXECUTE FUNCTION today_circles_circle();

CREATE TRIGGER today_circles_circle_status AFTER UPDATE OF status ON circles
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION today_circles_circle();

-- today_circles_session recounts a changed session's old and new circle.
CREATE FUNCTION today_circles_session() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM today_circles_recount(OLD.circle_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR OLD.circle_id IS DISTINCT FROM NEW.circle_id) THEN
    PERFORM today_circles_recount(NEW.circle_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER today_circles_session_insert AFTER INSERT ON sessions
FOR EACH ROW EXECUTE FUNCTION today_circles_session();

CREATE TRIGGER today_circles_session_update AFTER UPDATE OF status, starts_at, circle_id ON sessions
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.starts_at IS DISTINCT FROM NEW.starts_at
  OR OLD.circle_id IS DISTINCT FROM NEW.circle_id)
EXECUTE FUNCTION today_circles_session();

CREATE TRIGGER today_circles_session_delete AFTER DELETE ON sessions
FOR EACH ROW EXECUTE FUNCTION today_circles_session();
