-- name_prefixes_people counted each person's name key with a trigger FOR
-- EACH ROW: a 10,000-row import ran name_prefixes_shift 10,000 times, each
-- an upsert of the same four buckets ("p", "pe", "per", "pers"), and
-- PostgreSQL walked a longer chain of that transaction's dead versions
-- each time (3.9 s of the 4.1 s insert). Inserts and deletes now count
-- once a statement, from the statement's transition table, in the same
-- (depth, prefix) order; a rename stays a row at a time (a trigger on
-- UPDATE OF a column cannot have a transition table).

-- name_prefixes_people_rows counts the name keys of rows into the people
-- list, sign +1 for added rows and -1 for removed ones.
CREATE FUNCTION name_prefixes_people_rows(rows_key text[], sign integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO name_prefixes AS b (list, depth, prefix, n)
  SELECT 'people', d, substr(k.key, 1, d), sign * count(*)
  FROM unnest(rows_key) AS k(key) CROSS JOIN generate_series(1, 4) AS d
  GROUP BY d, substr(k.key, 1, d)
  ORDER BY d, substr(k.key, 1, d)
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = b.n + excluded.n
$$;

-- name_prefixes_people_added counts a statement's new people in.
CREATE FUNCTION name_prefixes_people_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM name_prefixes_people_rows(ARRAY(SELECT name_key FROM added), 1);
  RETURN NULL;
END
$$;

-- name_prefixes_people_removed takes a statement's deleted people out.
CREATE FUNCTION name_prefixes_people_removed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM name_prefixes_people_rows(ARRAY(SELECT name_key FROM removed), -1);
  RETURN NULL;
END
$$;

DROP TRIGGER name_prefixes_people_insert ON people;
DROP TRIGGER name_prefixes_people_delete ON people;

CREATE TRIGGER name_prefixes_people_insert AFTER INSERT ON people
REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION name_prefixes_people_added();

CREATE TRIGGER name_prefixes_people_delete AFTER DELETE ON people
REFERENCING OLD TABLE AS removed
FOR EACH STATEMENT EXECUTE FUNCTION name_prefixes_people_removed();
