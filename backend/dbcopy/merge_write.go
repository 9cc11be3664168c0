package dbcopy

import (
	"context"
	"fmt"
	"slices"

	"circlebook/backend/bundle"
	"circlebook/backend/model"
	"circlebook/backend/store"

	"github.com/google/uuid"
)

// newIDs gives n new ids for rows of t: on PostgreSQL from the table's
// sequence, so no other writer takes them too; on SQLite past the highest
// the table ever gave (the transaction holds the file's one write lock,
// and SQLite moves its counter past the ids written).
func (m *merger) newIDs(ctx context.Context, t table, n int) ([]int64, error) {
	ids := make([]int64, 0, n)
	if m.dst.dialect() == store.Postgres {
		err := m.dst.query(ctx, "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)", []any{t.name, n},
			func(vals []any) error {
				id, err := toInt(vals[0])
				ids = append(ids, id.(int64))
				return err
			})
		return ids, err
	}
	last, ok := m.next[t.name]
	if !ok {
		hw, err := highWater(ctx, m.dst, t)
		if err != nil {
			return nil, err
		}
		top, err := countQuery(ctx, m.dst, "SELECT MAX(id) FROM "+t.name)
		if err != nil {
			return nil, err
		}
		last = max(hw, top)
	}
	for range n {
		last++
		ids = append(ids, last)
	}
	m.next[t.name] = last
	return ids, nil
}

// textSpace names the UUIDs of the revisions that keep a source's note
// text a merge did not take (see rules).
var textSpace = uuid.MustParse("4e0d8a57-3b1f-4f5e-a0c2-9d7b6e1f2a83")

// insertTexts adds, for each kept note whose text differed, the source's
// text as a revision of the target's note, unless an earlier merge did.
func (m *merger) insertTexts(ctx context.Context, tables []table) error {
	if len(m.texts) == 0 {
		return nil
	}
	notes, revs := tables[slices.IndexFunc(tables, func(t table) bool { return t.name == "notes" })],
		tables[slices.IndexFunc(tables, func(t table) bool { return t.name == "note_revisions" })]
	var rows [][]any
	var uuids []any
	for _, x := range m.texts {
		note, src := x[1].(string), x[2].([]any)
		body := src[notes.col("body")].(string)
		id := uuid.NewSHA1(textSpace, []byte(note+"\n"+body)).String()
		at := src[notes.col("updated_at")]
		vals := map[string]any{"uuid": id, "created_at": at, "updated_at": at, "note_id": x[0],
			"version": src[notes.col("version")], "body": body, "reason": model.RevisionBeforeRestore}
		row := make([]any, len(revs.cols))
		for i, c := range revs.cols {
			row[i] = vals[c.name]
		}
		rows, uuids = append(rows, row), append(uuids, id)
	}
	m.texts = nil
	found, err := m.lookup(ctx, revs, "uuid", "", uuids)
	if err != nil {
		return err
	}
	at := revs.col("uuid")
	rows = slices.DeleteFunc(rows, func(r []any) bool {
		return slices.ContainsFunc(found, func(f []any) bool { return f[at] == r[at] })
	})
	ids, err := m.newIDs(ctx, revs, len(rows))
	if err != nil {
		return err
	}
	for i, row := range rows {
		row[revs.col("id")] = ids[i]
	}
	m.extra[revs.name] += int64(len(rows))
	if len(rows) == 0 {
		return nil
	}
	return m.dst.insert(ctx, revs, rows)
}

// number numbers the new sessions of the circles the target had by the
// bundle import's rule: they keep their numbers unless taken there.
func (m *merger) number() error {
	for circle, ids := range m.sessions {
		if err := bundle.NumberSessions(m.gtx, uint(circle), ids); err != nil {
			return fmt.Errorf("circle %d: %w", circle, err)
		}
	}
	return nil
}
