package store

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"circlebook/backend/fold"
	"circlebook/backend/model"
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// searchCorpus holds texts whose words PostgreSQL must cut as search.Words
// does: accents, apostrophes, digits, e-mails, host names, hyphens, CJK,
// Cyrillic, Greek, Arabic, Hindi, emoji, right-to-left marks, ligatures,
// full-width letters (backend/search's corpus, and more).
var searchCorpus = []string{
	"Íñigo Sáenz", "O'Brien-Smith", "ana.munoz+tag@example.org", "100% Sure", "Growth_Lead", "安娜 李明",
	"Дмитрий Иванов", "Σωκράτης Παπαδόπουλος", "محمد علي", "प्रिया शर्मा", "Zoë 🙂 Walker", "\u202eabc\u202c def",
	"(Zoë) Walker", "· Ana Zoë", "'ana walker", "Ana-Zoë Walker", "ﬁnance ﬂow", "ＡＮＡ ＧＩＬ", "Nguyễn Văn An",
	"Łukasz Wróbel", "x1y2 3z", "Ørsted Søren", "ßtraße", "www.example.com/path", "a🙂b", "v1.2.3-rc1", "",
	"C:\\dir\\file.txt", "it's  a  test", "x" + strings.Repeat("y", 700),
}

// tsquery writes query words as the PostgreSQL search's query text (see
// postgres_schema_search.sql): each word a prefix, all of them required.
func tsquery(words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = "'" + w + "':*"
	}
	return strings.Join(parts, " & ")
}

// TestPostgresSearchVector: search_vector cuts each key into search.Words'
// words, and a query over it finds what search.Query.Match finds, for
// every word start of the corpus; the GIN indexes serve those queries; and
// search_vector reads its word class at every edge of its ranges as Go does.
func TestPostgresSearchVector(t *testing.T) {
	db := migratedPostgres(t)
	var keys []string
	for i, name := range searchCorpus {
		c := model.Circle{Name: name, Kind: model.KindGroup, Cadence: model.CadenceBiweekly, Status: model.CircleActive}
		if err := db.Create(&c).Error; err != nil {
			t.Fatal(err)
		}
		if c.ID != uint(i+1) {
			t.Fatalf("circle %q has id %d", name, c.ID)
		}
		keys = append(keys, fold.Key(name))
	}
	for i, key := range keys {
		var want []string
		for _, w := range search.Words(key) {
			if r := []rune(w); len(r) > 500 {
				w = string(r[:500])
			}
			if !slices.Contains(want, w) {
				want = append(want, w)
			}
		}
		slices.Sort(want)
		var got []string
		if err := db.Raw(`SELECT unnest(tsvector_to_array(search_vector(name_key))) FROM circles WHERE id = ?`, i+1).Scan(&got).Error; err != nil {
			t.Fatal(err)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("search_vector(%q) has the words %q, search.Words %q", key, got, want)
		}
	}

	queries := map[string]bool{}
	for _, key := range keys {
		for _, w := range search.Words(key) {
			r := []rune(w)
			for n := 1; n <= min(len(r), search.MaxWordLen+2); n++ {
				queries[string(r[:n])] = true
			}
			queries[w] = true
		}
	}
	for _, q := range []string{"ana zoe", "walker ana", "example org", "inigo saenz", "nope", "a b", "zoe walker ana"} {
		queries[q] = true
	}
	for query := range queries {
		if q := search.Parse(query); !q.Empty() {
			agreeOnPostgres(t, db, query, q, keys)
		}
	}
	if len(queries) < 200 {
		t.Errorf("checked %d queries, want many more", len(queries))
	}

	wantIndexServes(t, db, "circles", "idx_circles_search")
	wantIndexServes(t, db, "people", "idx_people_search")
	var stale int64
	if err := db.Raw(`SELECT COUNT(*) FROM circles WHERE search_words IS DISTINCT FROM search_vector(name_key)`).Scan(&stale).Error; err != nil || stale != 0 {
		t.Errorf("%d circles' stored words are not search_vector(name_key) (%v)", stale, err)
	}
	wantClassEdges(t, db)
}

