package search

import (
	"strings"
	"unicode"

	"circlebook/backend/fold"
)

// Bounds on a query: words past MaxWords are ignored, and a word longer than
// MaxWordLen runes is cut to its start (which still finds the longer words).
const (
	MaxWords   = 16
	MaxWordLen = 64
)

// Query is what someone typed, folded (fold.Key) and cut into words. Only
// letters and digits make words, so nothing typed is ever query syntax.
type Query struct {
	words []string
	rest  bool // see Rest
}

// Parse folds s and cuts it into words; punctuation only separates them.
func Parse(s string) Query {
	var q Query
	for _, w := range Words(fold.Key(s)) {
		if len(q.words) == MaxWords {
			break
		}
		if r := []rune(w); len(r) > MaxWordLen {
			w = string(r[:MaxWordLen])
		}
		q.words = append(q.words, w)
	}
	return q
}

// Rest returns, for a query of one word, the query that finds what q finds
// less the records whose text's first word starts with that word (for a
// person or a circle: the name starts with it, so they lie together in
// name order). It reports false for a query of no word or of several.
func (q Query) Rest() (Query, bool) {
	if len(q.words) != 1 || q.rest {
		return Query{}, false
	}
	return Query{words: q.words, rest: true}, true
}

// Empty reports whether q has no word: it then matches everything.
func (q Query) Empty() bool { return len(q.words) == 0 }

// Words returns q's words, folded.
func (q Query) Words() []string { return q.words }

// Match reports whether every word of q starts a word of text, which is
// already folded (a search key): the rule the index applies.
func (q Query) Match(text string) bool {
	if q.Empty() {
		return true
	}
	have := Words(text)
	if q.rest && len(have) > 0 && strings.HasPrefix(have[0], q.words[0]) {
		return false
	}
	for _, w := range q.words {
		found := false
		for _, h := range have {
			if strings.HasPrefix(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Words cuts text into words as SQLite's unicode61 tokenizer does: runs of
// letters, digits and private-use characters; everything else separates.
func Words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !wordRune(r) })
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}
