package paging_test

import (
	"slices"
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/paging"
)

// TestNamesOfNoWord: a capped one-word search finds, in list order, the
// names that start with no word ("(Zz) Odd", "¿Zz?"), whose first word
// the index sees elsewhere, and an empty name (its search text starts with
// the email), by cursor and by jumps.
func TestNamesOfNoWord(t *testing.T) {
	st, _ := testdb.New(t)
	err := st.DB.Exec(`WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 1100)
		INSERT INTO people (uuid, created_at, updated_at, name, name_key, search_key)
		SELECT 'p-' || n, '2026-11-25', '2026-11-25', name, lower(name), lower(name) || char(10, 10, 10)
		FROM (SELECT n, printf('Zz Person %04d', n) AS name FROM i)`).Error
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range [][2]string{{"(Zz) Odd", ""}, {"¿Zz?", ""}, {"", "zz@example.org"}, {"Ana Zz", ""}, {"-", "ana@zz.example.org"}} {
		err := st.DB.Exec(`INSERT INTO people (uuid, created_at, updated_at, name, email, name_key, search_key)
			VALUES (?, '2026-11-25', '2026-11-25', ?, ?, lower(?), lower(?) || char(10) || ? || char(10, 10))`,
			"odd-"+string(rune('a'+i)), p[0], p[1], p[0], p[0], p[1]).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	l := program{db: st.DB}.lists(t)[2]
	want := l.want("zz")
	if len(want) != 1105 {
		t.Fatalf("%d people match zz, want 1105", len(want))
	}
	var got []uint
	for after := ""; ; {
		page, err := l.call(paging.Request{Query: "zz", After: after, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if got = append(got, page.IDs...); page.Next == "" {
			break
		}
		after = page.Next
	}
	if !slices.Equal(got, want) {
		t.Errorf("paged %d rows by cursor, want %d in order (first difference at %d)", len(got), len(want), firstDiff(got, want))
	}
	for _, offset := range []int{0, 1, 2, 3, 4, 5, 500, 999} {
		page, err := l.call(paging.Request{Query: "zz", Offset: offset, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(page.IDs, want[offset:offset+10]) {
			t.Errorf("offset %d: %v, want %v", offset, page.IDs, want[offset:offset+10])
		}
	}
}
