package store

import (
	"database/sql"
	"testing"

	"gorm.io/gorm"
)

// TestMergeWaitsForALongWrite: a merge that meets a write transaction held
// past its busy timeout stops quietly, for the next pause to go on.
func TestMergeWaitsForALongWrite(t *testing.T) {
	st, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	other, err := sql.Open("sqlite", "file:"+st.Path+"?_pragma=busy_timeout(50)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	err = st.DB.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`INSERT INTO people (uuid, name, name_key, created_at, updated_at) VALUES ('u-1', 'Ana', 'ana', '2026-12-02', '2026-12-02')`).Error; err != nil {
			return err
		}
		steps, err := mergeIndexes(other, func() bool { return true })
		if err != nil || steps != 0 {
			t.Errorf("a merge beside a long write: %d steps, %v; want 0 and no error", steps, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
