-- The PostgreSQL baseline's triggers: SQLite's, same names, same effect, in
-- PL/pgSQL. What differs from SQLite's SQL, and why:
--   * a comparison is a boolean, not 0 or 1: (x = 'held')::integer;
--   * IS NOT between values is IS DISTINCT FROM;
--   * an upsert's SET names the row it updates (t.present + excluded.present):
--     a bare present would be ambiguous;
--   * (VALUES (1), (2), (3), (4)) is generate_series(1, 4);
--   * a row trigger runs a function; the WHEN conditions are SQLite's.
--
-- Order of a session's delete, which circle_tallies relies on: PostgreSQL,
-- like SQLite, runs the session's BEFORE DELETE triggers while its marks are
-- still there, removes the session, and then cascades to the marks (the
-- foreign key's action is an AFTER trigger), whose delete triggers no longer
-- find the session. So a held session's marks are taken out once, by
-- circle_tallies_session_delete. The store's PostgreSQL tests check it.
--
-- Unlike SQLite, an AFTER row trigger runs when its statement ends, not at
-- its row; these triggers read only rows their statement does not change
-- (a mark's session, a session's marks), so that changes nothing.
-- INSERT ... ON CONFLICT DO UPDATE fires the UPDATE triggers on a conflict,
-- as on SQLite.

-- circle_tallies (circle_tallies.sql): a mark counts while its session is held.

-- circle_tallies_add adds counts to a circle's row, making it if need be.
CREATE FUNCTION circle_tallies_add(circle bigint, p bigint, l bigint, e bigint, a bigint) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO circle_tallies AS t (circle_id, present, late, excused, absent) VALUES (circle, p, l, e, a)
  ON CONFLICT (circle_id) DO UPDATE SET present = t.present + excluded.present, late = t.late + excluded.late,
    excused = t.excused + excluded.excused, absent = t.absent + excluded.absent
$$;

-- circle_tallies_mark takes a changed mark's old status out of its held
-- session's circle and counts its new one there.
CREATE FUNCTION circle_tallies_mark() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE circle_tallies SET present = present - (OLD.status = 'present')::integer,
      late = late - (OLD.status = 'late')::integer, excused = excused - (OLD.status = 'excused')::integer,
      absent = absent - (OLD.status = 'absent')::integer
    WHERE circle_id = (SELECT s.circle_id FROM sessions s WHERE s.id = OLD.session_id AND s.status = 'held');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM circle_tallies_add(s.circle_id, (NEW.status = 'present')::integer, (NEW.status = 'late')::integer,
      (NEW.status = 'excused')::integer, (NEW.status = 'absent')::integer)
    FROM sessions s WHERE s.id = NEW.session_id AND s.status = 'held';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER circle_tallies_mark_insert AFTER INSERT ON attendance
FOR EACH ROW EXECUTE FUNCTION circle_tallies_mark();

CREATE TRIGGER circle_tallies_mark_update AFTER UPDATE OF status, session_id ON attendance
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.session_id IS DISTINCT FROM NEW.session_id)
EXECUTE FUNCTION circle_tallies_mark();

-- In a cascade from its session's delete the session is already gone, so
-- this takes nothing out (see the top).
CREATE TRIGGER circle_tallies_mark_delete AFTER DELETE ON attendance
FOR EACH ROW EXECUTE FUNCTION circle_tallies_mark();

-- circle_tallies_session_out takes a session's marks out of its (old) circle.
CREATE FUNCTION circle_tallies_session_out() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE circle_tallies SET present = present - m.p, late = late - m.l, excused = excused - m.e, absent = absent - m.a
  FROM (SELECT COUNT(*) FILTER (WHERE k.status = 'present') AS p, COUNT(*) FILTER (WHERE k.status = 'late') AS l,
      COUNT(*) FILTER (WHERE k.status = 'excused') AS e, COUNT(*) FILTER (WHERE k.status = 'absent') AS a
    FROM attendance k WHERE k.session_id = OLD.id) AS m
  WHERE circle_id = OLD.circle_id
    -- In a cascade from the circle's delete the circle is gone already (its
    -- tallies row goes too): updating that row would fail its foreign key.
    AND EXISTS (SELECT 1 FROM circles c WHERE c.id = OLD.circle_id);
  RETURN OLD; -- a BEFORE DELETE trigger's row goes on to be deleted
END
$$;

-- circle_tallies_session_in adds a session's marks to its (new) circle.
CREATE FUNCTION circle_tallies_session_in() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM circle_tallies_add(NEW.circle_id, COUNT(*) FILTER (WHERE k.status = 'present'),
    COUNT(*) FILTER (WHERE k.status = 'late'), COUNT(*) FILTER (WHERE k.status = 'excused'),
    COUNT(*) FILTER (WHERE k.status = 'absent'))
  FROM attendance k WHERE k.session_id = NEW.id;
  RETURN NULL;
END
$$;

-- A session that stops being held, or a held one moved to another circle.
CREATE TRIGGER circle_tallies_session_unheld AFTER UPDATE OF status, circle_id ON sessions
FOR EACH ROW WHEN (OLD.status = 'held' AND (NEW.status IS DISTINCT FROM 'held' OR NEW.circle_id IS DISTINCT FROM OLD.circle_id))
EXECUTE FUNCTION circle_tallies_session_out();

