package dbcopy

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"
)

// lookupChunk is how many rows a merge looks up in the target at a time.
const lookupChunk = 500

// merger holds what a merge has matched and written so far.
type merger struct {
	src, dst conn
	gtx      *gorm.DB // the target's transaction, for the rules shared with the bundle import
	batch    int
	p        *progress

	ids      map[string]map[int64]int64 // for the tables others refer to: source id -> target id
	byKey    map[string]map[string]bool // source UUIDs kept by their key, not their UUID, by table
	claimed  map[string]map[int64]bool  // target ids a key match took, by table
	next     map[string]int64           // SQLite: the last id given, by table
	circles  map[int64]bool             // the target's circles that were kept
	sessions map[int64][]uint           // new sessions by kept circle (target ids), to number
	texts    [][]any                    // kept notes' differing text from the source: note id, uuid, row
	extra    map[string]int64           // rows added beside the source's (the notes' texts), by table
	rep      MergeTable                 // the table being merged
}

func newMerger(src, dst conn, gtx *gorm.DB, opt Options) *merger {
	m := &merger{src: src, dst: dst, gtx: gtx, batch: opt.Batch, p: newProgress(opt.Progress),
		ids: map[string]map[int64]int64{}, byKey: map[string]map[string]bool{}, claimed: map[string]map[int64]bool{},
		next: map[string]int64{}, circles: map[int64]bool{}, sessions: map[int64][]uint{}, extra: map[string]int64{}}
	for name := range referenced() {
		m.ids[name] = map[int64]int64{}
	}
	return m
}

// table merges t's rows batch by batch.
func (m *merger) table(ctx context.Context, t table) error {
	total, err := count(ctx, m.src, t)
	if err != nil {
		return err
	}
	m.p.start("merge", t.name, total)
	defer m.p.done()
	r := rules[t.name]
	return scan(ctx, m.src, t, m.batch, func(rows [][]any) error {
		for chunk := range slices.Chunk(rows, lookupChunk) {
			if err := m.rows(ctx, t, r, chunk); err != nil {
				return err
			}
			m.p.add(int64(len(chunk)))
		}
		return nil
	})
}

// rows merges some of t's rows: rewrites their references, keeps those the
// target has (by UUID, then by key) and adds the rest.
func (m *merger) rows(ctx context.Context, t table, r rule, rows [][]any) error {
	if err := m.rewrite(t, r, rows); err != nil {
		return err
	}
	pending := rows
	if t.col("uuid") >= 0 {
		var err error
		if pending, err = m.keepByUUID(ctx, t, r, rows); err != nil {
			return err
		}
	}
	fresh, err := m.keepByKey(ctx, t, r, pending)
	if err != nil {
		return err
	}
	return m.add(ctx, t, fresh)
}

// rewrite turns the rows' references into the target's ids.
func (m *merger) rewrite(t table, r rule, rows [][]any) error {
	for col, parent := range r.refs {
		at := t.col(col)
		for _, row := range rows {
			if row[at] == nil {
				continue
			}
			id, ok := m.ids[parent][row[at].(int64)]
			if !ok {
				return fmt.Errorf("a row's %s refers to %s %v, which the source does not have", col, parent, row[at])
			}
			row[at] = id
		}
	}
	return nil
}

// keepByUUID keeps the rows whose UUIDs the target has and returns the others.
func (m *merger) keepByUUID(ctx context.Context, t table, r rule, rows [][]any) ([][]any, error) {
	at := t.col("uuid")
	uuids := make([]any, len(rows))
	for i, row := range rows {
		uuids[i] = row[at]
	}
	found, err := m.lookup(ctx, t, "uuid", "", uuids)
	if err != nil {
		return nil, err
	}
	here := map[string][]any{}
	for _, f := range found {
		here[f[at].(string)] = f
	}
	var pending [][]any
	for _, row := range rows {
		old := here[row[at].(string)]
		if old == nil {
			pending = append(pending, row)
			continue
		}
		if c, ok := r.belongs(t, row, old); !ok {
			return nil, fmt.Errorf("%w: %s %s has another %s in the target than in the source", ErrConflict, t.name, row[at], c)
		}
		m.keep(t, r, row, old)
	}
	return pending, nil
}

