package search

import (
	"strings"
	"time"
	"unicode"

	"circlebook/backend/fold"
)

// MaxQueryLen is the longest search, in characters, anyone may type.
const MaxQueryLen = 10000

// Terms is a search across everything as typed, parsed: words (by
// prefix), "quoted phrases" (consecutive words), -exclusions and filters.
// Nothing typed is syntax it can fail on: a stray quote ends at the end,
// an unknown filter (x:y) is words, a bad filter value leaves a Hint.
type Terms struct {
	Must    []Term // every one must match
	Not     []Term // none may match
	Circle  string // circle:NAME, folded: the circle's name key starts with it
	Person  string // person:NAME, folded
	Kinds   []string
	Before  string // the day must be before this one (YYYY-MM-DD), or ""
	After   string // the day must be after this one, or ""
	Is      string // open, done or private, or ""
	Hint    string // why a filter was ignored, or ""
	Filters bool   // some filter was given
}

// Term is one word or a phrase, folded. Its words hold letters and digits
// only. Sub marks a term with a character of a script written without
// spaces (CJK, Thai): it matches as a substring of the key, not by words.
type Term struct {
	Words []string
	Sub   bool
}

// Kinds of records search across everything finds, in result order.
var AllKinds = []string{"circles", "people", "sessions", "notes", "actions", "goals", "topics"}

var kindNames = map[string]string{
	"circle": "circles", "circles": "circles", "person": "people", "people": "people",
	"session": "sessions", "sessions": "sessions", "note": "notes", "notes": "notes",
	"action": "actions", "actions": "actions", "goal": "goals", "goals": "goals", "topic": "topics", "topics": "topics",
}

// ParseTerms reads what someone typed into the search box.
func ParseTerms(s string) Terms {
	var t Terms
	for _, tok := range tokens(s) {
		if len(t.Must)+len(t.Not) >= MaxWords {
			break
		}
		if tok.quoted {
			t.add(tok.neg, Words(fold.Key(tok.text)))
			continue
		}
		if name, value, ok := strings.Cut(tok.text, ":"); ok && !tok.neg && t.filter(strings.ToLower(name), value) {
			continue
		}
		for _, w := range Words(fold.Key(tok.text)) {
			t.add(tok.neg, []string{w})
		}
	}
	return t
}

// add appends the term of words (if any) to Must, or Not when neg.
func (t *Terms) add(neg bool, words []string) {
	if len(words) == 0 {
		return
	}
	if len(words) > MaxWords {
		words = words[:MaxWords]
	}
	term := Term{}
	for _, w := range words {
		if r := []rune(w); len(r) > MaxWordLen {
			w = string(r[:MaxWordLen])
		}
		term.Words = append(term.Words, w)
		term.Sub = term.Sub || spaceless(w)
	}
	if neg {
		t.Not = append(t.Not, term)
	} else {
		t.Must = append(t.Must, term)
	}
}

// filter applies name:value when name is a filter, and reports whether it was.
func (t *Terms) filter(name, value string) bool {
	v := fold.Key(value)
	switch name {
	case "circle":
		t.Circle = v
	case "person":
		t.Person = v
	case "in":
		k, ok := kindNames[v]
		if !ok {
			t.Hint = "in: wants notes, actions, people, circles, sessions, goals or topics"
		} else {
			t.Kinds = append(t.Kinds, k)
		}
	case "is":
		if v != "open" && v != "done" && v != "private" {
			t.Hint = "is: wants open, done or private"
		} else {
			t.Is = v
		}
	case "before", "after":
		day, ok := bound(v, name == "after")
		if !ok {
			t.Hint = name + ": wants a date, like 2026-10-22"
		} else if name == "before" {
			t.Before = day
		} else {
			t.After = day
		}
	default:
		return false
	}
	t.Filters = true
	return true
}

// bound reads a date filter's value: a day, or a month (2026-10), which
// before: reads as its first day and after: as its last.
func bound(v string, after bool) (string, bool) {
	if d, err := time.Parse("2006-01-02", v); err == nil {
		return d.Format("2006-01-02"), true
	}
	m, err := time.Parse("2006-01", v)
	if err != nil {
		return "", false
	}
	if after {
		m = m.AddDate(0, 1, -1)
	}
	return m.Format("2006-01-02"), true
}

// Empty reports whether t finds nothing to look for: no term and no filter.
func (t Terms) Empty() bool { return len(t.Must) == 0 && len(t.Not) == 0 && !t.Filters }

// Marks are the folded words the page marks: the words of Must.
func (t Terms) Marks() []string {
	var out []string
	for _, m := range t.Must {
		out = append(out, m.Words...)
	}
	return out
}

// Match reports whether a folded key (model.SearchKey) meets t's terms:
// the rule the index applies, in Go.
func (t Terms) Match(key string) bool {
	words := Words(key)
	for _, m := range t.Must {
		if !m.Match(key, words) {
			return false
		}
	}
	for _, n := range t.Not {
		if n.Match(key, words) {
			return false
		}
	}
	return true
}

// Match reports whether the term is in key, whose words are words: a
// substring for a spaceless term, else consecutive words each starting
// with the term's words in turn.
func (m Term) Match(key string, words []string) bool {
	if m.Sub {
		return strings.Contains(key, strings.Join(m.Words, " "))
	}
	for i := 0; i+len(m.Words) <= len(words); i++ {
		ok := true
		for j, w := range m.Words {
			if !strings.HasPrefix(words[i+j], w) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// spaceless reports whether w has a character of a script written
// without spaces between words, where a word index cannot find a word
// inside a run of text.
func spaceless(w string) bool {
	for _, r := range w {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			return true
		}
	}
	return false
}

// token is a piece of the typed text: a quoted phrase or a run without
// spaces, with a leading minus taken off as neg.
type token struct {
	text   string
	quoted bool
	neg    bool
}

// tokens cuts s at spaces, keeping "quoted phrases" (an unclosed quote
// runs to the end) whole; filter values may be quoted too (circle:"a b").
func tokens(s string) []token {
	var out []token
	r := []rune(s)
	for i := 0; i < len(r); {
		if unicode.IsSpace(r[i]) {
			i++
			continue
		}
		neg := false
		if r[i] == '-' && i+1 < len(r) && !unicode.IsSpace(r[i+1]) {
			neg, i = true, i+1
		}
		if r[i] == '"' {
			j := i + 1
			for j < len(r) && r[j] != '"' {
				j++
			}
			out = append(out, token{text: string(r[i+1 : min(j, len(r))]), quoted: true, neg: neg})
			i = j + 1
			continue
		}
		j := i
		for j < len(r) && !unicode.IsSpace(r[j]) {
			if r[j] == '"' && j > i && r[j-1] == ':' { // name:"quoted value"
				k := j + 1
				for k < len(r) && r[k] != '"' {
					k++
				}
				out = append(out, token{text: string(r[i:j]) + string(r[j+1:min(k, len(r))]), neg: neg})
				j = -1
				i = k + 1
				break
			}
			j++
		}
		if j >= 0 {
			out = append(out, token{text: string(r[i:j]), neg: neg})
			i = j
		}
	}
	return out
}
