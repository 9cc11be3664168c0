-- Migration 2026-11-25-circle-tallies. Never edit: later changes are new migrations.
--
-- circle_tallies keeps each circle's attendance counts, so the circles list
-- reads one row instead of recounting every mark. A mark counts while its
-- session is held; the triggers below keep the counters equal to that recount
-- (attendance.ByCircle) on every write. A circle without a row has counted
-- nothing yet: read it as zeros.
--
-- Deleting a session cascades to its marks, and SQLite runs that in this order:
-- the session's BEFORE DELETE triggers, the session row's removal, the cascade
-- (each mark's delete triggers, which no longer find the session), then the
-- session's AFTER DELETE triggers (which no longer find the marks). So a held
-- session's marks are subtracted once, by circle_tallies_session_delete, and
-- circle_tallies_mark_delete skips them. store's tests pin this order down.
--
-- REPLACE conflict resolution deletes rows without firing delete triggers
-- (recursive_triggers is off): write marks and sessions with ON CONFLICT DO
-- UPDATE, never INSERT OR REPLACE.
CREATE TABLE circle_tallies (
  circle_id INTEGER PRIMARY KEY REFERENCES circles(id) ON DELETE CASCADE,
  present INTEGER NOT NULL DEFAULT 0,
  late INTEGER NOT NULL DEFAULT 0,
  excused INTEGER NOT NULL DEFAULT 0,
  absent INTEGER NOT NULL DEFAULT 0
);

INSERT INTO circle_tallies (circle_id, present, late, excused, absent)
SELECT s.circle_id, SUM(a.status = 'present'), SUM(a.status = 'late'), SUM(a.status = 'excused'), SUM(a.status = 'absent')
FROM attendance a JOIN sessions s ON s.id = a.session_id
WHERE s.status = 'held'
GROUP BY s.circle_id;

-- A new mark at a held session counts.
CREATE TRIGGER circle_tallies_mark_insert AFTER INSERT ON attendance BEGIN
  INSERT INTO circle_tallies (circle_id, present, late, excused, absent)
  SELECT circle_id, new.status = 'present', new.status = 'late', new.status = 'excused', new.status = 'absent'
  FROM sessions WHERE id = new.session_id AND status = 'held'
  ON CONFLICT (circle_id) DO UPDATE SET present = present + excluded.present, late = late + excluded.late,
    excused = excused + excluded.excused, absent = absent + excluded.absent;
END;

-- A re-marked mark (or one moved to another session) moves between counts.
CREATE TRIGGER circle_tallies_mark_update AFTER UPDATE OF status, session_id ON attendance
WHEN old.status IS NOT new.status OR old.session_id IS NOT new.session_id BEGIN
  UPDATE circle_tallies SET present = present - (old.status = 'present'), late = late - (old.status = 'late'),
    excused = excused - (old.status = 'excused'), absent = absent - (old.status = 'absent')
  WHERE circle_id = (SELECT circle_id FROM sessions WHERE id = old.session_id AND status = 'held');
  INSERT INTO circle_tallies (circle_id, present, late, excused, absent)
  SELECT circle_id, new.status = 'present', new.status = 'late', new.status = 'excused', new.status = 'absent'
  FROM sessions WHERE id = new.session_id AND status = 'held'
  ON CONFLICT (circle_id) DO UPDATE SET present = present + excluded.present, late = late + excluded.late,
    excused = excused + excluded.excused, absent = absent + excluded.absent;
END;

-- A cleared mark stops counting. In a cascade from its session's delete the
-- session is already gone, so this subtracts nothing (see the top).
CREATE TRIGGER circle_tallies_mark_delete AFTER DELETE ON attendance BEGIN
  UPDATE circle_tallies SET present = present - (old.status = 'present'), late = late - (old.status = 'late'),
    excused = excused - (old.status = 'excused'), absent = absent - (old.status = 'absent')
  WHERE circle_id = (SELECT circle_id FROM sessions WHERE id = old.session_id AND status = 'held');
END;

-- A session that stops being held, or a held one moved to another circle,
-- takes its marks out of its old circle's counts.
CREATE TRIGGER circle_tallies_session_unheld AFTER UPDATE OF status, circle_id ON sessions
WHEN old.status = 'held' AND (new.status IS NOT 'held' OR new.circle_id IS NOT old.circle_id) BEGIN
  UPDATE circle_tallies SET present = present - m.p, late = late - m.l, excused = excused - m.e, absent = absent - m.a
  FROM (SELECT COUNT(*) FILTER (WHERE status = 'present') AS p, COUNT(*) FILTER (WHERE status = 'late') AS l,
      COUNT(*) FILTER (WHERE status = 'excused') AS e, COUNT(*) FILTER (WHERE status = 'absent') AS a
    FROM attendance WHERE session_id = old.id) AS m
  WHERE circle_id = old.circle_id;
END;

-- A session that becomes held, or a held one moved in from another circle,
-- adds its marks to its circle's counts.
CREATE TRIGGER circle_tallies_session_held AFTER UPDATE OF status, circle_id ON sessions
WHEN new.status = 'held' AND (old.status IS NOT 'held' OR new.circle_id IS NOT old.circle_id) BEGIN
  INSERT INTO circle_tallies (circle_id, present, late, excused, absent)
  SELECT new.circle_id, COUNT(*) FILTER (WHERE status = 'present'), COUNT(*) FILTER (WHERE status = 'late'),
    COUNT(*) FILTER (WHERE status = 'excused'), COUNT(*) FILTER (WHERE status = 'absent')
  FROM attendance WHERE session_id = new.id
  ON CONFLICT (circle_id) DO UPDATE SET present = present + excluded.present, late = late + excluded.late,
    excused = excused + excluded.excused, absent = absent + excluded.absent;
END;

-- A deleted held session takes its marks out, BEFORE the cascade removes them.
CREATE TRIGGER circle_tallies_session_delete BEFORE DELETE ON sessions WHEN old.status = 'held' BEGIN
  UPDATE circle_tallies SET present = present - m.p, late = late - m.l, excused = excused - m.e, absent = absent - m.a
  FROM (SELECT COUNT(*) FILTER (WHERE status = 'present') AS p, COUNT(*) FILTER (WHERE status = 'late') AS l,
      COUNT(*) FILTER (WHERE status = 'excused') AS e, COUNT(*) FILTER (WHERE status = 'absent') AS a
    FROM attendance WHERE session_id = old.id) AS m
  WHERE circle_id = old.circle_id;
END;

-- For the circles list: circles in name order without a sort, each circle's
-- first planned session from a date on, and its current members, each found
-- from the index alone.
CREATE INDEX idx_circles_name ON circles (name COLLATE NOCASE);
CREATE INDEX idx_sessions_circle_status_starts ON sessions (circle_id, status, starts_at);
CREATE INDEX idx_membership_circle_left ON memberships (circle_id, left_on);