-- A session that becomes held, or a held one moved in from another circle.
CREATE TRIGGER circle_tallies_session_held AFTER UPDATE OF status, circle_id ON sessions
FOR EACH ROW WHEN (NEW.status = 'held' AND (OLD.status IS DISTINCT FROM 'held' OR NEW.circle_id IS DISTINCT FROM OLD.circle_id))
EXECUTE FUNCTION circle_tallies_session_in();

-- A deleted held session takes its marks out, BEFORE the cascade removes them.
CREATE TRIGGER circle_tallies_session_delete BEFORE DELETE ON sessions
FOR EACH ROW WHEN (OLD.status = 'held')
EXECUTE FUNCTION circle_tallies_session_out();

-- name_prefixes (list_counts.sql): rows by the first 1 to 4 characters of
-- their name key, in the lists people, circles and circles-current.

-- name_prefixes_shift takes old_key out of list and counts new_key in (a
-- null key: nothing to take out, or nothing to count). It writes every
-- bucket in one statement, in (depth, prefix) order, so writers that rename
-- at once lock buckets in the same order and never deadlock; a bucket both
-- keys share is left as it is (SQLite's -1 then +1). A bucket emptied stays at 0.
CREATE FUNCTION name_prefixes_shift(list_name text, old_key text, new_key text) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO name_prefixes AS b (list, depth, prefix, n)
  SELECT list_name, c.depth, c.prefix, sum(c.n)
  FROM (
    SELECT d AS depth, substr(old_key, 1, d) AS prefix, -1 AS n FROM generate_series(1, 4) AS d WHERE old_key IS NOT NULL
    UNION ALL
    SELECT d, substr(new_key, 1, d), 1 FROM generate_series(1, 4) AS d WHERE new_key IS NOT NULL
  ) AS c
  GROUP BY c.depth, c.prefix HAVING sum(c.n) <> 0
  ORDER BY c.depth, c.prefix
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = b.n + excluded.n
$$;

-- name_prefixes_people counts a person's name key in the people list.
CREATE FUNCTION name_prefixes_people() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_key text;
  new_key text;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_key := OLD.name_key; END IF;
  IF TG_OP <> 'DELETE' THEN new_key := NEW.name_key; END IF;
  PERFORM name_prefixes_shift('people', old_key, new_key);
  RETURN NULL;
END
$$;

CREATE TRIGGER name_prefixes_people_insert AFTER INSERT ON people
FOR EACH ROW EXECUTE FUNCTION name_prefixes_people();

CREATE TRIGGER name_prefixes_people_delete AFTER DELETE ON people
FOR EACH ROW EXECUTE FUNCTION name_prefixes_people();

CREATE TRIGGER name_prefixes_people_update AFTER UPDATE OF name_key ON people
FOR EACH ROW WHEN (OLD.name_key <> NEW.name_key)
EXECUTE FUNCTION name_prefixes_people();

-- name_prefixes_circles counts a circle's name key in the circles list and,
-- unless it is archived, in the circles-current list.
CREATE FUNCTION name_prefixes_circles() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_key text;
  new_key text;
  old_current text;
  new_current text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_key := OLD.name_key;
    IF OLD.status <> 'archived' THEN old_current := OLD.name_key; END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_key := NEW.name_key;
    IF NEW.status <> 'archived' THEN new_current := NEW.name_key; END IF;
  END IF;
  PERFORM name_prefixes_shift('circles', old_key, new_key);
  PERFORM name_prefixes_shift('circles-current', old_current, new_current);
  RETURN NULL;
END
$$;

CREATE TRIGGER name_prefixes_circles_insert AFTER INSERT ON circles
FOR EACH ROW EXECUTE FUNCTION name_prefixes_circles();

CREATE TRIGGER name_prefixes_circles_delete AFTER DELETE ON circles
FOR EACH ROW EXECUTE FUNCTION name_prefixes_circles();

CREATE TRIGGER name_prefixes_circles_update AFTER UPDATE OF name_key, status ON circles
FOR EACH ROW WHEN (OLD.name_key <> NEW.name_key OR OLD.status <> NEW.status)
EXECUTE FUNCTION name_prefixes_circles();

-- topic_counts (list_counts.sql): how many sessions each topic tags.
CREATE FUNCTION topic_counts_tag() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE topic_counts SET sessions = sessions - 1 WHERE topic_id = OLD.topic_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO topic_counts AS c (topic_id, sessions) VALUES (NEW.topic_id, 1)
    ON CONFLICT (topic_id) DO UPDATE SET sessions = c.sessions + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER topic_counts_tag AFTER INSERT ON session_topics
FOR EACH ROW EXECUTE FUNCTION topic_counts_tag();

CREATE TRIGGER topic_counts_untag AFTER DELETE ON session_topics
FOR EACH ROW EXECUTE FUNCTION topic_counts_tag();

CREATE TRIGGER topic_counts_retag AFTER UPDATE OF topic_id ON session_topics
FOR EACH ROW WHEN (OLD.topic_id <> NEW.topic_id)
EXECUTE FUNCTION topic_counts_tag();
