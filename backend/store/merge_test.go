package store_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"circlebook/backend/model"
	"circlebook/backend/store"
)

// segments counts the segments of a list's search index.
func segments(t *testing.T, st *store.Store, fts string) int {
	t.Helper()
	var n int
	if err := st.DB.Raw(fmt.Sprintf("SELECT COUNT(DISTINCT segid) FROM %s_idx", fts)).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// addOneByOne adds people and circles a commit each, as a roster typed in
// does: each commit adds a segment to the lists' search indexes.
func addOneByOne(t *testing.T, st *store.Store, n int) {
	t.Helper()
	for i := range n {
		if err := st.DB.Create(&model.Person{Name: fmt.Sprintf("Ana Person %03d", i)}).Error; err != nil {
			t.Fatal(err)
		}
		c := model.Circle{Name: fmt.Sprintf("Circle %03d", i), Kind: model.KindGroup, Cadence: model.CadenceBiweekly, Status: model.CircleActive}
		if err := st.DB.Create(&c).Error; err != nil {
			t.Fatal(err)
		}
	}
}

// matches reads what a search of the people's index finds, in order.
func matches(t *testing.T, st *store.Store, q string) []int64 {
	t.Helper()
	var out []int64
	if err := st.DB.Raw("SELECT rowid FROM people_list_fts WHERE people_list_fts MATCH ? ORDER BY rowid", q).Scan(&out).Error; err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMergeSearchLeavesFewSegments adds rows a commit each, then merges: the
// indexes must keep at most a few segments and find the same rows.
func TestMergeSearchLeavesFewSegments(t *testing.T) {
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	addOneByOne(t, st, 120)
	before := map[string]int{}
	for _, fts := range []string{"people_list_fts", "circles_list_fts"} {
		if before[fts] = segments(t, st, fts); before[fts] < 8 {
			t.Fatalf("%s has %d segments after 120 commits: the test no longer fragments it", fts, before[fts])
		}
	}
	found := matches(t, st, `"ana"* "person"*`)
	if len(found) != 120 {
		t.Fatalf("the search finds %d of 120 people before the merge", len(found))
	}
	if err := st.MergeSearch(); err != nil {
		t.Fatal(err)
	}
	for fts, n := range before {
		if after := segments(t, st, fts); after > 4 || after >= n {
			t.Errorf("%s: %d segments before the merge, %d after: want at most 4", fts, n, after)
		}
		if err := st.DB.Exec(fmt.Sprintf("INSERT INTO %[1]s (%[1]s, rank) VALUES ('integrity-check', 0)", fts)).Error; err != nil {
			t.Errorf("%s after the merge: %v", fts, err)
		}
	}
	if got := matches(t, st, `"ana"* "person"*`); !slices.Equal(got, found) {
		t.Errorf("after the merge the search finds %d rows, %d before", len(got), len(found))
	}
}

// TestWritesPauseThenIndexesMerge leaves the merging to the store: once the
// writes pause, its own connection merges the indexes.
func TestWritesPauseThenIndexesMerge(t *testing.T) {
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	addOneByOne(t, st, 120)
	n := segments(t, st, "people_list_fts")
	deadline := time.Now().Add(store.CheckpointIdle + 20*time.Second)
	for segments(t, st, "people_list_fts") > 4 || segments(t, st, "circles_list_fts") > 4 {
		if time.Now().After(deadline) {
			t.Fatalf("people's index: %d segments after the writes, %d after a pause: the store did not merge them", n, segments(t, st, "people_list_fts"))
		}
		time.Sleep(100 * time.Millisecond)
	}
}
