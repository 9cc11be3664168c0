package roster

import (
	"time"

	"circlebook/backend/check"

	"gorm.io/gorm"
)

// Roster imports roster files into the people of the program.
type Roster struct {
	db  *gorm.DB
	now func() time.Time
}

// New returns the roster import service over db.
func New(db *gorm.DB, now func() time.Time) *Roster {
	return &Roster{db: db, now: now}
}

// Column is one column of a file as the mapping screen shows it.
type Column struct {
	Header  string   `json:"header"`
	Samples []string `json:"samples"` // its first few non-empty values
	Field   string   `json:"field"`   // the guessed field, or ""
}

// Preview is a file read but not planned: its columns with sample values
// and the guessed mapping.
type Preview struct {
	Format    string   `json:"format"`
	Encoding  string   `json:"encoding"`
	Delimiter string   `json:"delimiter"`
	HeaderRow int      `json:"headerRow"`
	Rows      int      `json:"rows"`
	Columns   []Column `json:"columns"`
	Mapping   Mapping  `json:"mapping"`
	Fields    []string `json:"fields"` // every field a column can map to
}

// Preview reads a roster file and guesses its mapping; it writes nothing.
func (s *Roster) Preview(src Source) (Preview, error) {
	t, err := src.read()
	if err != nil {
		return Preview{}, err
	}
	m := Guess(t)
	out := Preview{Format: t.Format, Encoding: t.Encoding, Delimiter: t.Delimiter, HeaderRow: t.HeaderRow,
		Rows: len(t.Rows), Mapping: m, Fields: Fields}
	for i, h := range t.Headers {
		out.Columns = append(out.Columns, Column{Header: h, Samples: samples(t, i, 3), Field: m[h]})
	}
	return out, nil
}

// DryRun plans every row of an import and writes nothing.
func (s *Roster) DryRun(req Request) (Plan, error) {
	t, err := req.read()
	if err != nil {
		return Plan{}, err
	}
	var p Plan
	err = s.db.Transaction(func(tx *gorm.DB) (err error) {
		p, err = plan(tx, t, req, s.today())
		return err
	})
	return p, err
}

func (s *Roster) today() string { return s.now().Format(check.DateLayout) }

// read reads the source's bytes, or its file.
func (src Source) read() (Table, error) {
	if src.Data != nil || src.Path == "" {
		return Read(src.Name, src.Data)
	}
	return ReadFile(src.Path)
}
