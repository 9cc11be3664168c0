-- Migration 2026-12-04-search-everything (SQLite), run by
-- search_everything.go: for each table, "index" makes its FTS5 table
-- (empty), Go fills the search keys and the index a batch at a time (so the
-- window shows progress), then "triggers" keeps the index in step.
--
-- The index behind search across everything (backend/find): one FTS5 table a
-- kind of record, external content over the search_key Go folded
-- (model.SearchKey), so accents and case are aside before SQLite sees the
-- text, tokenized as search.Words cuts words. detail=full (the default) for
-- "quoted phrases". The triggers keep each in step with its table in the
-- writing transaction; an external-content index forgets a row when told
-- the text it indexed (old.search_key). Notes carry no prefix index: it would
-- double the index of the largest table, and a prefix scan of the terms is
-- fast enough there.
{{define "index"}}
CREATE VIRTUAL TABLE {{.FTS}} USING fts5(
  search_key, content = '{{.Table}}', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0'{{.Prefix}}
);
{{end}}
{{define "triggers"}}
CREATE TRIGGER {{.FTS}}_insert AFTER INSERT ON {{.Table}} BEGIN
  INSERT INTO {{.FTS}} (rowid, search_key) VALUES (new.id, new.search_key);
END;

CREATE TRIGGER {{.FTS}}_delete AFTER DELETE ON {{.Table}} BEGIN
  INSERT INTO {{.FTS}} ({{.FTS}}, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;

CREATE TRIGGER {{.FTS}}_update AFTER UPDATE OF search_key ON {{.Table}}
WHEN old.search_key <> new.search_key BEGIN
  INSERT INTO {{.FTS}} ({{.FTS}}, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO {{.FTS}} (rowid, search_key) VALUES (new.id, new.search_key);
END;
{{end}}
