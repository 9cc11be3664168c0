-- Migration 2026-12-02-search-index. Never edit: later changes are new migrations.
--
-- The full-text index behind backend/search: one FTS5 table a kind of record,
-- over the keys Go already folded (people.search_key: name, email, team and
-- title; circles.name_key), so accents and case are aside before SQLite sees
-- the text. The tables hold only the index (external content); the triggers
-- below keep each in step with its table in the writing transaction. Prefix
-- indexes of 1 to 3 characters let a short word ("a", "an") read its rows
-- directly instead of merging every word it starts.
--
-- An external-content index must be told the old text to forget it: the
-- delete and update triggers pass old.<key>, which is what was indexed.
--
-- A search that matches many people walks the people list in name order and
-- tests each row's search key (backend/paging): the name index carries the
-- key, so that walk reads the index alone. It replaces the index of
-- 2026-12-01-people-keys, which it extends (the order is the same).
DROP INDEX idx_people_name_key;
CREATE INDEX idx_people_name_key ON people (name_key, name, id, search_key);

CREATE VIRTUAL TABLE people_fts USING fts5(
  search_key, content = 'people', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3'
);
INSERT INTO people_fts (people_fts) VALUES ('rebuild');

CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
  INSERT INTO people_fts (rowid, search_key) VALUES (new.id, new.search_key);
END;

CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
  INSERT INTO people_fts (people_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;

CREATE TRIGGER people_fts_update AFTER UPDATE OF search_key ON people
WHEN old.search_key <> new.search_key BEGIN
  INSERT INTO people_fts (people_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO people_fts (rowid, search_key) VALUES (new.id, new.search_key);
END;

CREATE VIRTUAL TABLE circles_fts USING fts5(
  name_key, content = 'circles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3'
);
INSERT INTO circles_fts (circles_fts) VALUES ('rebuild');

CREATE TRIGGER circles_fts_insert AFTER INSERT ON circles BEGIN
  INSERT INTO circles_fts (rowid, name_key) VALUES (new.id, new.name_key);
END;

CREATE TRIGGER circles_fts_delete AFTER DELETE ON circles BEGIN
  INSERT INTO circles_fts (circles_fts, rowid, name_key) VALUES ('delete', old.id, old.name_key);
END;

CREATE TRIGGER circles_fts_update AFTER UPDATE OF name_key ON circles
WHEN old.name_key <> new.name_key BEGIN
  INSERT INTO circles_fts (circles_fts, rowid, name_key) VALUES ('delete', old.id, old.name_key);
  INSERT INTO circles_fts (rowid, name_key) VALUES (new.id, new.name_key);
END;
