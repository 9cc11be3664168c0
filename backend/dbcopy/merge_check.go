package dbcopy

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"circlebook/backend/store"
)

// rebuilds count each derived table afresh from the rows, in its columns,
// on either engine: what the triggers must have kept (a row of zeros aside,
// which means the same as none; see derivedTables).
var rebuilds = map[string]string{
	"circle_tallies": `SELECT s.circle_id, SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END),
	  SUM(CASE WHEN a.status = 'late' THEN 1 ELSE 0 END), SUM(CASE WHEN a.status = 'excused' THEN 1 ELSE 0 END),
	  SUM(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END)
	 FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.status = 'held' GROUP BY s.circle_id`,
	"topic_counts": `SELECT topic_id, COUNT(*) FROM session_topics GROUP BY topic_id`,
	"name_prefixes": `WITH d (depth) AS (VALUES (1), (2), (3), (4))
	 SELECT 'people', d.depth, substr(p.name_key, 1, d.depth), COUNT(*) FROM people p, d GROUP BY d.depth, substr(p.name_key, 1, d.depth)
	 UNION ALL SELECT 'circles', d.depth, substr(c.name_key, 1, d.depth), COUNT(*) FROM circles c, d GROUP BY d.depth, substr(c.name_key, 1, d.depth)
	 UNION ALL SELECT 'circles-current', d.depth, substr(c.name_key, 1, d.depth), COUNT(*) FROM circles c, d
	  WHERE c.status <> 'archived' GROUP BY d.depth, substr(c.name_key, 1, d.depth)`,
	"today_streaks": `SELECT * FROM (SELECT s.circle_id, a.person_id,
	   COALESCE(MAX(CASE WHEN s.status = 'held' AND a.status IN ('present', 'late') THEN s.starts_at END), '') AS last_attended,
	   COALESCE(MAX(CASE WHEN s.status = 'held' AND a.status = 'absent' THEN s.starts_at END), '') AS last_absent
	 FROM attendance a JOIN sessions s ON s.id = a.session_id GROUP BY s.circle_id, a.person_id) q
	 WHERE last_attended <> '' OR last_absent <> ''`,
	"today_circles": todayCircles,
}

// todayCircles is every circle's today_circles row (each has one, made
// with it): one pass over the sessions grouped by circle, so the rebuild
// needs no index (a copy into PostgreSQL counts before it makes them).
const todayCircles = `SELECT c.id, CASE WHEN c.status IN ('archived', 'completed', 'paused') THEN 0 ELSE 1 END,
	   COALESCE(x.last_held, ''), COALESCE(x.last_planned, '')
	 FROM circles c LEFT JOIN (SELECT circle_id, MAX(CASE WHEN status = 'held' THEN starts_at END) AS last_held,
	   MAX(CASE WHEN status = 'planned' THEN starts_at END) AS last_planned FROM sessions GROUP BY circle_id) x ON x.circle_id = c.id`

// check runs the merge's checks on the target, inside its transaction:
// every source record is there, the derived tables (and SQLite's search
// index and list order) are what a rebuild gives, and every id counter is
// past its table's ids. A failed check is ErrMismatch, and rolls back.
func (m *merger) check(ctx context.Context, tables []table) error {
	for _, t := range tables {
		var err error
		switch {
		case t.derived:
			err = m.checkDerived(ctx, t)
		case t.col("uuid") >= 0:
			err = m.checkUUIDs(ctx, t)
		default:
			err = m.checkKeys(ctx, t)
		}
		if err == nil && !t.derived && t.col("id") >= 0 {
			err = checkSequence(ctx, m.dst, t)
		}
		if err != nil {
			return fmt.Errorf("check %s: %w", t.name, err)
		}
	}
	if err := checkSearchIndex(ctx, m.dst); err != nil {
		return err
	}
	return checkListOrder(ctx, m.dst)
}

