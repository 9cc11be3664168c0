-- Migration 2026-12-04-today-streaks. Never edit: later changes are new migrations.
--
-- today_streaks keeps, for each circle and person with a mark there, the
-- start of the latest held session they came to (present or late) and of
-- the latest one they were absent from ('' for none). Today's "no
-- attendance in 42 days" rule reads the few rows whose latest absence is
-- recent and later than their latest attendance, from the partial index,
-- instead of every absence in the window (issue 11: Today.Get at 1,000
-- circles). Triggers recount a pair from its marks (index seeks by person)
-- whenever a mark, or a session's status, start or circle, changes; a
-- recount reads only sessions that still exist, so a deleted session's
-- marks stop counting however its cascade is ordered. Also an index for
-- the Today rule on action items open too long.
CREATE TABLE today_streaks (
  circle_id INTEGER NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
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

-- Each trigger recounts the pairs it touched with the same SET.
-- A new mark makes its pair's row if need be.
CREATE TRIGGER today_streaks_mark_insert AFTER INSERT ON attendance BEGIN
  INSERT INTO today_streaks (circle_id, person_id) SELECT circle_id, new.person_id FROM sessions WHERE id = new.session_id
  ON CONFLICT (circle_id, person_id) DO NOTHING;
  UPDATE today_streaks SET
    last_attended = COALESCE((SELECT MAX(s.starts_at) FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE a.person_id = today_streaks.person_id AND s.circle_id = today_streaks.circle_id AND s.status = 'held' AND a.status IN ('present', 'late')), ''),
    last_absent = COALESCE((SELECT MAX(s.starts_at) FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE a.person_id = today_streaks.person_id AND s.circle_id = today_streaks.circle_id AND s.status = 'held' AND a.status = 'absent'), '')
  WHERE today_streaks.person_id = new.person_id AND today_streaks.circle_id = (SELECT circle_id FROM sessions WHERE id = new.session_id);
END;

-- A re-marked mark, or one moved to another session or person, recounts
-- its old pair and its new one.
CREATE TRIGGER today_streaks_mark_update AFTER UPDATE OF status, session_id, person_id ON attendance
WHEN old.status IS NOT new.status OR old.session_id IS NOT new.session_id OR old.person_id IS NOT new.person_id BEGIN
  INSERT INTO today_streaks (circle_id, person_id) SELECT circle_id, new.person_id FROM sessions WHERE id = new.session_id
  ON CONFLICT (circle_id, person_id) DO NOTHING;
  UPDATE today_streaks SET
    last_attended = COALESCE((SELECT MAX(s.starts_at) FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE a.person_id = today_streaks.person_id AND s.circle_id = today_streaks.circle_id AND s.status = 'held' AND a.status IN ('present', 'late')), ''),
    last_absent = COALESCE((SELECT MAX(s.starts_at) FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE a.person_id = today_streaks.person_id AND s.circle_id = today_streaks.circle_id AND s.status = 'held' AND a.status = 'absent'), '')
  WHERE (today_streaks.person_id = new.person_id AND today_streaks.circle_id = (SELECT circle_id FROM sessions WHERE id = new.session_id))
    OR (today_streaks.person_id = old.person_id AND today_streaks.circle_id = (SELECT circle_id FROM sessions WHERE id = old.session_id));
END;

-- A cleared mark recounts its pair. In a cascade from its session's delete
-- the session is already gone and this finds no row: the session's own
-- trigger recounts.
CREATE TRIGGER today_streaks_mark_delete AFTER DELETE ON attendance BEGIN
  UPDATE today_streaks SET
    last_attended = COALESCE((SELECT MAX(s.starts_at) FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE a.person_id = today_streaks.person_id AND s.circle_id = today_streaks.circle_id AND s.status = 'held' AND a.status IN ('present', 'late')), ''),
    last_absent = COALESCE((SELECT MAX(s.starts_at) FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE a.person_id = today_streaks.person_id AND s.circle_id = today_streaks.circle_id AND s.status = 'held' AND a.status = 'absent'), '')
  WHERE today_streaks.person_id = old.person_id AND today_streaks.circle_id = (SELECT circle_id FROM sessions WHERE id = old.session_id);
END;

-- A session held or no longer held, moved in time or to another circle,
-- recounts the pairs of its marks in its old and new circle.
CREATE TRIGGER today_streaks_session_update AFTER UPDATE OF status, starts_at, circle_id ON sessions
WHEN old.status IS NOT new.status OR old.starts_at IS NOT new.starts_at OR old.circle_id IS NOT new.circle_id BEGIN
  INSERT INTO today_streaks (circle_id, person_id) SELECT new.circle_id, person_id FROM attendance WHERE session_id = new.id
  ON CONFLICT (circle_id, person_id) DO NOTHING;
  UPDATE today_streaks SET
    last_attended = COALESCE((SELECT MAX(s.starts_at) FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE a.person_id = today_streaks.person_id AND s.circle_id = today_streaks.circle_id AND s.status = 'held' AND a.status IN ('present', 'late')), ''),
    last_absent = COALESCE((SELECT MAX(s.starts_at) FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE a.person_id = today_streaks.person_id AND s.circle_id = today_streaks.circle_id AND s.status = 'held' AND a.status = 'absent'), '')
  WHERE today_streaks.circle_id IN (old.circle_id, new.circle_id) AND today_streaks.person_id IN (SELECT person_id FROM attendance WHERE session_id = new.id);
END;

-- A deleted session recounts its circle's pairs once it is gone (its marks
-- may be gone too, so every pair of the circle).
CREATE TRIGGER today_streaks_session_delete AFTER DELETE ON sessions BEGIN
  UPDATE today_streaks SET
    last_attended = COALESCE((SELECT MAX(s.starts_at) FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE a.person_id = today_streaks.person_id AND s.circle_id = today_streaks.circle_id AND s.status = 'held' AND a.status IN ('present', 'late')), ''),
    last_absent = COALESCE((SELECT MAX(s.starts_at) FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE a.person_id = today_streaks.person_id AND s.circle_id = today_streaks.circle_id AND s.status = 'held' AND a.status = 'absent'), '')
  WHERE today_streaks.circle_id = old.circle_id;
END;
