package search_test

import (
	"slices"
	"strings"
	"testing"

	"circlebook/backend/fold"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/search"

	"gorm.io/gorm"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"   ", nil},
		{"Íñigo  SÁENZ", []string{"inigo", "saenz"}},
		{`"ana" AND gil*`, []string{"ana", "and", "gil"}},
		{"NEAR(ana, gil)", []string{"near", "ana", "gil"}},
		{"o'brien", []string{"o", "brien"}},
		{"ana.munoz@example.org", []string{"ana", "munoz", "example", "org"}},
		{"^*():-+\"'%_\\", nil},
		{"ＡＮＡ ﬁn", []string{"ana", "fin"}},
		{"Łukasz Straße", []string{"lukasz", "strasse"}},
		{"安娜 李", []string{"安娜", "李"}},
		{"a🙂b", []string{"a", "b"}},
		{strings.Repeat("x ", 40), slices.Repeat([]string{"x"}, search.MaxWords)},
		{strings.Repeat("y", 300), []string{strings.Repeat("y", search.MaxWordLen)}},
	} {
		if got := search.Parse(tt.in).Words(); !slices.Equal(got, tt.want) {
			t.Errorf("Parse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	_, text := model.PersonKeys("Íñigo Sáenz", "inigo.saenz@example.org", "Diseño", "Jefe de Ingeniería")
	for _, tt := range []struct {
		query string
		want  bool
	}{
		{"", true},
		{"inigo", true},
		{"IÑ", true},
		{"saenz inigo", true},
		{"sa in di je", true},
		{"example", true},
		{"ingenieria", true},
		{"nigo", false},           // inside a word, not its start
		{"inigo ruiz", false},     // every word must match
		{"inigosaenz", false},     // not across words
		{"inigo.saenz", true},     // punctuation separates
		{"ingenieria2026", false}, //
		{"\"inigo\" OR x", false}, // "or" and "x" are words too, and match nothing
	} {
		if got := search.Parse(tt.query).Match(text); got != tt.want {
			t.Errorf("Match(%q) on %q = %v, want %v", tt.query, text, got, tt.want)
		}
	}
}

// corpus holds texts whose words the Go rule and SQLite's unicode61 must
// cut alike: accents, apostrophes, digits, emails, CJK, Cyrillic, Greek,
// Arabic, Hindi, emoji, right-to-left marks, ligatures, full-width letters.
var corpus = []string{
	"Íñigo Sáenz", "O'Brien-Smith", "ana.munoz+tag@example.org", "100% Sure", "Growth_Lead", "安娜 李明",
	"Дмитрий Иванов", "Σωκράτης Παπαδόπουλος", "محمد علي", "प्रिया शर्मा", "Zoë 🙂 Walker", "\u202eabc\u202c def", "(Zoë) Walker", "· Ana Zoë", "'ana walker", "Ana-Zoë Walker",
	"ﬁnance ﬂow", "ＡＮＡ ＧＩＬ", "Nguyễn Văn An", "Łukasz Wróbel", "x1y2 3z", "Ørsted Søren", "ßtraße",
}

// TestGoAgreesWithTheIndex: for every word and word start of the corpus,
// the index (FTS5 on SQLite, the GIN index on PostgreSQL) and Query.Match
// find the same texts, so the lists' searches
// find what the word rule says (texts that start with something other
// than a word are there: punctuation, an emoji, a control).
func TestGoAgreesWithTheIndex(t *testing.T) {
	st, f := testdb.New(t)
	var texts []string
	for i, name := range corpus {
		c := f.Circle(name)
		if c.ID != uint(i+1) {
			t.Fatalf("circle %q has id %d", name, c.ID)
		}
		texts = append(texts, fold.Key(name))
	}
	queries := map[string]bool{"": true}
	for _, text := range texts {
		for _, w := range search.Words(text) {
			r := []rune(w)
			for n := 1; n <= len(r); n++ {
				queries[string(r[:n])] = true
			}
		}
	}
	for _, q := range hostile {
		queries[q] = true
	}
	checked := 0
	for query := range queries {
		if q := search.Parse(query); !q.Empty() {
			agree(t, st.DB, query, q, texts)
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("checked %d queries, want many more", checked)
	}
}

// agree fails unless the index and Query.Match find the same circles
// (their ids are 1, 2, ... in the order of texts) for q.
func agree(t *testing.T, db *gorm.DB, query string, q search.Query, texts []string) {
	t.Helper()
	var want []uint
	for i, text := range texts {
		if q.Match(text) {
			want = append(want, uint(i+1))
		}
	}
	idx := search.For(db)
	keys, err := idx.Page(db, search.Circles, q, nil, 0, 100)
	if err != nil {
		t.Errorf("%q: %v", query, err)
		return
	}
	var got []uint
	for _, k := range keys {
		got = append(got, k.ID)
	}
	slices.Sort(got)
	n, err := idx.Count(db, search.Circles, q, 100)
	if err != nil {
		t.Errorf("count %q: %v", query, err)
	}
	if !slices.Equal(got, want) || n != len(want) {
		t.Errorf("%q (words %q): the index finds %v (count %d), Go %v", query, q.Words(), got, n, want)
	}
}

// hostile are FTS5 and tsquery syntax and the like, typed as a query.
var hostile = []string{`"`, `"a`, `a"b`, `*`, `a*`, `^a`, `AND`, `OR`, `NOT`, `a OR b`, `NEAR(a b)`, `(`, `)`,
	`{name_key}: a`, `name_key:a`, `-a`, `+a`, `'`, `\`, "\x00", `'; DROP TABLE circles; --`,
	`a & b`, `a | b`, `!a`, `a <-> b`, `a <2> b`, `a:*`, `a:A`, `a:*B`, `''a''`, `'a' & 'b'`, `a\'b`, `$1`, `?`, `@@`}
