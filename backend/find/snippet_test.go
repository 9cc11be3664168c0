package find_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"circlebook/backend/find"
	"circlebook/backend/fold"
	"circlebook/backend/search"
)

// TestSnippetMarksAsFoldKeyDoes: over random texts of mixed case, accents,
// ligatures, full-width letters and CJK, each word a snippet shows is
// marked exactly when fold.Key of it starts with (or, for a spaceless
// mark, holds) a word of the query: the rule, applied here word by word.
func TestSnippetMarksAsFoldKeyDoes(t *testing.T) {
	words := []string{"Demo", "DEMO", "demos", "Muñoz", "MUNOZ", "munoz", "Łódź", "lodz", "Straße", "strasse", "ﬁnal", "final",
		"Ｄｅｍｏ", "会議", "今日の会議は", "Dąbrowska", "O'Brien", "x2", "X", "day-one", "Ωmega", "ωmega"}
	isWord := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Co, r)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 400 {
		var text []string
		for range 1 + r.IntN(40) {
			text = append(text, words[r.IntN(len(words))])
		}
		query := words[r.IntN(len(words))]
		if rs := []rune(query); len(rs) > 1 && r.IntN(2) == 0 {
			query = string(rs[:1+r.IntN(len(rs)-1)])
		}
		terms := search.ParseTerms(query)
		want := func(w string) bool {
			k := fold.Key(w)
			for _, m := range terms.Marks() {
				wide := strings.ContainsFunc(m, func(c rune) bool { return c >= 0x2E80 })
				if strings.HasPrefix(k, m) || (wide && strings.Contains(k, m)) {
					return true
				}
			}
			return false
		}
		for _, s := range find.Snippet(strings.Join(text, " "), terms) {
			for _, w := range strings.FieldsFunc(s.Text, func(c rune) bool { return !isWord(c) }) {
				if want(w) != s.Mark {
					t.Fatalf("query %q, text %q: word %q in span %+v, want marked %v", query, text, w, s, want(w))
				}
			}
		}
	}
}
