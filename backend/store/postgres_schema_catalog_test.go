package store

import (
	"cmp"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// What TestPostgresBaselineParity reads of each engine's catalog, written
// so that the two can be compared.

// column is what the parity test compares of a column.
type column struct {
	Name, Kind string
	NotNull    bool
	Default    string // normalised: no casts, no quotes around numbers, bools as 0 and 1
}

func (c column) String() string {
	null := "null"
	if c.NotNull {
		null = "not null"
	}
	return fmt.Sprintf("%s %s %s default %q", c.Name, c.Kind, null, c.Default)
}

// kindDiffers lists the columns whose SQLite type is not the model's: the
// baseline follows the model.
var kindDiffers = map[string]string{
	"agenda_items.done": "bool", // SQLite: INTEGER 0/1 (schema_v1.sql); model.AgendaItem.Done is a bool
}

func sqliteTables(t *testing.T, db *gorm.DB) (tables, fts []string) {
	t.Helper()
	var rows []struct{ Name, SQL string }
	if err := db.Raw(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
		AND name <> 'schema_migrations' ORDER BY name`).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if strings.HasPrefix(r.SQL, "CREATE VIRTUAL TABLE") {
			fts = append(fts, r.Name)
		}
	}
	for _, r := range rows {
		shadow := slices.ContainsFunc(fts, func(v string) bool { return r.Name == v || strings.HasPrefix(r.Name, v+"_") })
		if !shadow {
			tables = append(tables, r.Name)
		}
	}
	return tables, fts
}

func postgresTables(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	var tables []string
	if err := db.Raw(`SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`).Scan(&tables).Error; err != nil {
		t.Fatal(err)
	}
	return tables
}

func sqliteColumns(t *testing.T, db *gorm.DB, table string) []column {
	t.Helper()
	var rows []struct {
		Name, Type string
		NotNull    bool `gorm:"column:notnull"`
		Dflt       *string
		PK         int `gorm:"column:pk"`
	}
	if err := db.Raw(`SELECT name, type, "notnull", dflt_value AS dflt, pk FROM pragma_table_info(?) ORDER BY cid`, table).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var out []column
	for _, r := range rows {
		kind := map[string]string{"INTEGER": "integer", "TEXT": "text", "DATETIME": "time", "BOOLEAN": "bool", "REAL": "real", "BLOB": "blob"}[strings.ToUpper(r.Type)]
		if k, ok := kindDiffers[table+"."+r.Name]; ok {
			kind = k
		}
		out = append(out, column{r.Name, cmp.Or(kind, "? "+r.Type), r.NotNull || r.PK > 0, normalDefault(r.Dflt, kind)})
	}
	return out
}

func postgresColumns(t *testing.T, db *gorm.DB, table string) []column {
	t.Helper()
	var rows []struct {
		ColumnName, DataType, IsNullable string
		ColumnDefault                    *string
	}
	if err := db.Raw(`SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`, table).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var out []column
	for _, r := range rows {
		if r.ColumnName == "search_words" {
			continue // PostgreSQL's stored words for its GIN index, computed by the server (2026-12-04-pg-search-vectors); SQLite's are FTS5 tables
		}
		kind := postgresKind(r.DataType)
		out = append(out, column{r.ColumnName, cmp.Or(kind, "? "+r.DataType), r.IsNullable == "NO", normalDefault(r.ColumnDefault, kind)})
	}
	return out
}

func postgresKind(dataType string) string {
	return map[string]string{
		"bigint": "integer", "integer": "integer", "smallint": "integer", "text": "text", "character varying": "text",
		"timestamp with time zone": "time", "timestamp without time zone": "time", "boolean": "bool",
		"real": "real", "double precision": "real", "numeric": "real", "bytea": "blob",
	}[dataType]
}

var (
	castSuffix = regexp.MustCompile(`::[a-z ]+$`)
	quotedInt  = regexp.MustCompile(`^'-?[0-9]+'$`)
)

// normalDefault writes a column default as both engines can be compared by:
// '-1'::integer and -1 alike, false and 0 alike for a bool.
func normalDefault(d *string, kind string) string {
	if d == nil {
		return ""
	}
	s := castSuffix.ReplaceAllString(*d, "")
	if quotedInt.MatchString(s) {
		s = strings.Trim(s, "'")
	}
	if kind == "bool" {
		switch strings.ToLower(s) {
		case "false":
			s = "0"
		case "true":
			s = "1"
		}
	}
	return "= " + s
}

func sqlitePrimaryKey(t *testing.T, db *gorm.DB, table string) []string {
	t.Helper()
	var cols []string
	if err := db.Raw(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`, table).Scan(&cols).Error; err != nil {
		t.Fatal(err)
	}
	return cols
}

func postgresPrimaryKey(t *testing.T, db *gorm.DB, table string) []string {
	t.Helper()
	var cols []string
	if err := db.Raw(`SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
		WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`, table).Scan(&cols).Error; err != nil {
		t.Fatal(err)
	}
	return cols
}

// An index is compared as "[UNIQUE ](columns or expressions)[ WHERE predicate]":
// SQLite's x COLLATE NOCASE reads as lower(x), which is what it is on PostgreSQL.
// sqliteOnlyColumns are key columns SQLite's indexes end with that
// PostgreSQL's leave out, each for its reason: SQLite's people name index
// carries the search key (migration 2026-12-02-search-index); PostgreSQL's
// search reads its GIN index instead, and a PostgreSQL index row of the
// longest keys would pass its size limit (migration
// 2026-12-02-people-name-index).
var sqliteOnlyColumns = map[string][]string{
	"idx_people_name_key": {"search_key"},
}

func sqliteIndexes(t *testing.T, db *gorm.DB, table string) []string {
	t.Helper()
	var list []struct {
		Name   string
		Unique bool
		Origin string
	}
	if err := db.Raw(`SELECT name, "unique", origin FROM pragma_index_list(?)`, table).Scan(&list).Error; err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ix := range list {
		if ix.Origin == "pk" {
			continue // compared as the primary key
		}
		var sql *string
		if err := db.Raw(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`, ix.Name).Scan(&sql).Error; err != nil {
			t.Fatal(err)
		}
		var cols []string
		pred := ""
		if sql != nil { // CREATE INDEX: its columns as written
			cols, pred = indexTerms(*sql)
		} else if err := db.Raw(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`, ix.Name).Scan(&cols).Error; err != nil {
			t.Fatal(err)
		}
		for i, c := range cols {
			if name, ok := strings.CutSuffix(c, " collate nocase"); ok {
				cols[i] = "lower(" + name + ")"
			}
		}
		if omit, ok := sqliteOnlyColumns[ix.Name]; ok && slices.Equal(cols[len(cols)-len(omit):], omit) {
			cols = cols[:len(cols)-len(omit)]
		}
		out = append(out, indexString(ix.Unique, cols, pred))
	}
	slices.Sort(out)
	return out
}

// indexTerms reads a CREATE INDEX statement's terms and WHERE predicate.
func indexTerms(sql string) (terms []string, pred string) {
	sql = strings.ToLower(sql)
	open := strings.Index(sql, "(")
	depth, start := 0, open+1
	for i := open; i < len(sql); i++ {
		switch sql[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				terms = append(terms, strings.TrimSpace(sql[start:i]))
				_, pred, _ = strings.Cut(sql[i:], " where ")
				return terms, pred
			}
		case ',':
			if depth == 1 {
				terms = append(terms, strings.TrimSpace(sql[start:i]))
				start = i + 1
			}
		}
	}
	return terms, ""
}

