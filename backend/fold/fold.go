// Package fold is Circlebook's one rule for matching and sorting names: case
// and accents aside, so "inigo" finds Íñigo Sáenz and Íñigo sorts with the Is.
// frontend/js/lib/fold.js applies the same rule; testdata/cases.json is the
// table both are tested against.
package fold

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letters are the letters that carry no separable accent, written as a
// reader without them would: Łukasz as Lukasz, Straße as Strasse. The final
// sigma folds to sigma because JavaScript lowercases a word-final Σ to ς.
var letters = map[rune]string{
	'ł': "l", 'Ł': "L", 'ø': "o", 'Ø': "O", 'đ': "d", 'Đ': "D", 'ð': "d", 'Ð': "D",
	'þ': "th", 'Þ': "Th", 'ß': "ss", 'ẞ': "SS", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE",
	'ı': "i", 'ħ': "h", 'Ħ': "H", 'ŧ': "t", 'Ŧ': "T", 'ς': "σ",
	'’': "'", '‘': "'", 'ʼ': "'", '‐': "-",
}

// Key folds s for matching and sorting: lower case, compatibility forms
// decomposed (ﬁ as fi, full-width letters as ASCII), accents and other
// non-spacing marks dropped, the letters above spelled out, runs of white
// space as one space, no space at either end. Íñigo  Sáenz -> "inigo saenz".
func Key(s string) string {
	return norm.NFC.String(strip(norm.NFKD.String(strings.ToLower(s)), true))
}

// Plain drops the accents from s but keeps its case and spacing: "Łukasz
// Dąbrowska" -> "Lukasz Dabrowska".
func Plain(s string) string {
	return norm.NFC.String(strip(norm.NFKD.String(s), false))
}

// Compare orders names as a person reads them: by Key, then as written, so
// the order is total and the same on every run.
func Compare(a, b string) int {
	return cmp.Or(cmp.Compare(Key(a), Key(b)), cmp.Compare(a, b))
}

// SortBy sorts list in place as Compare orders the names name gives,
// folding each name once; records with equal names keep their order.
func SortBy[T any](list []T, name func(T) string) {
	type keyed struct {
		key, name string
		v         T
	}
	ks := make([]keyed, len(list))
	for i, v := range list {
		n := name(v)
		ks[i] = keyed{Key(n), n, v}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.name, b.name)) })
	for i, k := range ks {
		list[i] = k.v
	}
}

// strip drops non-spacing marks from decomposed text and spells out
// letters; with collapse, white space runs become one space, trimmed.
func strip(s string, collapse bool) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case collapse && unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if l, ok := letters[r]; ok {
			b.WriteString(l)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// LowerASCII lowercases ASCII letters only, as lower() and NOCASE do on
// both engines (SQLite's, and PostgreSQL's on this schema's COLLATE "C"
// text), so a value folded here meets an index on lower(column).
func LowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
