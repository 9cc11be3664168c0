package find

import (
	"strings"

	"circlebook/backend/fold"
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// kind is how one kind of record is searched: its table (as t) and joins,
// the columns a hit is made of, its order, and the expressions the filters
// test ("" where a filter cannot apply: the kind then has no hit).
type kind struct {
	kind, label, table string
	from               string // FROM and joins; the kind's table is t, its circle c (a circle is t)
	cols               string // id, uuid, title, body, search_key, day, circle, private, session_id, visibility, number
	order              string
	circleOf           string // a condition on the ids (?) of the circles circle: and --circle name, or ""
	personOf           string // a condition on a person name key (?), or ""
	day                string // the record's day (YYYY-MM-DD) or ""
	is                 map[string]string
}

const inCircle = "t.circle_id IN ?"

// memberOf is the person: condition of a record in the circle whose id is
// the column circle: someone of that name is a member.
func memberOf(circle string) string {
	return "EXISTS (SELECT 1 FROM memberships m JOIN people mp ON mp.id = m.person_id WHERE m.circle_id = " + circle +
		" AND mp.name_key LIKE ? ESCAPE '!')"
}

// kinds in the palette's order. A status test concatenates the status
// with an empty string where the table has an index led by status: SQLite, never ANALYZEd, would
// otherwise read every open (or planned) row from it and test each against
// the search, where the search's few matches looked up by id cost far less.
var kinds = []kind{
	{kind: "circles", label: "Circles", table: "circles", from: "circles t",
		cols:  "t.id, t.uuid, t.name AS title, t.purpose AS body, t.search_key, t.start_date AS day, t.name AS circle",
		order: "t.name_key, t.id", circleOf: "t.id IN ?", personOf: memberOf("t.id"), day: "t.start_date"},
	{kind: "people", label: "People", table: "people", from: "people t",
		cols:     "t.id, t.uuid, t.name AS title, t.title AS body, t.search_key, '' AS day, '' AS circle",
		order:    "t.name_key, t.id",
		circleOf: "EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = t.id AND m.circle_id IN ?)",
		personOf: "t.name_key LIKE ? ESCAPE '!'"},
	{kind: "sessions", label: "Sessions", table: "sessions", from: "sessions t JOIN circles c ON c.id = t.circle_id",
		cols:  "t.id, t.uuid, t.topic AS title, t.topic AS body, t.search_key, substr(t.starts_at, 1, 10) AS day, c.name AS circle, t.id AS session_id, t.number",
		order: "t.id DESC", circleOf: inCircle, personOf: memberOf("c.id"), day: "substr(t.starts_at, 1, 10)",
		is: map[string]string{"open": "t.status || '' = 'planned'", "done": "t.status || '' = 'held'"}},
	{kind: "notes", label: "Notes", table: "notes", from: "notes t JOIN sessions s ON s.id = t.session_id JOIN circles c ON c.id = s.circle_id",
		cols:  "t.id, t.uuid, s.topic AS title, t.body, t.search_key, substr(s.starts_at, 1, 10) AS day, c.name AS circle, t.visibility = 'private' AS private, s.id AS session_id, t.visibility, s.number",
		order: "t.id DESC", circleOf: "s.circle_id IN ?", personOf: memberOf("c.id"), day: "substr(s.starts_at, 1, 10)",
		is: map[string]string{"private": "t.visibility = 'private'"}},
	{kind: "actions", label: "Action items", table: "action_items",
		from:  "action_items t JOIN circles c ON c.id = t.circle_id LEFT JOIN people p ON p.id = t.owner_id",
		cols:  "t.id, t.uuid, t.text AS title, t.text AS body, t.search_key, t.due_on AS day, c.name AS circle, COALESCE(t.session_id, 0) AS session_id, t.circle_id",
		order: "t.id DESC", circleOf: inCircle, personOf: "p.name_key LIKE ? ESCAPE '!'", day: "t.due_on",
		is: map[string]string{"open": "t.status || '' = 'open'", "done": "t.status || '' = 'done'"}},
	{kind: "goals", label: "Goals", table: "goals", from: "goals t JOIN people p ON p.id = t.person_id LEFT JOIN circles c ON c.id = t.circle_id",
		cols:  "t.id, t.uuid, t.title, t.why AS body, t.search_key, t.target_date AS day, COALESCE(c.name, '') AS circle, t.visibility = 'private' AS private, p.name AS person",
		order: "t.id DESC", circleOf: inCircle, personOf: "p.name_key LIKE ? ESCAPE '!'", day: "t.target_date",
		is: map[string]string{"open": "t.status IN ('draft', 'active', 'at_risk')", "done": "t.status = 'achieved'", "private": "t.visibility = 'private'"}},
	{kind: "topics", label: "Topics", table: "topics", from: "topics t",
		cols: "t.id, t.uuid, t.name AS title, t.name AS body, t.search_key, '' AS day, '' AS circle", order: "t.id DESC"},
}

// like is a LIKE pattern for the keys starting with prefix ('!' escapes).
func like(prefix string) string {
	r := strings.NewReplacer("!", "!!", "%", "!%", "_", "!_")
	return r.Replace(prefix) + "%"
}

// circleLike is the LIKE pattern for the circle names a circle: filter
// names, and the part of it before any separator (for an index range): the
// name's key starts with the filter's, where a space, hyphen, underscore,
// dot or slash in the filter stands for any one character
// ("circle:product-craft" finds Product Craft Circle, and "product_craft"
// finds Product-Craft).
func circleLike(v string) (pattern, lead string) {
	parts := strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune(" -_./", r) })
	esc := make([]string, len(parts))
	for i, p := range parts {
		esc[i] = strings.TrimSuffix(like(p), "%")
	}
	if len(parts) > 0 && strings.IndexAny(v, " -_./") > 0 {
		lead = parts[0]
	} else if len(parts) == 1 {
		lead = parts[0]
	}
	return strings.Join(esc, "_") + "%", lead
}