// checkUUIDs checks that every UUID of t in the source is in the target,
// but for the rows kept by their key.
func (m *merger) checkUUIDs(ctx context.Context, t table) error {
	ids := table{name: t.name, cols: []column{{"id", kindInt}, {"uuid", kindText}}, key: []string{"id"}}
	total, err := count(ctx, m.src, t)
	if err != nil {
		return err
	}
	m.p.start("check", t.name, total)
	defer m.p.done()
	return scan(ctx, m.src, ids, m.batch, func(rows [][]any) error {
		m.p.add(int64(len(rows)))
		for chunk := range slices.Chunk(rows, lookupChunk) {
			uuids := make([]any, len(chunk))
			for i, r := range chunk {
				uuids[i] = r[1]
			}
			found, err := m.lookup(ctx, ids, "uuid", "", uuids)
			if err != nil {
				return err
			}
			here := map[any]bool{}
			for _, f := range found {
				here[f[1]] = true
			}
			for _, u := range uuids {
				if !here[u] && !m.byKey[t.name][u.(string)] {
					return fmt.Errorf("%w: %s %s of the source is not in the target", ErrMismatch, t.name, u)
				}
			}
		}
		return nil
	})
}

// checkKeys checks that every row of a table without UUIDs (the session
// topics) is in the target, under the target's ids.
func (m *merger) checkKeys(ctx context.Context, t table) error {
	r := rules[t.name]
	return scan(ctx, m.src, t, m.batch, func(rows [][]any) error {
		if err := m.rewrite(t, r, rows); err != nil {
			return err
		}
		for chunk := range slices.Chunk(rows, lookupChunk) {
			here, err := m.byKeys(ctx, t, r, chunk)
			if err != nil {
				return err
			}
			for _, row := range chunk {
				if k, _ := r.keyOf(t, row); here[k] == nil {
					return fmt.Errorf("%w: %s %v of the source is not in the target", ErrMismatch, t.name, row)
				}
			}
		}
		return nil
	})
}

// checkDerived compares a derived table's live rows with a rebuild's.
func (m *merger) checkDerived(ctx context.Context, t table) error {
	got, err := rowSet(ctx, m.dst, t, "SELECT "+strings.Join(t.names(), ", ")+" FROM "+t.name+" WHERE "+t.live)
	if err != nil {
		return err
	}
	want, err := rowSet(ctx, m.dst, t, rebuilds[t.name])
	if err != nil {
		return err
	}
	if !maps.Equal(got, want) {
		return fmt.Errorf("%w: %s holds %d rows, a rebuild %d, and they differ", ErrMismatch, t.name, len(got), len(want))
	}
	return nil
}

// rowSet reads a query's rows, in t's columns, as a set (derived tables are small).
func rowSet(ctx context.Context, c conn, t table, q string) (map[string]bool, error) {
	out := map[string]bool{}
	err := c.query(ctx, q, nil, func(vals []any) error {
		row := slices.Clone(vals)
		if err := normaliseRow(t, row); err != nil {
			return err
		}
		out[fmt.Sprint(row...)] = true
		return nil
	})
	return out, err
}

// checkSequence checks that t's id counter is past its highest id.
func checkSequence(ctx context.Context, c conn, t table) error {
	hw, err := highWater(ctx, c, t)
	if err != nil {
		return err
	}
	top, err := countQuery(ctx, c, "SELECT MAX(id) FROM "+t.name)
	if err != nil {
		return err
	}
	if hw < top {
		return fmt.Errorf("%w: the id counter of %s is at %d, below its highest id %d", ErrMismatch, t.name, hw, top)
	}
	return nil
}

// orderedLists are the tables whose list order SQLite keeps in list_order.
var orderedLists = []string{"people", "circles"}

// checkListOrder checks, on SQLite, that the places the triggers gave the
// rows sort as (name_key, name, id) do, as the search's own spreading
// would place them; a row without a place yet is one the search places
// before it next searches.
func checkListOrder(ctx context.Context, c conn) error {
	if c.dialect() != store.SQLite {
		return nil
	}
	for _, list := range orderedLists {
		n, err := countQuery(ctx, c, strings.ReplaceAll(`SELECT COUNT(*) FROM (SELECT list_order AS o,
			LAG(list_order) OVER (ORDER BY name_key, name, id) AS prev FROM LIST WHERE list_order > 0) AS x WHERE prev >= o`, "LIST", list))
		if err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: %d %s are out of list order", ErrMismatch, n, list)
		}
	}
	return nil
}