func indexString(unique bool, cols []string, pred string) string {
	s := "(" + strings.Join(cols, ", ") + ")"
	if unique {
		s = "UNIQUE " + s
	}
	if pred = strings.NewReplacer("::text", "", "(", "", ")", "", " ", "").Replace(strings.ToLower(pred)); pred != "" {
		s += " WHERE " + pred
	}
	return s
}

// searchIndexes are the indexes PostgreSQL has where SQLite has FTS5
// tables, with what they index, and ftsCounterparts which stands for which.
var (
	searchIndexes = map[string]string{
		"idx_people_search":  "people USING gin (search_words)",  // search_vector(search_key), stored (2026-12-04-pg-search-vectors)
		"idx_circles_search": "circles USING gin (search_words)", // search_vector(name_key), stored
		// search across everything (2026-12-04-search-everything)
		"idx_notes_search_key":        "notes USING gin (search_vector(search_key))",
		"idx_action_items_search_key": "action_items USING gin (search_vector(search_key))",
		"idx_sessions_search_key":     "sessions USING gin (search_vector(search_key))",
		"idx_goals_search_key":        "goals USING gin (search_vector(search_key))",
		"idx_topics_search_key":       "topics USING gin (search_vector(search_key))",
		"idx_circles_search_key":      "circles USING gin (search_vector(search_key))",
	}
	ftsCounterparts = map[string]string{
		"people_fts":       "idx_people_search",
		"circles_fts":      "idx_circles_search",
		"people_list_fts":  "idx_people_search", // the same words in list order (2026-12-02-search-order)
		"circles_list_fts": "idx_circles_search",
		"notes_fts":        "idx_notes_search_key",
		"action_items_fts": "idx_action_items_search_key",
		"sessions_fts":     "idx_sessions_search_key",
		"goals_fts":        "idx_goals_search_key",
		"topics_fts":       "idx_topics_search_key",
		"circles_text_fts": "idx_circles_search_key",
	}
)

