package notes_test

import (
	"crypto/sha256"
	"os"
	"strings"
	"testing"
	"time"

	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// TestTypingSaveStatements counts the statements a save runs while the
// leader types (besides BEGIN and COMMIT): this driver parses every one
// each time, so each costs on every keystroke. A save reads what it needs
// in one statement and reads neither the text it replaces nor the last
// revision's; task lines and action items are read only when the note has
// some.
func TestTypingSaveStatements(t *testing.T) {
	for _, c := range []struct {
		name       string
		visibility string
		body       string
		want       int // the read, the write, [the note's items,] the session's items for the reply
	}{
		{"shared note with a task line", model.Shared, "Notes.\n- [ ] @all read the brief\n", 4},
		{"shared note without task lines", model.Shared, "Notes, and nothing to do.\n", 3},
		{"private note", model.Private, "- [ ] @all only a reminder to myself\n", 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := setup(t)
			rec, err := plantest.Attach(e.st.DB)
			if err != nil {
				t.Fatal(err)
			}
			e.save(t, c.visibility, c.body) // the first save makes the note, its revision and any item
			e.clock.Advance(time.Second)
			rec.Take()
			e.save(t, c.visibility, c.body+"More.")
			stmts := rec.Take()
			if len(stmts) != c.want {
				t.Errorf("a typing save ran %d statements, want %d:\n%s", len(stmts), c.want, list(stmts))
			}
			for _, s := range stmts {
				if sql := strings.ToLower(s.String()); strings.Contains(sql, "from `notes`") || strings.Contains(sql, "from `note_revisions`") {
					t.Errorf("a typing save read a text it does not need: %s", s)
				}
			}
		})
	}
}

func list(stmts []plantest.Statement) string {
	lines := make([]string, len(stmts))
	for i, s := range stmts {
		lines[i] = "  " + s.String()
	}
	return strings.Join(lines, "\n")
}

// TestTypingPaysForNoCheckpoint types a long note, each save rewriting
// about a dozen pages, well past the 1,000 pages at which SQLite would have
// the committing save copy the WAL into the database file; no save may
// write that file: the store checkpoints when typing pauses.
func TestTypingPaysForNoCheckpoint(t *testing.T) {
	testdb.SQLiteOnly(t)
	e := setup(t)
	text := strings.Repeat("We agreed on the next experiment and who runs it. ", 1000) // 50 KB
	e.save(t, model.Shared, text)
	before := fileDigest(t, e.st.Path)
	for i := range 120 {
		e.clock.Advance(time.Second)
		e.save(t, model.Shared, text+strings.Repeat("x", i))
	}
	if fileDigest(t, e.st.Path) != before {
		t.Fatal("a save wrote the database file: it paid for a checkpoint")
	}
}

func fileDigest(t *testing.T, path string) [sha256.Size]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}