// agreeOnPostgres fails unless q finds on PostgreSQL the circles (ids 1,
// 2, ... in the order of keys) that q.Match finds in Go.
func agreeOnPostgres(t *testing.T, db *gorm.DB, query string, q search.Query, keys []string) {
	t.Helper()
	text := tsquery(q.Words())
	var want []uint
	for i, key := range keys {
		if q.Match(key) {
			want = append(want, uint(i+1))
		}
	}
	var got []uint
	if err := db.Raw(`SELECT id FROM circles WHERE search_words @@ ?::tsquery ORDER BY id`, text).Scan(&got).Error; err != nil {
		t.Errorf("%q (%s): %v", query, text, err)
		return
	}
	if !slices.Equal(got, want) {
		t.Errorf("%q (%s): PostgreSQL finds %v, Go %v", query, text, got, want)
	}
}

// wantIndexServes fails unless a search of table reads its GIN index
// (with sequential scans off: the tables are too small to need it).
func wantIndexServes(t *testing.T, db *gorm.DB, table, index string) {
	t.Helper()
	var plan []string
	err := db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SET LOCAL enable_seqscan = off").Error; err != nil {
			return err
		}
		return tx.Raw(fmt.Sprintf(`EXPLAIN SELECT id FROM %s WHERE search_words @@ ?::tsquery`, table),
			tsquery([]string{"ana", "wa"})).Scan(&plan).Error
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(plan, "\n"), index) {
		t.Errorf("a search of %s does not use %s:\n%s", table, index, strings.Join(plan, "\n"))
	}
}

// wantClassEdges fails unless search_vector, on a COLLATE "C" text as the
// columns are, keeps each code point at an edge of its word class's ranges
// in a word exactly when Go's rule does: "a" c "b" is one word or two.
func wantClassEdges(t *testing.T, db *gorm.DB) {
	t.Helper()
	var points []string
	want := map[int]bool{}
	for _, rg := range wordRanges() {
		for _, r := range []rune{rg[0] - 1, rg[0], rg[1], rg[1] + 1} {
			if r < 1 || r > unicode.MaxRune || (r >= 0xD800 && r <= 0xDFFF) {
				continue
			}
			points = append(points, fmt.Sprint(r))
			want[int(r)] = len(search.Words("a"+string(r)+"b")) == 1
		}
	}
	var in []int
	if err := db.Raw(`SELECT c FROM unnest(?::int[]) AS c
		WHERE cardinality(tsvector_to_array(search_vector(('a' || chr(c) || 'b') COLLATE "C"))) = 1`,
		"{"+strings.Join(points, ",")+"}").Scan(&in).Error; err != nil {
		t.Fatal(err)
	}
	got := map[int]bool{}
	for _, c := range in {
		got[c] = true
	}
	for c, w := range want {
		if got[c] != w {
			t.Errorf("U+%04X: search_vector keeps it in a word: %v; Go: %v", c, got[c], w)
		}
	}
	if len(want) < 2000 {
		t.Errorf("checked %d code points, want the edges of every range", len(want))
	}
}

// TestPostgresSearchPeople: a person is found by any word of the name, the
// e-mail (its parts), the team or the title, as on SQLite.
func TestPostgresSearchPeople(t *testing.T) {
	db := migratedPostgres(t)
	p := model.Person{Name: "Íñigo Sáenz", Email: "inigo.saenz@example.org", Team: "Diseño", Title: "Jefe de Ingeniería"}
	if err := db.Create(&p).Error; err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query string
		want  bool
	}{
		{"inigo", true}, {"IÑ", true}, {"saenz inigo", true}, {"example", true}, {"org", true}, {"diseno", true},
		{"ingenieria", true}, {"nigo", false}, {"inigo ruiz", false}, {"inigosaenz", false},
	} {
		q := search.Parse(tt.query)
		var n int
		if err := db.Raw(`SELECT COUNT(*) FROM people WHERE search_vector(search_key) @@ ?::tsquery`, tsquery(q.Words())).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		if got := n == 1; got != tt.want || got != q.Match(p.SearchKey) {
			t.Errorf("%q finds the person: %v, want %v (Go: %v)", tt.query, got, tt.want, q.Match(p.SearchKey))
		}
	}
}