func postgresIndexes(t *testing.T, db *gorm.DB, table string) []string {
	t.Helper()
	var list []struct {
		Name            string
		Unique, Primary bool
		Pred            *string
		Keys            int
		IndexRelID      uint32 `gorm:"column:indexrelid"`
	}
	if err := db.Raw(`SELECT c.relname AS name, i.indisunique AS "unique", i.indisprimary AS "primary",
			pg_get_expr(i.indpred, i.indrelid) AS pred, i.indnkeyatts AS keys, i.indexrelid
		FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = ?::regclass`, table).Scan(&list).Error; err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ix := range list {
		if _, ok := searchIndexes[ix.Name]; ix.Primary || ok {
			continue // compared as the primary key; by wantSearchIndexes
		}
		var cols []string
		for k := 1; k <= ix.Keys; k++ {
			var col string
			if err := db.Raw(`SELECT pg_get_indexdef(?::oid, ?, true)`, ix.IndexRelID, k).Scan(&col).Error; err != nil {
				t.Fatal(err)
			}
			cols = append(cols, strings.ReplaceAll(col, `"`, "")) // "position" is a keyword
		}
		pred := ""
		if ix.Pred != nil {
			pred = *ix.Pred
		}
		out = append(out, indexString(ix.Unique, cols, pred))
	}
	slices.Sort(out)
	return out
}

// wantSearchIndexes: the GIN indexes stand where SQLite's FTS5 tables do.
func wantSearchIndexes(t *testing.T, db *gorm.DB) {
	t.Helper()
	for name, want := range searchIndexes {
		var got string
		if err := db.Raw(`SELECT i.indrelid::regclass::text || ' USING ' || am.amname || ' (' || pg_get_indexdef(i.indexrelid, 1, true) || ')'
			FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
			WHERE i.indexrelid = ?::regclass AND i.indnatts = 1`, name).Scan(&got).Error; err != nil {
			t.Errorf("search index %s: %v", name, err)
		} else if got != want {
			t.Errorf("search index %s is %q, want %q", name, got, want)
		}
	}
}

// A foreign key is compared as "column -> table(column) ON DELETE action".
func sqliteForeignKeys(t *testing.T, db *gorm.DB, table string) []string {
	t.Helper()
	var rows []struct{ Table, From, To, OnDelete string }
	if err := db.Raw(`SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?)`, table).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s -> %s(%s) ON DELETE %s", r.From, r.Table, r.To, r.OnDelete))
	}
	slices.Sort(out)
	return out
}

func postgresForeignKeys(t *testing.T, db *gorm.DB, table string) []string {
	t.Helper()
	var rows []struct{ From, Table, To, OnDelete string }
	if err := db.Raw(`SELECT a.attname AS "from", f.relname AS "table", af.attname AS "to",
			CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'a' THEN 'NO ACTION'
				WHEN 'r' THEN 'RESTRICT' WHEN 'd' THEN 'SET DEFAULT' END AS on_delete
		FROM pg_constraint c JOIN pg_class f ON f.oid = c.confrelid
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
		WHERE c.contype = 'f' AND c.conrelid = ?::regclass AND cardinality(c.conkey) = 1`, table).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s -> %s(%s) ON DELETE %s", r.From, r.Table, r.To, r.OnDelete))
	}
	slices.Sort(out)
	return out
}

// A CHECK is compared as "column IN (values)", the only kind there is.
var (
	sqliteCheck   = regexp.MustCompile(`(\w+) IN \(([^)]*)\)`)
	postgresCheck = regexp.MustCompile(`^CHECK \(\((\w+) = ANY \(ARRAY\[(.*)\]\)\)\)$`)
	quoted        = regexp.MustCompile(`'([^']*)'`)
)

func checkString(col, values string) string {
	var vs []string
	for _, m := range quoted.FindAllStringSubmatch(values, -1) {
		vs = append(vs, m[1])
	}
	return col + " IN (" + strings.Join(vs, ",") + ")"
}

func sqliteChecks(t *testing.T, db *gorm.DB, table string) []string {
	t.Helper()
	var sql string
	if err := db.Raw(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&sql).Error; err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range sqliteCheck.FindAllStringSubmatch(sql, -1) {
		out = append(out, checkString(m[1], m[2]))
	}
	slices.Sort(out)
	return out
}

