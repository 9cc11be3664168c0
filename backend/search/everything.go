package search

import "strings"

// ftsTables names the FTS5 index of each table search across everything reads.
var ftsTables = map[string]string{
	"notes": "notes_fts", "action_items": "action_items_fts", "sessions": "sessions_fts", "goals": "goals_fts",
	"topics": "topics_fts", "circles": "circles_text_fts", "people": "people_fts",
}

// Condition is t's terms as a WHERE condition on table (as alias), read
// from its FTS5 index: exact, words by prefix and phrases in order; a
// spaceless term is a substring test of the key (instr), as Terms.Match.
func (FTS5) Condition(table, alias string, t Terms) (string, []any) {
	fts := ftsTables[table]
	var conds []string
	var args []any
	must, not := ftsParts(t.Must), ftsParts(t.Not)
	switch {
	case len(must) > 0:
		expr := "(" + strings.Join(must, ") AND (") + ")"
		for _, n := range not {
			expr += " NOT (" + n + ")"
		}
		conds = append(conds, alias+".id IN (SELECT rowid FROM "+fts+" WHERE "+fts+" MATCH ?)")
		args = append(args, expr)
	case len(not) > 0:
		conds = append(conds, alias+".id NOT IN (SELECT rowid FROM "+fts+" WHERE "+fts+" MATCH ?)")
		args = append(args, "("+strings.Join(not, ") OR (")+")")
	}
	c, a := substrings(alias, "instr", t)
	return strings.Join(append(conds, c...), " AND "), append(args, a...)
}

// ftsParts writes the word terms as FTS5 queries: a quoted prefix ("ana"*),
// a phrase as quoted prefixes joined by + (consecutive). Words hold letters
// and digits only, so nothing in them is FTS5 syntax; quotes are doubled
// all the same.
func ftsParts(terms []Term) []string {
	var out []string
	for _, m := range terms {
		if m.Sub {
			continue
		}
		ws := make([]string, len(m.Words))
		for i, w := range m.Words {
			ws[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"*`
		}
		out = append(out, strings.Join(ws, " + "))
	}
	return out
}

// substrings are the spaceless terms' conditions: the key holds (or, for
// an exclusion, lacks) the term's text; fn is instr or strpos.
func substrings(alias, fn string, t Terms) ([]string, []any) {
	var conds []string
	var args []any
	for i, list := range [][]Term{t.Must, t.Not} {
		for _, m := range list {
			if !m.Sub {
				continue
			}
			op := " > 0"
			if i == 1 {
				op = " = 0"
			}
			conds = append(conds, fn+"("+alias+".search_key, ?)"+op)
			args = append(args, strings.Join(m.Words, " "))
		}
	}
	return conds, args
}

// Condition is t's terms as a WHERE condition on table (as alias), read
// from its GIN index over search_vector: every word of the terms by prefix
// and the single-word exclusions. The index keeps no positions, so a
// phrase matches by its words and a phrase exclusion is left out: the
// caller tests each row with Terms.Match, which is exact.
func (Tsvector) Condition(table, alias string, t Terms) (string, []any) {
	var parts []string
	for _, m := range t.Must {
		if !m.Sub {
			for _, w := range m.Words {
				parts = append(parts, tsWord(w))
			}
		}
	}
	for _, m := range t.Not {
		if !m.Sub && len(m.Words) == 1 {
			parts = append(parts, "!"+tsWord(m.Words[0]))
		}
	}
	var conds []string
	var args []any
	if len(parts) > 0 {
		conds = append(conds, "search_vector("+alias+".search_key) @@ ?::tsquery")
		args = append(args, strings.Join(parts, " & "))
	}
	c, a := substrings(alias, "strpos", t)
	return strings.Join(append(conds, c...), " AND "), append(args, a...)
}

// tsWord is one word as a tsquery prefix ('ana':*), quotes and backslashes escaped.
func tsWord(w string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(w, `\`, `\\`), "'", "''") + "':*"
}

// Leader is an index that can lead a search across everything's query:
// the kind's rows are read in the index's order, newest rowid first, so a
// page of hits stops early instead of reading every match (a common word
// in 100,000 notes). Lead returns the FROM that puts the index before
// table (as alias), the condition on it and the rowid order; from is ""
// when t has no word to lead with.
type Leader interface {
	Lead(table, alias string, t Terms) (from, cond, order string, args []any)
}

// Lead joins table's FTS5 index ahead of it on the words of t's Must
// (and Not), as Condition matches them; the spaceless terms stay with
// Condition's instr tests (LeadRest).
func (FTS5) Lead(table, alias string, t Terms) (from, cond, order string, args []any) {
	fts := ftsTables[table]
	must, not := ftsParts(t.Must), ftsParts(t.Not)
	if len(must) == 0 {
		return "", "", "", nil
	}
	expr := "(" + strings.Join(must, ") AND (") + ")"
	for _, n := range not {
		expr += " NOT (" + n + ")"
	}
	c, a := substrings(alias, "instr", t)
	return fts + " JOIN " + table + " " + alias + " ON " + alias + ".id = " + fts + ".rowid",
		strings.Join(append([]string{fts + " MATCH ?"}, c...), " AND "), fts + ".rowid DESC", append([]any{expr}, a...)
}
