package dbcopy

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The merge's rules cover every table the copy carries; their references
// are the schema's foreign keys, and their keys its unique indexes (but
// for the UUIDs'), so no reference is left unrewritten and no new row
// meets a unique index the merge did not look it up by. A reference a
// deleted parent sets NULL is loose, never part of where a row belongs,
// so a parent deleted on one side is no conflict.
func TestMergeRulesMatchTheSchema(t *testing.T) {
	st, tables := schemaAndPlan(t)
	for _, tb := range tables {
		r, ok := rules[tb.name]
		if tb.derived {
			continue
		}
		if !ok {
			t.Errorf("%s has no merge rule", tb.name)
			continue
		}
		var fks []struct{ From, Table, OnDelete string }
		if err := st.DB.Raw(`SELECT "from", "table", on_delete FROM pragma_foreign_key_list(?)`, tb.name).Scan(&fks).Error; err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for _, fk := range fks {
			want[fk.From] = fk.Table
			setNull := fk.OnDelete == "SET NULL"
			if slices.Contains(r.identity, fk.From) && setNull {
				t.Errorf("%s: %s is part of where a row belongs, but a deleted %s leaves it NULL on one side: make it loose", tb.name, fk.From, fk.Table)
			}
			if slices.Contains(r.loose, fk.From) && !setNull {
				t.Errorf("%s: %s is loose, but its foreign key is ON DELETE %s", tb.name, fk.From, fk.OnDelete)
			}
		}
		if !maps.Equal(r.refs, want) && !(len(r.refs) == 0 && len(want) == 0) {
			t.Errorf("%s: the rule rewrites %v, the schema's foreign keys are %v", tb.name, r.refs, want)
		}
		var keys []string
		var idx []struct {
			Name   string
			Origin string
		}
		if err := st.DB.Raw(`SELECT name, origin FROM pragma_index_list(?) WHERE "unique"`, tb.name).Scan(&idx).Error; err != nil {
			t.Fatal(err)
		}
		for _, ix := range idx {
			var cols []string
			if err := st.DB.Raw(`SELECT COALESCE(name, '') FROM pragma_index_info(?) ORDER BY seqno`, ix.Name).Scan(&cols).Error; err != nil {
				t.Fatal(err)
			}
			var def string
			st.DB.Raw("SELECT COALESCE(sql, '') FROM sqlite_master WHERE name = ?", ix.Name).Scan(&def)
			for i, c := range cols {
				if c == "" { // an expression: lower(col), as a case-insensitive key
					if m := lowerCol.FindStringSubmatch(def); m != nil && m[1] == r.fold {
						cols[i] = m[1]
					}
				}
			}
			if m := isNull.FindStringSubmatch(def); m != nil {
				cols = append(cols, m[1]) // unique among the rows where col is NULL: the key with NULL as a value covers it
			}
			k := strings.Join(cols, ",")
			if k != "uuid" && k != "list_order" && !slices.Contains(keys, k) { // SQLite's list order is the triggers'
				keys = append(keys, k)
			}
		}
		var ruleKeys []string
		if len(r.key) > 0 {
			ruleKeys = []string{strings.Join(r.key, ",")}
		}
		if !slices.Equal(keys, ruleKeys) {
			t.Errorf("%s: the rule matches by %v, the schema's unique keys are %v", tb.name, ruleKeys, keys)
		}
		for _, c := range slices.Concat(r.identity, r.loose, r.key) {
			if tb.col(c) < 0 {
				t.Errorf("%s: the rule names %s, which the table has not", tb.name, c)
			}
		}
	}
}

// lowerCol finds the column of an index on lower(col).
var lowerCol = regexp.MustCompile(`lower\((\w+)\)`)

// isNull finds the column of a partial index's WHERE col IS NULL.
var isNull = regexp.MustCompile(`(?i)WHERE\s+(\w+)\s+IS\s+NULL`)
