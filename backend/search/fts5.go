package search

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// FTS5 is the index on SQLite: the FTS5 tables of migration
// 2026-12-02-search-index, kept in step with their tables by triggers, over
// the folded keys (tokenizer unicode61, prefix indexes of 1 to 3 characters).
type FTS5 struct{}

// ftsTables names each kind's FTS5 table and the table it indexes.
var ftsTables = map[Kind]struct{ fts, table string }{
	People:  {"people_fts", "people"},
	Circles: {"circles_fts", "circles"},
}

// From joins kind's table to the FTS5 matches, the matches first (CROSS
// JOIN keeps that order): the table is then read by rowid, once a match.
func (FTS5) From(kind Kind, alias string, q Query) (string, []any) {
	t := ftsTables[kind]
	return fmt.Sprintf("%[1]s CROSS JOIN %[2]s %[3]s ON %[3]s.id = %[1]s.rowid AND %[1]s MATCH ?", t.fts, t.table, alias),
		[]any{matchExpr(q)}
}

// Count counts matches in the FTS5 table alone, up to limit.
func (FTS5) Count(db *gorm.DB, kind Kind, q Query, limit int) (int, error) {
	t := ftsTables[kind]
	var n int
	err := db.Raw(fmt.Sprintf("SELECT COUNT(*) FROM (SELECT 1 FROM %[1]s WHERE %[1]s MATCH ? LIMIT ?)", t.fts), matchExpr(q), limit).
		Scan(&n).Error
	return n, err
}

// matchExpr writes q as an FTS5 query: each word a quoted prefix ("ana"*),
// all of them required; for a Rest, less the records whose first token
// starts with the word (NOT ^"ana"*). Words hold letters and digits only,
// so they need no escaping and can never be an operator (AND, NEAR, ^,
// ...); a quote is doubled all the same, should the word rule ever let one in.
func matchExpr(q Query) string {
	parts := make([]string, len(q.words))
	for i, w := range q.words {
		parts[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"*`
	}
	expr := strings.Join(parts, " ")
	if q.rest {
		expr += " NOT ^" + parts[0]
	}
	return expr
}
