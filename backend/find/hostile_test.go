package find_test

import (
	"os"
	"strings"
	"testing"

	"circlebook/backend/demo"
	"circlebook/backend/find"
	"circlebook/backend/internal/testdb"
)

// TestHostileQueries: every line of testdata/hostile.txt (FTS5 and tsquery
// operators, stray quotes, SQL, bad filters, emoji, RTL, CJK), and some
// built here (NUL, invalid UTF-8, exactly 10,000 characters), is a search
// that returns results or none: never an error, never a panic.
func TestHostileQueries(t *testing.T) {
	raw, err := os.ReadFile("testdata/hostile.txt")
	if err != nil {
		t.Fatal(err)
	}
	queries := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	queries = append(queries, "munoz\x00demo", "\xff\xfe munoz", strings.Repeat("a", 10000), strings.Repeat("\"a b ", 2000),
		strings.Repeat("-x ", 3000), strings.Repeat("NEAR(", 1000))
	if len(queries) < 50 {
		t.Fatalf("%d hostile queries, want at least 50", len(queries))
	}
	st := testdb.Open(t)
	if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
		t.Fatal(err)
	}
	f := find.New(st.DB, testdb.Now)
	for _, q := range queries {
		res, err := f.Search(find.Request{Query: q})
		if err != nil {
			t.Errorf("Search(%q): %v", q, err)
			continue
		}
		if res.Groups == nil || res.Marks == nil {
			t.Errorf("Search(%q): nil lists in %+v", q, res)
		}
	}
}
