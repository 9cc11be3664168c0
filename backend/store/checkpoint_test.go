package store_test

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"circlebook/backend/store"
)

// TestWritesLeaveTheCheckpointToAPause writes far more than SQLite's
// default checkpoint size (1,000 pages) in back-to-back commits: none of
// them may write the database file, which only a checkpoint does; then,
// once the writes pause, the file alone must hold every commit.
func TestWritesLeaveTheCheckpointToAPause(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var backstop int
	if err := st.DB.Raw("PRAGMA wal_autocheckpoint").Scan(&backstop).Error; err != nil || backstop < 4000 {
		t.Fatalf("wal_autocheckpoint = %d (%v), want a backstop well above SQLite's 1000", backstop, err)
	}
	if err := st.DB.Exec(`CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`).Error; err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, store.FileName)
	before := digest(t, path)
	const commits = 200       // 32 KB each: about 9 pages a commit, 1,800 in all
	var longest time.Duration // the longest commit: a pause between writes as the checkpointer sees it
	for i := range commits {
		start := time.Now()
		if err := st.DB.Exec(`INSERT INTO blobs (body) VALUES (?)`, strings.Repeat(string(rune('a'+i%26)), 32<<10)).Error; err != nil {
			t.Fatal(err)
		}
		longest = max(longest, time.Since(start))
	}
	if longest >= store.CheckpointIdle/2 {
		t.Skipf("a commit took %v, near the pause that starts a checkpoint: too slow a machine to tell", longest)
	}
	if !bytes.Equal(digest(t, path), before) {
		t.Fatal("a commit wrote the database file: it paid for a checkpoint")
	}

	deadline := time.Now().Add(store.CheckpointIdle + 10*time.Second)
	for n := rowsInFileAlone(t, path); n != commits; n = rowsInFileAlone(t, path) {
		if time.Now().After(deadline) {
			t.Fatalf("after the pause the database file alone holds %d of the %d commits", n, commits)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// digest is the SHA-256 of the file at path.
func digest(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return sum[:]
}

// rowsInFileAlone counts the blobs in a copy of the database file made
// without its WAL: what has been checkpointed.
func rowsInFileAlone(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, data, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+cp)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM blobs`).Scan(&n); err != nil {
		return -1 // the table itself is not checkpointed yet
	}
	return n
}

// TestCloseTwice closes a store twice, as a deferred Close after an
// explicit one does: the second does nothing.
func TestCloseTwice(t *testing.T) {
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st.Close()
}
