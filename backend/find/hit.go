package find

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"circlebook/backend/fold"
	"circlebook/backend/search"
)

// snippetLen is about how many characters of a hit's text a snippet shows.
const snippetLen = 160

// hit makes the hit of row r: its title, where it lives, its snippet and route.
func (k kind) hit(r row, t search.Terms, query string) Hit {
	h := Hit{Kind: strings.TrimSuffix(k.kind, "s"), ID: r.ID, UUID: r.UUID, Title: r.Title, Private: r.Private,
		Date: r.Day, Circle: r.Circle, Snippet: Snippet(r.Body, t)}
	if k.kind == "people" {
		h.Kind = "person"
	}
	find := url.QueryEscape(query)
	switch k.kind {
	case "circles":
		h.Where, h.Route = "Circle", fmt.Sprintf("#/circles/%d", r.ID)
	case "people":
		h.Where, h.Route = "Person", fmt.Sprintf("#/people/%d", r.ID)
	case "sessions":
		h.Title = sessionTitle(r)
		h.Where, h.Route = join(r.Circle, day(r.Day), "session"), fmt.Sprintf("#/sessions/%d?find=%s", r.ID, find)
	case "notes":
		h.Title = sessionTitle(r)
		h.Where = join(r.Circle, day(r.Day), r.Visibility+" note")
		h.Route = fmt.Sprintf("#/sessions/%d?find=%s&note=%s", r.SessionID, find, r.Visibility)
	case "actions":
		h.Where, h.Route = join(r.Circle, due(r.Day), "action item"), fmt.Sprintf("#/circles/%d", r.CircleID)
		if r.SessionID != 0 {
			h.Route = fmt.Sprintf("#/sessions/%d?find=%s", r.SessionID, find)
		}
	case "goals":
		vis := "goal"
		if r.Private {
			vis = "private goal"
		}
		h.Where, h.Route = join(r.Person, r.Circle, vis), fmt.Sprintf("#/goals/%d", r.ID)
	case "topics":
		h.Where, h.Route = "Topic", "#/topics"
	}
	return h
}

// sessionTitle is "Session 4 · Demo day" (or "Session 4" without a title).
func sessionTitle(r row) string {
	return join(fmt.Sprintf("Session %d", r.Number), r.Title)
}

// join joins the parts that are not empty with " · ".
func join(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " · ")
}

// day writes YYYY-MM-DD as "22 Oct 2026", or "" when it is not a date.
func day(s string) string {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return ""
	}
	return d.Format("2 Jan 2006")
}

// due writes an action's due day, or "".
func due(s string) string {
	if d := day(s); d != "" {
		return "due " + d
	}
	return ""
}

// Snippet is up to about snippetLen characters of text around its first
// word that starts with one of t's words (folded), each such word marked.
// The text is the original, cut at word edges; spans are plain text.
func Snippet(text string, t search.Terms) []Span {
	marks := t.Marks()
	r := []rune(text)
	type word struct{ from, to int }
	var words []word
	for i := 0; i < len(r); {
		if !isWord(r[i]) {
			i++
			continue
		}
		j := i
		for j < len(r) && isWord(r[j]) {
			j++
		}
		words = append(words, word{i, j})
		i = j
	}
	seen := make([]int8, len(words)) // 0 not yet tested, 1 marked, -1 not
	marked := func(i int) bool {
		if seen[i] == 0 {
			seen[i] = -1
			if isMarked(r[words[i].from:words[i].to], marks) {
				seen[i] = 1
			}
		}
		return seen[i] == 1
	}
	start := 0
	for i, w := range words {
		if marked(i) {
			start = w.from
			break
		}
	}
	from := max(0, start-snippetLen/3)
	for from > 0 && from < len(r) && isWord(r[from-1]) { // start at a word's start
		from++
	}
	to := min(len(r), from+snippetLen)
	for to < len(r) && to > from && isWord(r[to]) && isWord(r[to-1]) {
		to--
	}
	var spans []Span
	add := func(s string, m bool) {
		if s == "" {
			return
		}
		if n := len(spans); n > 0 && spans[n-1].Mark == m {
			spans[n-1].Text += s
			return
		}
		spans = append(spans, Span{s, m})
	}
	if from > 0 {
		add("…", false)
	}
	at := from
	for i, w := range words {
		if w.to <= from || w.from >= to {
			continue
		}
		if marked(i) {
			add(clean(r[at:w.from]), false)
			add(string(r[w.from:w.to]), true)
			at = w.to
		}
	}
	add(clean(r[at:to]), false)
	if to < len(r) {
		add("…", false)
	}
	if spans == nil {
		spans = []Span{}
	}
	return spans
}

// isMarked reports whether word, folded, starts with one of marks (or,
// for a mark of a spaceless script, holds it). A word of ASCII letters
// and digits is compared as it is, its case aside, which spares fold.Key
// and its allocations for most words of most texts.
func isMarked(word []rune, marks []string) bool {
	for _, c := range word {
		if c >= 0x80 {
			k := fold.Key(string(word))
			return slices.ContainsFunc(marks, func(m string) bool {
				return strings.HasPrefix(k, m) || (wide(m) && strings.Contains(k, m))
			})
		}
	}
	return slices.ContainsFunc(marks, func(m string) bool { return asciiPrefix(word, m) })
}

// asciiPrefix reports whether m (folded: lower case) starts word, a word of
// ASCII letters and digits, its case aside; a mark with other characters
// cannot, as fold.Key keeps an ASCII word ASCII.
func asciiPrefix(word []rune, m string) bool {
	if len(m) > len(word) {
		return false
	}
	for i := 0; i < len(m); i++ {
		c := byte(word[i])
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != m[i] {
			return false
		}
	}
	return true
}

// clean turns each run of white space (new lines) into one space.
func clean(r []rune) string {
	var b strings.Builder
	space := false
	for _, c := range r {
		if unicode.IsSpace(c) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(c)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// wide reports whether a folded word is of a script written without
// spaces (CJK and others past U+2E80), which search matches as a substring.
func wide(w string) bool { return strings.ContainsFunc(w, func(c rune) bool { return c >= 0x2E80 }) }

// isWord is search.Words' rule for a character of a word, over the original text.
func isWord(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Co, r)
}
