package paging_test

import (
	"fmt"
	"slices"
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/paging"

	"gorm.io/gorm"
)

// TestNamesOfNoWord: a capped one-word search finds, in list order, the
// names that start with no word ("(Zz) Odd", "¿Zz?"), whose first word
// the index sees elsewhere, and an empty name (its search text starts with
// the email), by cursor and by jumps.
func TestNamesOfNoWord(t *testing.T) {
	st, _ := testdb.New(t)
	people := [][2]string{{"(Zz) Odd", ""}, {"¿Zz?", ""}, {"", "zz@example.org"}, {"Ana Zz", ""}, {"-", "ana@zz.example.org"}}
	for n := 1; n <= 1100; n++ {
		people = append(people, [2]string{fmt.Sprintf("Zz Person %04d", n), ""})
	}
	err := st.DB.Transaction(func(tx *gorm.DB) error {
		for i, p := range people {
			err := tx.Exec(`INSERT INTO people (uuid, created_at, updated_at, name, email, name_key, search_key)
				VALUES (?, ?, ?, ?, ?, lower(?), lower(?) || ?)`,
				fmt.Sprint("p-", i), testdb.Today, testdb.Today, p[0], p[1], p[0], p[0], "\n"+p[1]+"\n\n").Error
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
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
