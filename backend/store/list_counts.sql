-- Migration 2026-12-02-list-counts. Never edit: later changes are new migrations.
--
-- Counts the long lists keep, so a list never counts its rows and an offset
-- jump never walks them all.
--
-- name_prefixes counts the rows of each list by the first 1 to 4 characters
-- of their name key ("ana munoz": "a", "an", "ana", "ana "; a shorter key is
-- its own prefix at the deeper levels). The prefixes of one depth sort as
-- the keys do, so summing depth 1 gives the list's size, and going down the
-- depths to the prefix holding row N leaves a walk of one small bucket
-- (backend/paging). The lists: people; circles (all of them); circles-current
-- (those not archived). Every change is an upsert of +1 or -1 per depth; a
-- bucket emptied stays at 0.
CREATE TABLE name_prefixes (
  list TEXT NOT NULL,
  depth INTEGER NOT NULL,
  prefix TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (list, depth, prefix)
) WITHOUT ROWID;

INSERT INTO name_prefixes (list, depth, prefix, n)
SELECT 'people', d.column1, substr(p.name_key, 1, d.column1), COUNT(*)
FROM people p, (VALUES (1), (2), (3), (4)) AS d
GROUP BY d.column1, substr(p.name_key, 1, d.column1);

INSERT INTO name_prefixes (list, depth, prefix, n)
SELECT 'circles', d.column1, substr(c.name_key, 1, d.column1), COUNT(*)
FROM circles c, (VALUES (1), (2), (3), (4)) AS d
GROUP BY d.column1, substr(c.name_key, 1, d.column1);

INSERT INTO name_prefixes (list, depth, prefix, n)
SELECT 'circles-current', d.column1, substr(c.name_key, 1, d.column1), COUNT(*)
FROM circles c, (VALUES (1), (2), (3), (4)) AS d
WHERE c.status <> 'archived'
GROUP BY d.column1, substr(c.name_key, 1, d.column1);

CREATE TRIGGER name_prefixes_people_insert AFTER INSERT ON people BEGIN
  INSERT INTO name_prefixes (list, depth, prefix, n)
  SELECT 'people', d.column1, substr(new.name_key, 1, d.column1), 1 FROM (VALUES (1), (2), (3), (4)) AS d WHERE true
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER name_prefixes_people_delete AFTER DELETE ON people BEGIN
  INSERT INTO name_prefixes (list, depth, prefix, n)
  SELECT 'people', d.column1, substr(old.name_key, 1, d.column1), -1 FROM (VALUES (1), (2), (3), (4)) AS d WHERE true
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER name_prefixes_people_update AFTER UPDATE OF name_key ON people
WHEN old.name_key <> new.name_key BEGIN
  INSERT INTO name_prefixes (list, depth, prefix, n)
  SELECT 'people', d.column1, substr(old.name_key, 1, d.column1), -1 FROM (VALUES (1), (2), (3), (4)) AS d WHERE true
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = n + excluded.n;
  INSERT INTO name_prefixes (list, depth, prefix, n)
  SELECT 'people', d.column1, substr(new.name_key, 1, d.column1), 1 FROM (VALUES (1), (2), (3), (4)) AS d WHERE true
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER name_prefixes_circles_insert AFTER INSERT ON circles BEGIN
  INSERT INTO name_prefixes (list, depth, prefix, n)
  SELECT 'circles', d.column1, substr(new.name_key, 1, d.column1), 1 FROM (VALUES (1), (2), (3), (4)) AS d WHERE true
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = n + excluded.n;
  INSERT INTO name_prefixes (list, depth, prefix, n)
  SELECT 'circles-current', d.column1, substr(new.name_key, 1, d.column1), 1 FROM (VALUES (1), (2), (3), (4)) AS d
  WHERE new.status <> 'archived'
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER name_prefixes_circles_delete AFTER DELETE ON circles BEGIN
  INSERT INTO name_prefixes (list, depth, prefix, n)
  SELECT 'circles', d.column1, substr(old.name_key, 1, d.column1), -1 FROM (VALUES (1), (2), (3), (4)) AS d WHERE true
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = n + excluded.n;
  INSERT INTO name_prefixes (list, depth, prefix, n)
  SELECT 'circles-current', d.column1, substr(old.name_key, 1, d.column1), -1 FROM (VALUES (1), (2), (3), (4)) AS d
  WHERE old.status <> 'archived'
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER name_prefixes_circles_update AFTER UPDATE OF name_key, status ON circles
WHEN old.name_key <> new.name_key OR old.status <> new.status BEGIN
  INSERT INTO name_prefixes (list, depth, prefix, n)
  SELECT 'circles', d.column1, substr(old.name_key, 1, d.column1), -1 FROM (VALUES (1), (2), (3), (4)) AS d WHERE true
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = n + excluded.n;
  INSERT INTO name_prefixes (list, depth, prefix, n)
  SELECT 'circles', d.column1, substr(new.name_key, 1, d.column1), 1 FROM (VALUES (1), (2), (3), (4)) AS d WHERE true
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = n + excluded.n;
  INSERT INTO name_prefixes (list, depth, prefix, n)
  SELECT 'circles-current', d.column1, substr(old.name_key, 1, d.column1), -1 FROM (VALUES (1), (2), (3), (4)) AS d
  WHERE old.status <> 'archived'
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = n + excluded.n;
  INSERT INTO name_prefixes (list, depth, prefix, n)
  SELECT 'circles-current', d.column1, substr(new.name_key, 1, d.column1), 1 FROM (VALUES (1), (2), (3), (4)) AS d
  WHERE new.status <> 'archived'
  ON CONFLICT (list, depth, prefix) DO UPDATE SET n = n + excluded.n;
END;

-- topic_counts keeps how many sessions each topic tags, so the topics list
-- reads a number a topic instead of counting every tag. A topic without a
-- row tags nothing yet. Tags are written plainly or with ON CONFLICT DO
-- NOTHING, never INSERT OR REPLACE (which deletes without firing triggers).
CREATE TABLE topic_counts (
  topic_id INTEGER PRIMARY KEY REFERENCES topics(id) ON DELETE CASCADE,
  sessions INTEGER NOT NULL DEFAULT 0
);

INSERT INTO topic_counts (topic_id, sessions)
SELECT topic_id, COUNT(*) FROM session_topics GROUP BY topic_id;

CREATE TRIGGER topic_counts_tag AFTER INSERT ON session_topics BEGIN
  INSERT INTO topic_counts (topic_id, sessions) VALUES (new.topic_id, 1)
  ON CONFLICT (topic_id) DO UPDATE SET sessions = sessions + 1;
END;

CREATE TRIGGER topic_counts_untag AFTER DELETE ON session_topics BEGIN
  UPDATE topic_counts SET sessions = sessions - 1 WHERE topic_id = old.topic_id;
END;

CREATE TRIGGER topic_counts_retag AFTER UPDATE OF topic_id ON session_topics
WHEN old.topic_id <> new.topic_id BEGIN
  UPDATE topic_counts SET sessions = sessions - 1 WHERE topic_id = old.topic_id;
  INSERT INTO topic_counts (topic_id, sessions) VALUES (new.topic_id, 1)
  ON CONFLICT (topic_id) DO UPDATE SET sessions = sessions + 1;
END;
