package store_test

import (
	"os"
	"path/filepath"
	"testing"

	"circlebook/backend/model"
	"circlebook/backend/store"
)

// A crash leaves the last commits in the WAL. Open must find every one of
// them. (When the crash also leaves the shared-memory index needing recovery,
// the read-only check cannot run first and Open checks after recovering; the
// kill -9 test in backend/durability meets that case now and then.)
func TestOpenRecoversTheWALACrashLeft(t *testing.T) {
	live := t.TempDir()
	st, err := store.Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c := model.Circle{Name: "After the crash", Kind: model.KindGroup, Cadence: model.CadenceWeekly, Status: model.CircleActive}
	if err := st.DB.Create(&c).Error; err != nil {
		t.Fatal(err)
	}

	// What the disk holds if the process dies now: the file and its WAL.
	crashed := t.TempDir()
	for _, name := range []string{store.FileName, store.FileName + "-wal"} {
		data, err := os.ReadFile(filepath.Join(live, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(crashed, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if info, err := os.Stat(filepath.Join(crashed, store.FileName+"-wal")); err != nil || info.Size() == 0 {
		t.Fatalf("the test needs a WAL holding the commit (%v)", err)
	}

	again, err := store.Open(crashed)
	if err != nil {
		t.Fatalf("Open after a crash: %v", err)
	}
	defer again.Close()
	var got model.Circle
	if err := again.DB.Where("uuid = ?", c.UUID).Take(&got).Error; err != nil {
		t.Fatalf("the commit in the WAL is lost: %v", err)
	}
}
