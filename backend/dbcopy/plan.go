package dbcopy

import (
	"reflect"
	"sync"
	"time"

	"circlebook/backend/model"

	"gorm.io/gorm/schema"
)

// kind is how a column's values are normalised, written and hashed, so that
// both engines give the same: SQLite keeps bools as 0/1 and times as text,
// PostgreSQL as boolean and timestamptz.
type kind uint8

const (
	kindInt  kind = iota // integers and keys, NULL allowed
	kindBool             // booleans
	kindTime             // instants (created_at, updated_at)
	kindText             // everything else
)

// column is one column a table's copy carries.
type column struct {
	name string
	kind kind
}

// table is one table of the plan: its columns, the key its rows are read
// and hashed in order of, and whether triggers keep it (derived).
type table struct {
	name    string
	cols    []column
	key     []string // keyset order: id, or a composite primary key
	derived bool     // kept by the target's triggers from the copied rows: compared, never written
	live    string   // for a derived table: the condition its rows count in (zero rows are none)
}

// models are the entities the copy carries, parents before children, so
// every foreign key finds its row already copied (plan_test checks the
// order against the schema's foreign keys).
var models = []any{
	&model.Circle{}, &model.Person{}, &model.Topic{},
	&model.Membership{}, &model.Session{}, &model.AgendaItem{}, &model.Attendance{},
	&model.Note{}, &model.NoteRevision{}, &model.Pin{}, &model.ActionItem{}, &model.SessionTopic{},
	&model.Framework{}, &model.FrameworkItem{}, &model.CircleFramework{}, &model.Goal{}, &model.GoalTask{},
	&model.GoalCheckIn{}, &model.Milestone{}, &model.SkillRating{}, &model.SessionFeedback{}, &model.GoalItem{},
	&model.NeverMatch{}, &model.MatchTag{},
}

// derivedTables are the tables the triggers keep from the rows above. The
// copy lets the target's own triggers build them as the rows go in, then
// compares them with the source's. A row of zeros means the same as no row
// (a bucket emptied stays at 0), so only live rows are compared.
var derivedTables = []table{
	{name: "circle_tallies", key: []string{"circle_id"}, derived: true,
		cols: []column{{"circle_id", kindInt}, {"present", kindInt}, {"late", kindInt}, {"excused", kindInt}, {"absent", kindInt}},
		live: "present <> 0 OR late <> 0 OR excused <> 0 OR absent <> 0"},
	{name: "topic_counts", key: []string{"topic_id"}, derived: true,
		cols: []column{{"topic_id", kindInt}, {"sessions", kindInt}}, live: "sessions <> 0"},
	{name: "name_prefixes", key: []string{"list", "depth", "prefix"}, derived: true,
		cols: []column{{"list", kindText}, {"depth", kindInt}, {"prefix", kindText}, {"n", kindInt}}, live: "n <> 0"},
	{name: "today_streaks", key: []string{"circle_id", "person_id"}, derived: true,
		cols: []column{{"circle_id", kindInt}, {"person_id", kindInt}, {"last_attended", kindText}, {"last_absent", kindText}},
		live: "last_attended <> '' OR last_absent <> ''"},
	{name: "today_circles", key: []string{"circle_id"}, derived: true,
		cols: []column{{"circle_id", kindInt}, {"meets", kindInt}, {"last_held", kindText}, {"last_planned", kindText}},
		live: "1 = 1"}, // every circle has its row, made with it
}

// localTables are this laptop's own state, which the copy leaves out (as
// bundles do): the Today screen's snoozes, dismissals and thresholds, whose
// keys name the source's local ids, and the search palette's recent
// searches and recently opened items; and the roster import's presets and
// undo records (whose records name the source's local ids).
var localTables = []string{"today_marks", "today_settings", "search_recent", "search_opened", "roster_presets", "roster_imports"}

// plan lists the tables to copy, in foreign-key order, then the derived ones.
func plan() ([]table, error) {
	out := make([]table, 0, len(models)+len(derivedTables))
	cache := &sync.Map{}
	for _, m := range models {
		s, err := schema.Parse(m, cache, schema.NamingStrategy{})
		if err != nil {
			return nil, err
		}
		out = append(out, modelTable(s))
	}
	return append(out, derivedTables...), nil
}

// modelTable is the table a parsed model maps to: its columns as the model
// states them, keyed by its primary key.
func modelTable(s *schema.Schema) table {
	t := table{name: s.Table}
	for _, f := range s.Fields {
		if f.DBName == "" {
			continue
		}
		t.cols = append(t.cols, column{name: f.DBName, kind: kindOf(f.FieldType)})
	}
	for _, f := range s.PrimaryFields {
		t.key = append(t.key, f.DBName)
	}
	return t
}

// kindOf maps a model field's Go type to its kind.
func kindOf(ty reflect.Type) kind {
	for ty.Kind() == reflect.Pointer {
		ty = ty.Elem()
	}
	switch {
	case ty == reflect.TypeOf(time.Time{}):
		return kindTime
	case ty.Kind() == reflect.Bool:
		return kindBool
	case ty.Kind() >= reflect.Int && ty.Kind() <= reflect.Uint64:
		return kindInt
	}
	return kindText
}

// names lists a table's column names.
func (t table) names() []string {
	out := make([]string, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.name
	}
	return out
}