// next is the least string after every string that starts with prefix
// (not empty), compared byte by byte: prefix with its last byte one more
// (a folded key's last byte is at most 0xBF, so this never overflows).
func next(prefix string) string {
	b := []byte(prefix)
	b[len(b)-1]++
	return string(b)
}

// query writes the kind's statement for t (its SQL and arguments, the
// LIMIT left to the caller), or ok false when a filter rules the whole
// kind out. It is written by hand, not through GORM's builder: a search
// writes seven, and GORM's parse of each FROM with its joins cost more
// than the smaller kinds' reads.
func (k kind) query(tx *gorm.DB, t search.Terms, circles []uint) (sql string, args []any, ok bool) {
	idx := search.For(tx)
	from, order := k.from, k.order
	cond, args := idx.Condition(k.table, "t", t)
	if l, ok := idx.(search.Leader); ok {
		if f, c, o, a := l.Lead(k.table, "t", t); f != "" {
			from, cond, args = f+strings.TrimPrefix(k.from, k.table+" t"), c, a
			if order == "t.id DESC" { // the index's rowid order, which it reads backwards and stops early
				order = o
			}
		}
	}
	var where []string
	add := func(c string, a ...any) {
		where = append(where, c)
		args = append(args, a...)
	}
	if cond != "" {
		where = append(where, cond)
	}
	if circles != nil {
		if k.circleOf == "" {
			return "", nil, false
		}
		add(k.circleOf, circles)
	}
	if t.Person != "" {
		if k.personOf == "" {
			return "", nil, false
		}
		add(k.personOf, like(t.Person))
	}
	if t.Before != "" || t.After != "" {
		if k.day == "" {
			return "", nil, false
		}
		add(k.day + " <> ''")
		if t.Before != "" {
			add(k.day+" < ?", t.Before)
		}
		if t.After != "" {
			add(k.day+" > ?", t.After)
		}
	}
	if t.Is != "" {
		c, has := k.is[t.Is]
		if !has {
			return "", nil, false
		}
		add(c)
	}
	sql = "SELECT " + k.cols + " FROM " + from
	if len(where) > 0 {
		sql += " WHERE (" + strings.Join(where, ") AND (") + ")"
	}
	return sql + " ORDER BY " + order, args, true
}

// group reads up to limit hits of the kind, testing each row against the
// exact rule where the index may give more (PostgreSQL: phrases by their
// words); where it is exact, the rows are the hits as they come.
func (k kind) group(tx *gorm.DB, t search.Terms, req Request, circles []uint, limit int) (Group, error) {
	g := Group{Kind: k.kind, Label: k.label, Hits: []Hit{}}
	sql, args, ok := k.query(tx, t, circles)
	if !ok {
		return g, nil
	}
	exact := exact(tx, t)
	if exact {
		sql += " LIMIT ?" // one more than shown tells More
		args = append(args, limit+1)
	}
	rows, err := tx.Raw(sql, args...).Rows()
	if err != nil {
		return g, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return g, err
	}
	for rows.Next() {
		var r row
		if err := rows.Scan(r.fields(cols)...); err != nil {
			return g, err
		}
		if !exact && !t.Match(r.SearchKey) {
			continue
		}
		if len(g.Hits) == limit {
			g.More = true
			break
		}
		g.Hits = append(g.Hits, k.hit(r, t, req.Query))
	}
	return g, rows.Err()
}

// exact reports whether every row the kind's query gives matches t, so a
// LIMIT may stop it: always on SQLite (FTS5 matches phrases), and on
// PostgreSQL when no term is a phrase (its index keeps no positions).
func exact(tx *gorm.DB, t search.Terms) bool {
	if _, fts := search.For(tx).(search.Leader); fts {
		return true
	}
	for _, list := range [][]search.Term{t.Must, t.Not} {
		for _, m := range list {
			if len(m.Words) > 1 {
				return false
			}
		}
	}
	return true
}

// circleIDs are the circles a search is kept to: those whose name key
// starts with t.Circle (circle:) and, with req.Circle, the one of that
// name; nil when neither is given. Resolved once a search, so a kind tests
// each row's circle id, not its circle's name.
func circleIDs(tx *gorm.DB, t search.Terms, req Request) ([]uint, error) {
	if t.Circle == "" && req.Circle == "" {
		return nil, nil
	}
	q := tx.Table("circles")
	if t.Circle != "" {
		pattern, lead := circleLike(t.Circle)
		q = q.Where("name_key LIKE ? ESCAPE '!'", pattern)
		if _, fts := search.For(tx).(search.Leader); fts && lead != "" {
			// SQLite compares keys byte by byte: the keys starting with
			// lead lie in [lead, next), a range of the name_key index,
			// where LIKE alone reads every circle.
			q = q.Where("name_key >= ? AND name_key < ?", lead, next(lead))
		}
	}
	if req.Circle != "" {
		q = q.Where("name_key = ?", fold.Key(req.Circle))
	}
	ids := []uint{}
	err := q.Order("id").Pluck("id", &ids).Error
	return ids, err
}
