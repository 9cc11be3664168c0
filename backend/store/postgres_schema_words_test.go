package store

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"circlebook/backend/search"
)

// TestSearchWordClass: the word class in postgres_schema_search.sql is
// exactly what Go's Unicode tables give for search.Words' rule, so
// PostgreSQL cuts a key into the words Go does, code point for code point.
// Go's tables change with Go (a new Unicode version): then this fails, and
// the class wants a new migration that replaces search_vector and
// recomputes the stored search_words (2026-12-04-pg-search-vectors) and
// their indexes. Before a PostgreSQL database exists,
// CIRCLEBOOK_WRITE_WORDS=1 rewrites the class in the file.
func TestSearchWordClass(t *testing.T) {
	want := wordClassLiteral()
	if os.Getenv("CIRCLEBOOK_WRITE_WORDS") == "1" {
		const file = "postgres_schema_search.sql"
		text := classLiteral.ReplaceAllLiteralString(postgresSearchSQL, want)
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Skipf("rewrote the word class in %s: run the test again to check it", file)
	}
	if got := classLiteral.FindString(postgresSearchSQL); got != want {
		t.Fatalf("the word class in postgres_schema_search.sql is not Go's rule of Unicode %s (see the test's comment); it should read:\n%s",
			unicode.Version, want)
	}
	// The generator itself: every code point is in a range exactly when search.Words keeps it.
	ranges := wordRanges()
	in := func(r rune) bool {
		for _, rg := range ranges {
			if r >= rg[0] && r <= rg[1] {
				return true
			}
		}
		return false
	}
	for r := rune(1); r <= unicode.MaxRune; r += 1 + r/4096 { // denser where the letters are
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if got, want := in(r), len(search.Words(string(r))) == 1; got != want {
			t.Fatalf("U+%04X: in the class %v, a word for search.Words %v", r, got, want)
		}
	}
	for _, rg := range ranges {
		for _, r := range []rune{rg[0] - 1, rg[0], rg[1], rg[1] + 1} {
			if r < 1 || r > unicode.MaxRune || (r >= 0xD800 && r <= 0xDFFF) {
				continue
			}
			if got, want := in(r), len(search.Words(string(r))) == 1; got != want {
				t.Fatalf("U+%04X: in the class %v, a word for search.Words %v", r, got, want)
			}
		}
	}
}

// wordRanges lists the runs of code points search.Words keeps in words:
// letters, numbers and private-use characters.
func wordRanges() [][2]rune {
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) }
	var out [][2]rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !word(r) {
			continue
		}
		lo := r
		for r < unicode.MaxRune && word(r+1) {
			r++
		}
		out = append(out, [2]rune{lo, r})
	}
	return out
}

// classLiteral finds the word class in postgres_schema_search.sql.
var classLiteral = regexp.MustCompile(`(?s)E'\[.*?\]'`)

// wordClassLiteral writes wordRanges as a regular expression's bracket in
// an E” string: ASCII as itself, the rest as \u or \U escapes (the
// backslash doubled), a line every hundred characters or so.
func wordClassLiteral() string {
	esc := func(r rune) string {
		switch {
		case r < 0x80:
			return string(r)
		case r <= 0xFFFF:
			return fmt.Sprintf(`\\u%04x`, r)
		}
		return fmt.Sprintf(`\\U%08x`, r)
	}
	var lines []string
	line := "["
	for _, rg := range wordRanges() {
		part := esc(rg[0])
		if rg[1] > rg[0] {
			part += "-" + esc(rg[1])
		}
		if len(line)+len(part) > 110 {
			lines = append(lines, line)
			line = ""
		}
		line += part
	}
	lines = append(lines, line+"]")
	return "E'" + strings.Join(lines, "'\n    '") + "'"
}
