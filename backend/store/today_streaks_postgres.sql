-- Migration 2026-12-04-today-streaks on PostgreSQL: today_streaks.sql's
-- table, index and rows, its triggers in PL/pgSQL (see
-- postgres_schema_triggers.sql for what differs and the order of a
-- session's delete). Text columns get COLLATE "C" (binaryText).
CREATE TABLE today_streaks (
  circle_id bigint NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  last_attended TEXT NOT NULL DEFAULT '',
  last_absent TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (circle_id, person_id)
);
CREATE INDEX idx_today_streaks_person ON today_streaks (person_id);
CREATE INDEX idx_today_streaks_absent ON today_streaks (last_absent, last_attended, circle_id, person_id)
  WHERE last_absent > last_attended;
-- Open action items by when they were made: the "open for 21 days" rule
-- reads the oldest, in order, and stops at its limit.
CREATE INDEX idx_action_items_status_created ON action_items (status, created_at);

INSERT INTO today_streaks (circle_id, person_id, last_attended, last_absent)
SELECT s.circle_id, a.person_id,
  COALESCE(MAX(CASE WHEN s.status = 'held' AND a.status IN ('present', 'late') THEN s.starts_at END), ''),
  COALESCE(MAX(CASE WHEN s.status = 'held' AND a.status = 'absent' THEN s.starts_at END), '')
FROM attendance a JOIN sessions s ON s.id = a.session_id
GROUP BY s.circle_id, a.person_id;

-- today_streaks_recount recounts circle's pair with person from its marks
-- (every pair of the circle when person is NULL).
CREATE FUNCTION today_streaks_recount(circle bigint, person bigint) RETURNS void
LANGUAGE sql AS $$
  UPDATE today_streaks t SET
    last_attended = COALESCE((SELECT MAX(s.starts_at) FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE a.person_id = t.person_id AND s.circle_id = t.circle_id AND s.status = 'held' AND a.status IN ('present', 'late')), ''),
    last_absent = COALESCE((SELECT MAX(s.starts_at) FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE a.person_id = t.person_id AND s.circle_id = t.circle_id AND s.status = 'held' AND a.status = 'absent'), '')
  WHERE t.circle_id = circle AND (person IS NULL OR t.person_id = person)
$$;

-- today_streaks_mark recounts a changed mark's old pair and its new one,
-- making the new one's row if need be.
CREATE FUNCTION today_streaks_mark() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO today_streaks (circle_id, person_id) SELECT s.circle_id, NEW.person_id FROM sessions s WHERE s.id = NEW.session_id
    ON CONFLICT (circle_id, person_id) DO NOTHING;
    PERFORM today_streaks_recount(s.circle_id, NEW.person_id) FROM sessions s WHERE s.id = NEW.session_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM today_streaks_recount(s.circle_id, OLD.person_id) FROM sessions s WHERE s.id = OLD.session_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER today_streaks_mark_insert AFTER INSERT ON attendance
FOR EACH ROW EXECUTE FUNCTION today_streaks_mark();

CREATE TRIGGER today_streaks_mark_update AFTER UPDATE OF status, session_id, person_id ON attendance
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.session_id IS DISTINCT FROM NEW.session_id
  OR OLD.person_id IS DISTINCT FROM NEW.person_id)
EXECUTE FUNCTION today_streaks_mark();

CREATE TRIGGER today_streaks_mark_delete AFTER DELETE ON attendance
FOR EACH ROW EXECUTE FUNCTION today_streaks_mark();

-- today_streaks_session recounts the pairs of a changed session's marks in
-- its old and new circle, or every pair of a deleted session's circle.
CREATE FUNCTION today_streaks_session() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM today_streaks_recount(OLD.circle_id, NULL);
    RETURN NULL;
  END IF;
  INSERT INTO today_streaks (circle_id, person_id) SELECT NEW.circle_id, a.person_id FROM attendance a WHERE a.session_id = NEW.id
  ON CONFLICT (circle_id, person_id) DO NOTHING;
  PERFORM today_streaks_recount(v.circle, a.person_id)
  FROM attendance a, (VALUES (OLD.circle_id), (NEW.circle_id)) AS v (circle) WHERE a.session_id = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER today_streaks_session_update AFTER UPDATE OF status, starts_at, circle_id ON sessions
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.starts_at IS DISTINCT FROM NEW.starts_at
  OR OLD.circle_id IS DISTINCT FROM NEW.circle_id)
EXECUTE FUNCTION today_streaks_session();

CREATE TRIGGER today_streaks_session_delete AFTER DELETE ON sessions
FOR EACH ROW EXECUTE FUNCTION today_streaks_session();
