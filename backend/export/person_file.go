package export

import (
	"circlebook/backend/check"

	"gorm.io/gorm"
)

// PersonRequest is what the person's page (or the CLI) asks a growth report for.
type PersonRequest struct {
	Format string `json:"format"` // one of PersonFormats
	From   string `json:"from"`   // first day, YYYY-MM-DD, or ""
	To     string `json:"to"`     // last day, YYYY-MM-DD, or ""
}

// GrowthReport builds a person's growth report in one read transaction.
func (s *Exports) GrowthReport(personID uint, from, to string) (PersonReport, error) {
	var out PersonReport
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		out, err = BuildPerson(tx, personID, from, to, s.now())
		return err
	})
	return out, err
}

// PersonFile renders a person's growth report as a file to save.
func (s *Exports) PersonFile(personID uint, req PersonRequest) (File, error) {
	if err := check.OneOf("format", "Format", req.Format, PersonFormats...); err != nil {
		return File{}, err
	}
	r, err := s.GrowthReport(personID, req.From, req.To)
	if err != nil {
		return File{}, err
	}
	data, err := RenderPerson(r, req.Format)
	if err != nil {
		return File{}, err
	}
	return File{Name: FileName(r.Name, req.From, req.To, "growth", req.Format), Mime: mimes[req.Format], Data: data}, nil
}
