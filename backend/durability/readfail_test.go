package durability_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/model"
	"circlebook/backend/notes"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// ioError stands for SQLite's SQLITE_IOERR (10): the disk failed a read.
type ioError struct{}

func (ioError) Error() string { return "disk I/O error (10)" }
func (ioError) Code() int     { return 10 }

// TestSaveJournalsWhenTheSessionCannotBeRead makes the disk fail the very
// first read of a save, the session's row. That is a storage failure, not a
// missing session: the leader is told the text was not saved, and the text
// goes to the draft journal.
func TestSaveJournalsWhenTheSessionCannotBeRead(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ses, err := sessionFor(st.DB)
	if err != nil {
		t.Fatal(err)
	}
	failing := false
	err = st.DB.Callback().Query().Before("gorm:query").Register("test:failing-disk", func(db *gorm.DB) {
		if failing && db.Statement.Table == "sessions" {
			db.AddError(ioError{})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	journal := notes.NewJournal(filepath.Join(dir, "drafts"))
	svc := notes.New(st.DB, time.Now, journal)

	failing = true
	_, err = svc.Save(ses, model.Private, "words typed while the disk failed")
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != apperr.Internal {
		t.Fatalf("Save = %v, want an internal (storage) error, not %q", err, codeOf(ae))
	}
	drafts, err := journal.All()
	if err != nil || len(drafts) != 1 || drafts[0].Body != "words typed while the disk failed" {
		t.Fatalf("journal = %+v, %v; want the text", drafts, err)
	}

	failing = false
	if _, err := svc.Save(ses, model.Private, "words typed while the disk failed"); err != nil {
		t.Fatalf("Save once the disk works: %v", err)
	}
	if drafts, err := journal.All(); err != nil || len(drafts) != 0 {
		t.Errorf("journal after the save = %+v, %v; want it emptied", drafts, err)
	}
}

func codeOf(ae *apperr.Error) apperr.Code {
	if ae == nil {
		return ""
	}
	return ae.Code
}
