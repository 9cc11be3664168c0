// Package scaledb gives tests and benchmarks a program-scale database made
// by backend/scale, without making it again for each of them.
//
// The first caller generates the file into a cache folder keyed by the
// generator's version, the size and the schema's migrations (so a new
// migration or generator makes a new file); every caller then gets a
// private copy in its own temporary folder, so a test or a benchmark may
// write to its copy without changing the cache. The file was never
// ANALYZEd.
//
//	dir := scaledb.Dir(b)                      // a data folder: pass to store.Open or --data
//	st := scaledb.Open(b)                      // or: a private copy, opened, closed at the end
//	svc := services.New(st.DB, scaledb.Now, b.TempDir())
//
// CIRCLEBOOK_SCALE chooses the size: tenth (the default: 15,900 people,
// 1,600 circles) or program (159,000 people, 16,000 circles). The first
// caller waits for the generator (about a minute for tenth, ten or more for
// program; callers in other processes wait on a lock meanwhile), so
// `make scale-data SIZE=program` fills the cache ahead of a test run.
// CIRCLEBOOK_SCALE_CACHE moves the cache from the user's cache folder.
package scaledb

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"circlebook/backend/scale"
	"circlebook/backend/store"
)

// Today is the day the data was generated around: its held sessions lie
// before it, its planned ones from it on. Give services Now as their clock.
var Today = time.Date(2026, time.November, 25, 9, 0, 0, 0, time.UTC)

// Now is a clock that reads Today.
func Now() time.Time { return Today }

// Size is the size CIRCLEBOOK_SCALE chooses: tenth unless it says program.
func Size() scale.Size {
	if os.Getenv("CIRCLEBOOK_SCALE") == scale.Program.Name {
		return scale.Program
	}
	return scale.Tenth
}

// Dir returns a data folder, removed when tb ends, holding a private copy
// of the generated database (store.FileName), generating it first if the
// cache has none.
func Dir(tb testing.TB) string {
	tb.Helper()
	src, err := Cached(Size(), os.Stderr)
	if err != nil {
		tb.Fatalf("scaledb: %v", err)
	}
	dir := tb.TempDir()
	if err := copyFile(src, filepath.Join(dir, store.FileName)); err != nil {
		tb.Fatalf("scaledb: copy: %v", err)
	}
	return dir
}

// Open opens a private copy of the generated database with store.Open and
// closes it when tb ends.
func Open(tb testing.TB) *store.Store {
	tb.Helper()
	st, err := store.Open(Dir(tb))
	if err != nil {
		tb.Fatalf("scaledb: open: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// Cached returns the path of the cached database of size, generating it
// (with progress on progress) when the cache has none. Never open that file
// with store.Open, which writes to it: copy it, as Dir does.
func Cached(size scale.Size, progress io.Writer) (string, error) {
	root, err := cacheRoot()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(root, 0o700); err != nil {
		return "", err
	}
	unlock, err := lock(filepath.Join(root, size.Name+".lock"))
	if err != nil {
		return "", err
	}
	defer unlock()
	name, err := key(size)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, name)
	path := filepath.Join(dir, store.FileName)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := generate(size, dir, progress); err != nil {
		return "", err
	}
	prune(root, size, dir)
	return path, nil
}

// key names a cache entry: size, generator version and a digest of the
// schema a fresh file gets (tables, indexes and triggers as SQLite stores
// them), so a migration whose body changes makes a new entry too.
func key(size scale.Size) (string, error) {
	schema, err := schemaText()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(strings.Join(store.MigrationIDs(), "\n") + "\n" + schema))
	return fmt.Sprintf("%s-v%d-%x", size.Name, scale.Version, sum[:4]), nil
}

// schemaText migrates an empty file in a temporary folder and returns its
// schema as sqlite_master holds it.
func schemaText() (string, error) {
	tmp, err := os.MkdirTemp("", "circlebook-schema-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	st, err := store.Open(tmp)
	if err != nil {
		return "", err
	}
	defer st.CloseWithoutOptimize()
	var rows []string
	err = st.DB.Raw(`SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name`).Scan(&rows).Error
	return strings.Join(rows, "\n"), err
}

func cacheRoot() (string, error) {
	if dir := os.Getenv("CIRCLEBOOK_SCALE_CACHE"); dir != "" {
		return dir, nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "circlebook-scale"), nil
}

// generate makes the database in a folder beside dir, then renames it into
// place, so a run stopped halfway leaves no entry behind.
func generate(size scale.Size, dir string, progress io.Writer) error {
	tmp := dir + ".partial"
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	fmt.Fprintf(progress, "scaledb: generating the %s-scale database into %s (once per generator and schema)\n", size.Name, dir)
	st, err := store.Open(tmp)
	if err != nil {
		return err
	}
	_, err = scale.Generate(st.DB, size, Today, progress)
	if err == nil {
		err = st.MergeSearch() // as the app does once writes pause (store/merge.go)
	}
	if err != nil {
		st.CloseWithoutOptimize()
		return err
	}
	if err := st.CloseWithoutOptimize(); err != nil {
		return err
	}
	return os.Rename(tmp, dir)
}

// prune removes the older entries of size: a program-scale file is large.
func prune(root string, size scale.Size, keep string) {
	old, _ := filepath.Glob(filepath.Join(root, size.Name+"-v*"))
	for _, dir := range old {
		if dir != keep {
			os.RemoveAll(dir)
		}
	}
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	// On the disk before anyone times anything: else the first fsync the
	// app makes (a checkpoint) would write out the whole copy.
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
