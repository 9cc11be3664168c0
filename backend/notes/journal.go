package notes

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"circlebook/backend/atomic"
)

// Draft is note text that the database did not take, kept so that it can be
// offered back on the next start.
type Draft struct {
	SessionID  uint      `json:"sessionId"`
	Visibility string    `json:"visibility"`
	Body       string    `json:"body"`
	SavedAt    time.Time `json:"savedAt"`
}

// Journal keeps drafts as one small file each in a folder beside the
// database, written atomically (temporary file, fsync, rename).
type Journal struct {
	dir string
}

// NewJournal returns a journal in dir; the folder is made on the first write.
func NewJournal(dir string) *Journal { return &Journal{dir: dir} }

func (j *Journal) path(sessionID uint, visibility string) string {
	return filepath.Join(j.dir, fmt.Sprintf("session-%d-%s.json", sessionID, visibility))
}

// Put writes a draft, replacing any earlier one for the same note.
func (j *Journal) Put(d Draft) error {
	if err := os.MkdirAll(j.dir, 0o700); err != nil {
		return err
	}
	data, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return atomic.WriteFile(j.path(d.SessionID, d.Visibility), data, 0o600)
}

// Remove forgets the draft of a note, if there is one.
func (j *Journal) Remove(sessionID uint, visibility string) error {
	err := os.Remove(j.path(sessionID, visibility))
	if os.IsNotExist(err) {
		return nil
	}
	return err
}

// All returns every draft in the journal; unreadable files are skipped.
func (j *Journal) All() ([]Draft, error) {
	entries, err := os.ReadDir(j.dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Draft
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "session-") || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(j.dir, e.Name()))
		var d Draft
		if err == nil && json.Unmarshal(data, &d) == nil {
			out = append(out, d)
		}
	}
	return out, nil
}
