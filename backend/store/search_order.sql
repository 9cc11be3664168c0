-- Migration 2026-12-02-search-order. Never edit: later changes are new migrations.
-- A text/template (search_order.go runs it for people and for circles).
--
-- The lists' search index in list order. A search gives its matches a page
-- at a time in list order (name_key, name, id); FTS5 gives its matches in
-- rowid order, so here the rowid is the row's place in that order:
-- list_order, an integer the triggers below keep so that sorting by it
-- sorts by (name_key, name, id). A page of a search is then the matches
-- from a place on, read in order from the index: no sort, and no read of
-- the table but for the page's rows, however many rows match and wherever
-- they lie (backend/search).
--
-- Places have gaps (2^40 when filled, from the middle of 1..2^62), so a new
-- or renamed row takes the midpoint of its neighbours' places, a step past
-- the last row (before the first), or, when the row before it has the same
-- name key (a namesake, added after it), a place near that one's: most of
-- a gap is left for more namesakes, which come in runs. Rows added in any
-- order then rarely meet neighbours too close for a place between: none in
-- the generated 159,000 people and 16,000 circles, nor for random names or
-- a roster added in order; a run of new names at one spot within the list
-- does after some forty rows. Such a row is left without a place (and out
-- of the index) for backend/search, which spreads a window of rows around
-- it, and the run with it, before it next searches the list: a rare,
-- bounded move, done in Go because SQL that could do it here would be
-- compiled into every write of a row, each time, whether it ran or not.
--
-- The FTS5 tables hold only the index (contentless, no sizes) over the keys
-- Go folded, with the prefix indexes of search_index.sql, merged into one
-- segment once filled. detail=column, not none: every query is word
-- prefixes, but with detail=none FTS5 merges a prefix longer than its
-- prefix indexes ("ximena") ten times slower. A contentless index forgets a
-- row when told the values it indexed: the triggers pass the old values
-- when they changed, and the row's own (unchanged) ones when only its place
-- moves. The circles' index has a second column, state ('archived' or ''),
-- so the circles not archived are a query too; typed words search name_key.
--
-- people_fts and circles_fts (rowid = id) stay as they are.
{{define "place"}}(SELECT CASE
      WHEN p < 0 OR s < 0 OR s - p < 2 THEN NULL
      WHEN p = 0 AND s = {{.Max}} THEN {{.Mid}}
      WHEN s = {{.Max}} THEN p + min({{.Step}}, (s - p) / 2)
      WHEN p = 0 THEN s - min({{.Step}}, (s - p) / 2)
      WHEN twin THEN p + max(1, (s - p) / 1024)
      ELSE p + (s - p) / 2 END
    FROM (SELECT COALESCE((SELECT COALESCE(o.list_order, -1) FROM {{.Table}} o
                  WHERE (o.name_key, o.name, o.id) < (new.name_key, new.name, new.id)
                  ORDER BY o.name_key DESC, o.name DESC, o.id DESC LIMIT 1), 0) AS p,
                 COALESCE((SELECT COALESCE(o.list_order, -1) FROM {{.Table}} o
                  WHERE (o.name_key, o.name, o.id) > (new.name_key, new.name, new.id)
                  ORDER BY o.name_key, o.name, o.id LIMIT 1), {{.Max}}) AS s,
                 EXISTS (SELECT 1 FROM {{.Table}} o WHERE o.name_key = new.name_key AND (o.name, o.id) < (new.name, new.id)) AS twin
          LIMIT 1 OFFSET 0)){{end -}}
ALTER TABLE {{.Table}} ADD COLUMN list_order INTEGER;

UPDATE {{.Table}} SET list_order = f.first + (o.n - 1) * f.step
FROM (SELECT id AS row_id, row_number() OVER (ORDER BY name_key, name, id) AS n FROM {{.Table}}) AS o,
     (SELECT {{.Mid}} - (COUNT(*) / 2) * step AS first, step
      FROM (SELECT min({{.Step}}, {{.Max}} / (2 * (COUNT(*) + 1))) AS step FROM {{.Table}}), {{.Table}}) AS f
WHERE {{.Table}}.id = o.row_id;

CREATE UNIQUE INDEX idx_{{.Table}}_list_order ON {{.Table}} (list_order);

CREATE VIRTUAL TABLE {{.FTS}} USING fts5(
  {{.Columns}}, content = '', columnsize = 0, detail = column,
  tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3'
);
INSERT INTO {{.FTS}} (rowid, {{.Columns}}) SELECT list_order, {{.Values "t"}} FROM {{.Table}} t;
INSERT INTO {{.FTS}} ({{.FTS}}) VALUES ('optimize');

-- A new row takes a place between its neighbours' (p and s; 0 and Max
-- where there is none), if there is one, and none when either has none
-- (-1): it then joins their run, which a search places at once. The derived
-- table ends in LIMIT 1 OFFSET 0, which keeps SQLite from flattening it:
-- flattened, each use of p and s would be a copy of its subquery.
CREATE TRIGGER {{.Table}}_list_insert AFTER INSERT ON {{.Table}} BEGIN
  UPDATE {{.Table}} SET list_order = {{template "place" .}} WHERE id = new.id;
END;

CREATE TRIGGER {{.Table}}_list_delete AFTER DELETE ON {{.Table}} WHEN old.list_order > 0 BEGIN
  INSERT INTO {{.FTS}} ({{.FTS}}, rowid, {{.Columns}}) VALUES ('delete', old.list_order, {{.Values "old"}});
END;

-- An edit of the order's keys or of the indexed values: the old entry goes
-- (with the old values); a row whose keys changed gives up its place
-- ({{.Table}}_list_move leaves the index alone then) and takes a new one,
-- which indexes it again; else its new values are indexed at its place.
CREATE TRIGGER {{.Table}}_list_edit AFTER UPDATE OF {{.Watched}} ON {{.Table}}
WHEN old.list_order > 0 AND (old.name_key <> new.name_key OR old.name <> new.name OR {{.TextChanged}}) BEGIN
  INSERT INTO {{.FTS}} ({{.FTS}}, rowid, {{.Columns}}) VALUES ('delete', old.list_order, {{.Values "old"}});
  UPDATE {{.Table}} SET list_order = NULL WHERE id = new.id AND (old.name_key <> new.name_key OR old.name <> new.name);
  UPDATE {{.Table}} SET list_order = {{template "place" .}} WHERE id = new.id AND (old.name_key <> new.name_key OR old.name <> new.name);
  INSERT INTO {{.FTS}} (rowid, {{.Columns}}) SELECT new.list_order, {{.Values "new"}}
  WHERE old.name_key = new.name_key AND old.name = new.name;
END;

-- A place taken enters the index; a place given up for a negative one (a
-- move, see backend/search) leaves it, with the row's unchanged values.
CREATE TRIGGER {{.Table}}_list_move AFTER UPDATE OF list_order ON {{.Table}}
WHEN old.list_order IS NOT new.list_order BEGIN
  INSERT INTO {{.FTS}} ({{.FTS}}, rowid, {{.Columns}}) SELECT 'delete', old.list_order, {{.Values "old"}}
  WHERE old.list_order > 0 AND new.list_order IS NOT NULL;
  INSERT INTO {{.FTS}} (rowid, {{.Columns}}) SELECT new.list_order, {{.Values "new"}} WHERE new.list_order > 0;
END;
