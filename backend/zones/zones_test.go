package zones_test

import (
	"archive/zip"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // as the Windows build has it: every zone loads without a system database

	"circlebook/backend/zones"
)

func TestListNamesPlaces(t *testing.T) {
	list := zones.New().List()
	if len(list) < 300 {
		t.Fatalf("%d zones, want the world's", len(list))
	}
	for _, want := range []string{"Europe/Madrid", "America/New_York", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "Pacific/Auckland", "UTC"} {
		if !slices.Contains(list, want) {
			t.Errorf("the list lacks %s", want)
		}
	}
	for _, legacy := range []string{"US/Eastern", "Etc/GMT+5", "EST5EDT", "Local", ""} {
		if slices.Contains(list, legacy) {
			t.Errorf("the list offers %q, which names no place", legacy)
		}
	}
	if !slices.IsSorted(list) {
		t.Error("the list is not sorted")
	}
	for _, name := range list {
		if _, err := time.LoadLocation(name); err != nil {
			t.Errorf("%s does not load: %v", name, err)
		}
	}
}

// The embedded list is the place zones of the tzdata Go ships; run
// `go generate ./backend/zones` after a Go upgrade when this fails.
func TestListIsGoTZData(t *testing.T) {
	path := filepath.Join(runtime.GOROOT(), "lib", "time", "zoneinfo.zip")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no Go tzdata here: %v", err)
	}
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var want []string
	for _, f := range r.File {
		if zones.Place(f.Name) {
			want = append(want, f.Name)
		}
	}
	slices.Sort(want)
	if got := zones.New().List(); !slices.Equal(got, want) {
		t.Errorf("embedded list has %d zones, Go's tzdata %d: run go generate ./backend/zones", len(got), len(want))
	}
}
