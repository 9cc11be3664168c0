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
