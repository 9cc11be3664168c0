//go:build ignore

// gen writes zones.txt: the place zones of the tz database in Go's own
// $GOROOT/lib/time/zoneinfo.zip, one a line, sorted. Run it with
// `go generate ./backend/zones` after a Go upgrade.
package main

import (
	"archive/zip"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"circlebook/backend/zones"
)

func main() {
	r, err := zip.OpenReader(filepath.Join(runtime.GOROOT(), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	var names []string
	for _, f := range r.File {
		if zones.Place(f.Name) {
			names = append(names, f.Name)
		}
	}
	slices.Sort(names)
	if err := os.WriteFile("zones.txt", []byte(strings.Join(names, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
}