// keepByKey keeps the rows whose key the target has, when two source rows
// would not then become one, and returns the others.
func (m *merger) keepByKey(ctx context.Context, t table, r rule, rows [][]any) ([][]any, error) {
	here, err := m.byKeys(ctx, t, r, rows)
	if err != nil {
		return nil, err
	}
	var fresh [][]any
	for _, row := range rows {
		k, ok := r.keyOf(t, row)
		if old := here[k]; ok && old != nil {
			if err := m.claim(ctx, t, r, row, old); err != nil {
				return nil, err
			}
			m.keep(t, r, row, old)
			continue
		}
		fresh = append(fresh, row)
	}
	return fresh, nil
}

// byKeys reads the target's rows that have the keys of rows, by key.
func (m *merger) byKeys(ctx context.Context, t table, r rule, rows [][]any) (map[string][]any, error) {
	if len(r.key) == 0 || len(rows) == 0 {
		return nil, nil
	}
	var args []any
	seen := map[any]bool{}
	for _, row := range rows {
		if _, ok := r.keyOf(t, row); ok && !seen[r.keyArg(t, row)] {
			seen[r.keyArg(t, row)] = true
			args = append(args, r.keyArg(t, row))
		}
	}
	expr, where := r.keySQL()
	found, err := m.lookup(ctx, t, expr, where, args)
	if err != nil {
		return nil, err
	}
	here := map[string][]any{}
	for _, f := range found {
		if k, ok := r.keyOf(t, f); ok {
			here[k] = f
		}
	}
	return here, nil
}

// claim refuses a key match when another source row matches the same
// target row: by the same key, or by the target row's UUID.
func (m *merger) claim(ctx context.Context, t table, r rule, row, old []any) error {
	at := t.col("uuid")
	if at < 0 {
		return nil // a tag is nothing but its key
	}
	id := old[t.col("id")].(int64)
	if m.claimed[t.name] == nil {
		m.claimed[t.name], m.byKey[t.name] = map[int64]bool{}, map[string]bool{}
	}
	twice := m.claimed[t.name][id]
	if !twice {
		n, err := countQuery(ctx, m.src, "SELECT COUNT(*) FROM "+t.name+" WHERE uuid = ?", old[at])
		if err != nil {
			return err
		}
		twice = n > 0
	}
	if twice {
		return fmt.Errorf("%w: %s %s matches, by %s, a record in the target that another source record matches too",
			ErrConflict, t.name, row[at], r.keyName)
	}
	m.claimed[t.name][id], m.byKey[t.name][row[at].(string)] = true, true
	m.rep.ByKey++
	return nil
}

// keep counts a row the target has, old, and maps its id to old's.
func (m *merger) keep(t table, r rule, row, old []any) {
	m.rep.Kept++
	if at := t.col("id"); at >= 0 && m.ids[t.name] != nil {
		m.ids[t.name][row[at].(int64)] = old[at].(int64)
	}
	if t.name == "circles" {
		m.circles[old[t.col("id")].(int64)] = true
	}
	if body := t.col("body"); r.keepText && row[body] != old[body] {
		m.texts = append(m.texts, []any{old[t.col("id")], old[t.col("uuid")], row})
		m.rep.Differing++
	}
}

// add writes rows the target lacks, with new ids, and maps their ids.
func (m *merger) add(ctx context.Context, t table, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	m.rep.Added += int64(len(rows))
	at := t.col("id")
	if at < 0 {
		return m.dst.insert(ctx, t, rows)
	}
	ids, err := m.newIDs(ctx, t, len(rows))
	if err != nil {
		return err
	}
	for i, row := range rows {
		if m.ids[t.name] != nil {
			m.ids[t.name][row[at].(int64)] = ids[i]
		}
		row[at] = ids[i]
		if t.name == "sessions" {
			if circle := row[t.col("circle_id")].(int64); m.circles[circle] {
				m.sessions[circle] = append(m.sessions[circle], uint(ids[i]))
			}
		}
	}
	return m.dst.insert(ctx, t, rows)
}

// lookup reads the target's rows of t whose expr is one of vals (and where
// holds), in chunks, normalised.
func (m *merger) lookup(ctx context.Context, t table, expr, where string, vals []any) ([][]any, error) {
	var out [][]any
	for chunk := range slices.Chunk(vals, lookupChunk) {
		q := "SELECT " + strings.Join(t.names(), ", ") + " FROM " + t.name + " WHERE " + expr +
			" IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(chunk)), ", ") + ")"
		if where != "" {
			q += " AND " + where
		}
		err := m.dst.query(ctx, q, chunk, func(v []any) error {
			row := slices.Clone(v)
			out = append(out, row)
			return normaliseRow(t, row)
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
