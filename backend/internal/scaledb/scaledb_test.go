package scaledb_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"circlebook/backend/internal/scaledb"
	"circlebook/backend/model"
	"circlebook/backend/store"
)

// TestCache makes sure the cache holds the chosen size (generating it the
// first time: `make scale-data SIZE=program` runs just this), and that a
// copy written to leaves the cached file as it was.
func TestCache(t *testing.T) {
	size := scaledb.Size()
	start := time.Now()
	path, err := scaledb.Cached(size, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s-scale database ready in %v: %s, %d MB", size.Name, time.Since(start).Round(time.Millisecond), path, before.Size()>>20)
	if _, err := os.Stat(path + store.MarkerSuffix); err == nil {
		t.Error("the cached file has an open marker: copies of it would be checked as after a crash")
	}

	st := scaledb.Open(t)
	if filepath.Dir(st.Path) == filepath.Dir(path) {
		t.Fatal("Open gave the cached file itself, not a copy")
	}
	var circles int64
	st.DB.Model(&model.Circle{}).Count(&circles)
	if int(circles) != size.Circles {
		t.Errorf("the copy has %d circles, want %d", circles, size.Circles)
	}
	if err := st.DB.Create(&model.Circle{Name: "Written by a test", Kind: model.KindGroup, Cadence: model.CadenceWeekly, Status: model.CircleActive}).Error; err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(path)
	if err != nil || after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("writing to a copy changed the cached file (%v)", err)
	}
}
