package export

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// alias is how an anonymized summary names the i-th person (0-based) of the roster.
func alias(i int) string { return "Member " + strconv.Itoa(i+1) }

// ambiguous replaces a name two people share, when the text cannot say which one it meant.
const ambiguous = "a member"

// nameKey sorts names as people expect, without the weight of a full
// collation table: case and accents aside, so Ünal sorts with the Us.
func nameKey(name string) string { return strings.ToLower(unaccented(name)) }

// scrubber replaces people's names and email addresses inside free text by
// their aliases: the full name and @mentions in any case; each capitalised
// word of the name (first name, surname) as written; each also spelled
// without accents ("Dabrowska" for "Dąbrowska"). A name only matches as a
// whole word, so "Lan" is replaced and "Plan" is not.
type scrubber struct {
	byRune map[rune][]variant // by the lower-cased first rune, longest first
}

type variant struct {
	text string
	fold bool // compare ignoring case
	repl string
}

func newScrubber(people []person) *scrubber {
	type entry struct {
		variant
		owners map[string]bool
	}
	entries := map[string]*entry{}
	add := func(text string, fold bool, repl string) {
		if utf8.RuneCountInString(text) < 2 {
			return
		}
		key := strings.ToLower(text)
		e := entries[key]
		if e == nil {
			e = &entry{variant: variant{text: text}, owners: map[string]bool{}}
			entries[key] = e
		}
		e.fold = e.fold || fold
		e.owners[repl] = true
	}
	for i, p := range people {
		a := alias(i)
		for _, form := range spellings(norm.NFC.String(strings.TrimSpace(p.Name))) {
			add(form, true, a)
			for _, w := range nameWords(form) {
				add(w, false, a)
				add("@"+w, true, a)
			}
		}
		if p.Email != "" {
			add(p.Email, true, a)
		}
	}
	s := &scrubber{byRune: map[rune][]variant{}}
	for _, e := range entries {
		v := e.variant
		v.repl = ambiguous
		for owner := range e.owners {
			if len(e.owners) == 1 {
				v.repl = owner
			}
		}
		r, _ := utf8.DecodeRuneInString(v.text)
		s.byRune[unicode.ToLower(r)] = append(s.byRune[unicode.ToLower(r)], v)
	}
	for _, vs := range s.byRune {
		sort.Slice(vs, func(i, j int) bool {
			if len(vs[i].text) != len(vs[j].text) {
				return len(vs[i].text) > len(vs[j].text)
			}
			return vs[i].text < vs[j].text
		})
	}
	return s
}

// replace returns text with every name it knows replaced.
func (s *scrubber) replace(text string) string {
	text = norm.NFC.String(text)
	var b strings.Builder
	last, prevWord := 0, false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !prevWord {
			if repl, n := s.match(text[i:], unicode.ToLower(r)); n > 0 {
				b.WriteString(text[last:i])
				b.WriteString(repl)
				i += n
				last = i
				lr, _ := utf8.DecodeLastRuneInString(text[:i])
				prevWord = isWord(lr)
				continue
			}
		}
		prevWord = isWord(r)
		i += size
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

func (s *scrubber) match(rest string, first rune) (string, int) {
	for _, v := range s.byRune[first] {
		n := len(v.text)
		if n > len(rest) {
			continue
		}
		seg := rest[:n]
		if (seg == v.text || v.fold && strings.EqualFold(seg, v.text)) && !startsWord(rest[n:]) {
			return v.repl, n
		}
	}
	return "", 0
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r)
}

func startsWord(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size > 0 && isWord(r)
}

// nameWords returns the words of a name that name a person on their own:
// trimmed of punctuation ("*Star*" gives "Star"), starting with a capital or
// a letter of a script without case; particles like "van" and "de" are left.
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		w = strings.TrimFunc(w, func(r rune) bool { return !isWord(r) })
		r, _ := utf8.DecodeRuneInString(w)
		if w != "" && unicode.IsLetter(r) && !unicode.IsLower(r) {
			out = append(out, w)
		}
	}
	return out
}

// spellings returns a name as written and, when it differs, without accents.
func spellings(name string) []string {
	plain := unaccented(name)
	if plain == name {
		return []string{name}
	}
	return []string{name, plain}
}

var letters = strings.NewReplacer("ł", "l", "Ł", "L", "ø", "o", "Ø", "O", "đ", "d", "Đ", "D", "ß", "ss", "æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE")

func unaccented(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(letters.Replace(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
