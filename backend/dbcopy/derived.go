package dbcopy

import (
	"context"
	"errors"
	"fmt"

	"circlebook/backend/store"
)

// rebuildPostgres is the derived tables counted afresh from the copied
// rows: what the triggers would have made row by row (circle_tallies.sql,
// list_counts.sql), but for rows of zeros, which mean the same as none.
var rebuildPostgres = []string{
	`DELETE FROM circle_tallies`,
	`DELETE FROM topic_counts`,
	`DELETE FROM name_prefixes`,
	`DELETE FROM today_streaks`,
	`DELETE FROM today_circles`,
	`INSERT INTO today_circles (circle_id, meets, last_held, last_planned) ` + todayCircles,
	`INSERT INTO today_streaks (circle_id, person_id, last_attended, last_absent) SELECT * FROM (SELECT s.circle_id, a.person_id,
	   COALESCE(MAX(CASE WHEN s.status = 'held' AND a.status IN ('present', 'late') THEN s.starts_at END), '') AS last_attended,
	   COALESCE(MAX(CASE WHEN s.status = 'held' AND a.status = 'absent' THEN s.starts_at END), '') AS last_absent
	 FROM attendance a JOIN sessions s ON s.id = a.session_id GROUP BY s.circle_id, a.person_id) q
	 WHERE last_attended <> '' OR last_absent <> ''`,
	`INSERT INTO circle_tallies (circle_id, present, late, excused, absent)
	 SELECT s.circle_id, COUNT(*) FILTER (WHERE a.status = 'present'), COUNT(*) FILTER (WHERE a.status = 'late'),
	   COUNT(*) FILTER (WHERE a.status = 'excused'), COUNT(*) FILTER (WHERE a.status = 'absent')
	 FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.status = 'held' GROUP BY s.circle_id`,
	`INSERT INTO topic_counts (topic_id, sessions) SELECT topic_id, COUNT(*) FROM session_topics GROUP BY topic_id`,
	`INSERT INTO name_prefixes (list, depth, prefix, n)
	 SELECT 'people', d, substr(name_key, 1, d), COUNT(*) FROM people, generate_series(1, 4) AS d GROUP BY d, substr(name_key, 1, d)`,
	`INSERT INTO name_prefixes (list, depth, prefix, n)
	 SELECT 'circles', d, substr(name_key, 1, d), COUNT(*) FROM circles, generate_series(1, 4) AS d GROUP BY d, substr(name_key, 1, d)`,
	`INSERT INTO name_prefixes (list, depth, prefix, n)
	 SELECT 'circles-current', d, substr(name_key, 1, d), COUNT(*) FROM circles, generate_series(1, 4) AS d
	 WHERE status <> 'archived' GROUP BY d, substr(name_key, 1, d)`,
}

// triggeredSQL lists the tables of the schema that have triggers of their own.
const triggeredSQL = `SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace ORDER BY 1`

// ErrNotOwner refuses a PostgreSQL target whose tables the role does not own.
var ErrNotOwner = errors.New("the target's role does not own its tables")

// startBulk readies a PostgreSQL target for loading and returns what
// finishes the load; on SQLite it does nothing and returns nil. Row by row,
// each mark's trigger would update its circle's one tallies row, each
// person's the same few prefix rows, and in one transaction PostgreSQL
// keeps every version of those rows: loading would slow as it went. So the
// triggers go off and the indexes and keys are dropped (which needs the
// role to own the tables; setting the id counters does too). SQLite updates
// in place, so there the triggers build the derived tables (and its search
// index and list order) as the rows go in.
func startBulk(ctx context.Context, c conn, tables []table) (*bulk, error) {
	if c.dialect() != store.Postgres {
		return nil, nil
	}
	var role string
	var owner bool
	err := c.query(ctx, `SELECT current_user::text, COALESCE(bool_and(pg_has_role(c.relowner, 'USAGE')), false) FROM pg_class c
		WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(?)`, []any{tableNames(tables)}, func(vals []any) error {
		role, _ = vals[0].(string)
		owner, _ = vals[1].(bool)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if !owner {
		return nil, fmt.Errorf("%w: copy as the role that owns them (the one that first opened the database), not %s", ErrNotOwner, role)
	}
	b := &bulk{}
	err = c.query(ctx, triggeredSQL, nil, func(vals []any) error {
		b.triggered = append(b.triggered, vals[0].(string))
		return nil
	})
	if err == nil {
		err = switchTriggers(ctx, c, b.triggered, false)
	}
	if err == nil {
		b.restore, err = dropKeys(ctx, c, tableNames(tables))
	}
	return b, err
}

// switchTriggers turns the user triggers of tables off or back on, inside
// the copy's transaction.
func switchTriggers(ctx context.Context, c conn, tables []string, on bool) error {
	verb := "DISABLE"
	if on {
		verb = "ENABLE"
	}
	for _, t := range tables {
		if err := c.exec(ctx, "ALTER TABLE "+t+" "+verb+" TRIGGER USER"); err != nil {
			return fmt.Errorf("%s the triggers of %s: %w", verb, t, err)
		}
	}
	return nil
}

// tableNames lists the tables' names.
func tableNames(tables []table) []string {
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = t.name
	}
	return names
}

// bulk is a PostgreSQL load with the triggers off and the keys dropped.
type bulk struct {
	triggered []string // the tables whose triggers are off
	restore   []string // what makes the indexes and keys again
}

// finish counts the derived tables afresh, makes the indexes and keys
// again (checking every foreign key and unique key over all the rows), and
// turns the triggers back on.
func (b *bulk) finish(ctx context.Context, c conn) error {
	for _, stmt := range rebuildPostgres {
		if err := c.exec(ctx, stmt); err != nil {
			return fmt.Errorf("rebuild the derived tables: %w", err)
		}
	}
	if err := restoreKeys(ctx, c, b.restore); err != nil {
		return err
	}
	return switchTriggers(ctx, c, b.triggered, true)
}
