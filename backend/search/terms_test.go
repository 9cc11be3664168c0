package search_test

import (
	"slices"
	"strings"
	"testing"

	"circlebook/backend/search"
)

// words lists each term's words joined by spaces, for comparing.
func words(ts []search.Term) []string {
	var out []string
	for _, t := range ts {
		out = append(out, strings.Join(t.Words, " "))
	}
	return out
}

func TestParseTermsWordsAndPhrases(t *testing.T) {
	for _, c := range []struct {
		in        string
		must, not []string
	}{
		{`Muñoz demo`, []string{"munoz", "demo"}, nil},                          // folded, each a term
		{`"demo day" Ana`, []string{"demo day", "ana"}, nil},                    // a phrase is one term
		{`"demo day`, []string{"demo day"}, nil},                                // a stray quote runs to the end
		{`demo -draft`, []string{"demo"}, []string{"draft"}},                    // -word excludes
		{`demo -"demo day"`, []string{"demo"}, []string{"demo day"}},            // -"phrase" excludes a phrase
		{`a - b`, []string{"a", "b"}, nil},                                      // a lone minus is nothing
		{`NEAR(a b) OR *`, []string{"near", "a", "b", "or"}, nil},               // FTS syntax is words
		{`colour:blue`, []string{"colour", "blue"}, nil},                        // an unknown filter is words
		{`Dąbrowska Nguyễn Łódź`, []string{"dabrowska", "nguyen", "lodz"}, nil}, // accents aside
	} {
		got := search.ParseTerms(c.in)
		if !slices.Equal(words(got.Must), c.must) || !slices.Equal(words(got.Not), c.not) {
			t.Errorf("ParseTerms(%q) = must %q not %q, want %q %q", c.in, words(got.Must), words(got.Not), c.must, c.not)
		}
	}
}

func TestParseTermsFilters(t *testing.T) {
	got := search.ParseTerms(`circle:"Product Craft" person:Muñoz in:notes is:open before:2026-10 after:2026-09-01 demo`)
	want := search.Terms{Circle: "product craft", Person: "munoz", Kinds: []string{"notes"}, Is: "open",
		Before: "2026-10-01", After: "2026-09-01", Filters: true}
	if got.Circle != want.Circle || got.Person != want.Person || !slices.Equal(got.Kinds, want.Kinds) || got.Is != want.Is ||
		got.Before != want.Before || got.After != want.After || !got.Filters || got.Hint != "" {
		t.Errorf("filters = %+v, want %+v", got, want)
	}
	if !slices.Equal(words(got.Must), []string{"demo"}) {
		t.Errorf("words = %q, want the one word besides the filters", words(got.Must))
	}
	if a := search.ParseTerms("after:2026-02"); a.After != "2026-02-28" {
		t.Errorf("after:2026-02 = %q, want the month's last day", a.After)
	}
}

func TestParseTermsBadFilterValuesGiveAHint(t *testing.T) {
	for in, hint := range map[string]string{
		"before:yesterday demo": "before: wants a date, like 2026-10-22",
		"after:2026-13-01":      "after: wants a date, like 2026-10-22",
		"in:everything":         "in: wants notes, actions, people, circles, sessions, goals or topics",
		"is:closed":             "is: wants open, done or private",
	} {
		got := search.ParseTerms(in)
		if got.Hint != hint || got.Before != "" || got.After != "" || got.Is != "" || len(got.Kinds) != 0 {
			t.Errorf("ParseTerms(%q) = %+v, want hint %q and the filter ignored", in, got, hint)
		}
	}
}

func TestParseTermsScriptsWithoutSpacesAreSubstrings(t *testing.T) {
	for in, want := range map[string]bool{"会議": true, "ประชุม": true, "회의": true, "demo": false, "שלום": false, "مرحبا": false} {
		got := search.ParseTerms(in)
		if len(got.Must) != 1 || got.Must[0].Sub != want {
			t.Errorf("ParseTerms(%q) = %+v, want one term with Sub %v", in, got.Must, want)
		}
	}
	if k := "今日の会議は demo"; !search.ParseTerms("会議").Match(k) {
		t.Errorf("会議 does not match %q inside a run of text", k)
	}
}

func TestParseTermsRightToLeftIsWordsByPrefix(t *testing.T) {
	got := search.ParseTerms("שלו")
	if !slices.Equal(words(got.Must), []string{"שלו"}) || !got.Match("שלום עולם") || got.Match("עולם") {
		t.Errorf("ParseTerms(שלו) = %+v: want a prefix of שלום", got.Must)
	}
}

func TestParseTermsEmojiAreNotWords(t *testing.T) {
	got := search.ParseTerms("🎉 demo 👍🏽")
	if !slices.Equal(words(got.Must), []string{"demo"}) {
		t.Errorf("words = %q, want just demo", words(got.Must))
	}
	if e := search.ParseTerms("🎉"); !e.Empty() {
		t.Errorf("emoji alone = %+v, want an empty search", e)
	}
}

func TestParseTermsLongQueryStaysBounded(t *testing.T) {
	long := strings.Repeat("word ", search.MaxQueryLen/5)
	got := search.ParseTerms(long)
	if n := len(got.Must) + len(got.Not); n == 0 || n > search.MaxWords {
		t.Errorf("%d terms from %d words, want 1..%d", n, search.MaxQueryLen/5, search.MaxWords)
	}
	one := search.ParseTerms(strings.Repeat("x", search.MaxQueryLen))
	if len(one.Must) != 1 || len([]rune(one.Must[0].Words[0])) > search.MaxWordLen {
		t.Errorf("a 10,000-letter word = %d terms, want one cut to %d letters", len(one.Must), search.MaxWordLen)
	}
}
