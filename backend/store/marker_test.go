package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/store"
)

func markerExists(t *testing.T, dir string) bool {
	t.Helper()
	_, err := os.Stat(filepath.Join(dir, store.FileName+store.MarkerSuffix))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return err == nil
}

// While the file is open the marker is there; a clean close removes it, and
// only the last of two stores open on one file does.
func TestOpenMarkerLivesWhileTheFileIsOpen(t *testing.T) {
	dir := t.TempDir()
	a, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !markerExists(t, dir) {
		t.Fatal("no open marker while the file is open")
	}
	b, err := store.Open(dir)
	if err != nil {
		t.Fatalf("a second Open while the first is live: %v", err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if !markerExists(t, dir) {
		t.Fatal("closing one of two stores removed the marker the other still needs")
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if markerExists(t, dir) {
		t.Error("the open marker is still there after the last clean close")
	}
}

// After a clean close, Open reads only what it needs: damage in pages it
// does not read goes unseen until `circlebook check` (store.Check) looks.
// (Were Open still checking the whole file, it would refuse this one.)
func TestOpenAfterACleanCloseDoesNotReadTheWholeFile(t *testing.T) {
	dir := t.TempDir()
	path := bigDatabase(t, dir)
	if markerExists(t, dir) {
		t.Fatal("bigDatabase closed cleanly, yet the marker is there")
	}
	damageMiddle(t, path)

	st, err := store.Open(dir)
	if err != nil {
		t.Fatalf("Open after a clean close checked the whole file: %v", err)
	}
	st.Close()
	problems, err := store.Check(dir)
	if err != nil || len(problems) == 0 {
		t.Errorf("Check = %v, %v; want the damage reported", problems, err)
	}
}

// A crash leaves the marker; the next Open checks the file, and a sound
// file opens and is marked again.
func TestOpenAfterACrashChecksAndOpensASoundFile(t *testing.T) {
	dir := t.TempDir()
	bigDatabase(t, dir)
	leaveCrashMarker(t, dir)
	st, err := store.Open(dir)
	if err != nil {
		t.Fatalf("Open of a sound file after a crash: %v", err)
	}
	if !markerExists(t, dir) {
		t.Error("no open marker while the file is open")
	}
	st.Close()
	if markerExists(t, dir) {
		t.Error("the crash's marker outlived a clean close")
	}
}

func TestCheck(t *testing.T) {
	testdb.SQLiteOnly(t)
	t.Run("sound", func(t *testing.T) {
		st, f := testdb.New(t)
		f.Person("Íñigo Sáenz")
		problems, err := store.Check(filepath.Dir(st.Path))
		if err != nil || len(problems) != 0 {
			t.Errorf("Check = %v, %v; want no problems", problems, err)
		}
	})
	t.Run("not a database", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, store.FileName), []byte(strings.Repeat("not a database ", 400)), 0o600)
		problems, err := store.Check(dir)
		if err != nil || len(problems) == 0 {
			t.Errorf("Check = %v, %v; want a problem", problems, err)
		}
	})
	t.Run("no file", func(t *testing.T) {
		dir := t.TempDir()
		if _, err := store.Check(dir); err == nil {
			t.Error("Check of an empty folder succeeded")
		}
		if _, err := os.Stat(filepath.Join(dir, store.FileName)); !errors.Is(err, os.ErrNotExist) {
			t.Error("Check made a database file")
		}
	})
}