func postgresChecks(t *testing.T, db *gorm.DB, table string) []string {
	t.Helper()
	var defs []string
	if err := db.Raw(`SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c' AND conrelid = ?::regclass`, table).Scan(&defs).Error; err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range defs {
		m := postgresCheck.FindStringSubmatch(d)
		if m == nil {
			out = append(out, "? "+d)
			continue
		}
		out = append(out, checkString(m[1], m[2]))
	}
	slices.Sort(out)
	return out
}

// Triggers are compared as "table.name"; SQLite's FTS5 triggers have no
// counterpart (PostgreSQL's GIN indexes keep themselves), nor have its
// *_list_* triggers, which keep list_order as FTS5's rowids need it.
func sqliteTriggers(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	var out []string
	if err := db.Raw(`SELECT tbl_name || '.' || name FROM sqlite_master WHERE type = 'trigger'
		AND name NOT LIKE '%\_fts\_%' ESCAPE '\' AND name NOT LIKE '%\_list\_%' ESCAPE '\' ORDER BY 1`).Scan(&out).Error; err != nil {
		t.Fatal(err)
	}
	return out
}

func postgresTriggers(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	var out []string
	if err := db.Raw(`SELECT c.relname || '.' || g.tgname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
		WHERE NOT g.tgisinternal ORDER BY 1`).Scan(&out).Error; err != nil {
		t.Fatal(err)
	}
	return out
}

func topicNames(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	var out []string
	if err := db.Raw(`SELECT id || ' ' || uuid || ' ' || name FROM topics ORDER BY id`).Scan(&out).Error; err != nil {
		t.Fatal(err)
	}
	return out
}

// wantModelsFit: every model's table has a column for each of its fields
// and no other, of the kind its Go type is, null only for a pointer.
func wantModelsFit(t *testing.T, db *gorm.DB) {
	t.Helper()
	models := []any{&model.Circle{}, &model.Person{}, &model.Membership{}, &model.Session{}, &model.AgendaItem{},
		&model.Attendance{}, &model.Note{}, &model.NoteRevision{}, &model.Pin{}, &model.ActionItem{},
		&model.Topic{}, &model.SessionTopic{}, &model.Goal{}, &model.GoalTask{}, &model.GoalCheckIn{},
		&model.Milestone{}, &model.Framework{}, &model.FrameworkItem{}, &model.CircleFramework{},
		&model.SkillRating{}, &model.SessionFeedback{}}
	for _, m := range models {
		s, err := schema.Parse(m, &sync.Map{}, schema.NamingStrategy{})
		if err != nil {
			t.Fatal(err)
		}
		var want []column
		for _, f := range s.Fields {
			if f.DBName == "" {
				continue // an association
			}
			typ := f.FieldType
			ptr := typ.Kind() == reflect.Pointer
			if ptr {
				typ = typ.Elem()
			}
			want = append(want, column{Name: f.DBName, Kind: goKind(typ), NotNull: !ptr})
		}
		var got []column
		for _, c := range postgresColumns(t, db, s.Table) {
			if c.Name == "list_order" {
				continue // no model writes it: SQLite's triggers keep it (2026-12-02-search-order)
			}
			c.Default = ""
			got = append(got, c)
		}
		slices.SortFunc(want, func(a, b column) int { return strings.Compare(a.Name, b.Name) })
		slices.SortFunc(got, func(a, b column) int { return strings.Compare(a.Name, b.Name) })
		wantEqual(t, s.Table+": model "+s.Name+" and PostgreSQL's columns", want, got)
	}
}

func goKind(t reflect.Type) string {
	switch {
	case t == reflect.TypeFor[time.Time]():
		return "time"
	case t.Kind() == reflect.Bool:
		return "bool"
	case t.Kind() == reflect.String:
		return "text"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return "integer"
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		return "real"
	}
	return "? " + t.String()
}

// wantBinaryText: every text column is COLLATE "C", so it compares, sorts
// and lower()s as SQLite's BINARY columns do.
func wantBinaryText(t *testing.T, db *gorm.DB) {
	t.Helper()
	var other []string
	if err := db.Raw(`SELECT table_name || '.' || column_name || ' ' || COALESCE(collation_name, 'default')
		FROM information_schema.columns WHERE table_schema = current_schema() AND data_type = 'text'
		AND COALESCE(collation_name, '') <> 'C' ORDER BY 1`).Scan(&other).Error; err != nil {
		t.Fatal(err)
	}
	if len(other) > 0 {
		t.Errorf("text columns not COLLATE \"C\": %v", other)
	}
}
