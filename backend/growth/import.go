package growth

import (
	"encoding/csv"
	"io"
	"strings"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"
)

// MaxImport caps the size of a framework file, in bytes.
const MaxImport = 256 << 10

// Import makes a framework named name from a file's contents: plain text
// with one topic or skill a line, or, when fileName ends in .csv, CSV whose
// first column names them (commas or semicolons). A first row "name",
// "topic" or "skill" is a header; blank lines are skipped; an empty or
// repeated name is refused with its row, and nothing is written.
func (s *Frameworks) Import(name, fileName, contents string) (model.Framework, error) {
	if len(contents) > MaxImport {
		return model.Framework{}, apperr.New(apperr.TooLong, "file", "The file is over %d KB.", MaxImport>>10)
	}
	items, rows, err := parseItems(contents, strings.HasSuffix(strings.ToLower(fileName), ".csv"))
	if err != nil {
		return model.Framework{}, err
	}
	in := FrameworkInput{Name: name, Items: items}.normalize()
	if err := check.All(check.RequiredUpTo("name", "Name", in.Name, check.MaxName), itemsValid(in.Items, rows)); err != nil {
		return model.Framework{}, err
	}
	return s.create(in)
}

// parseItems reads the names in a file and the row (line) each is on.
func parseItems(contents string, isCSV bool) (items []string, rows []int, err error) {
	contents = strings.TrimPrefix(contents, "\ufeff") // Excel's byte-order mark
	if !isCSV {
		items, rows = textItems(contents)
		return items, rows, nil
	}
	r := csv.NewReader(strings.NewReader(contents))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	if !strings.Contains(contents, ",") {
		r.Comma = ';' // a CSV from a locale that uses ;
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return items, rows, nil
		}
		if err != nil {
			return nil, nil, apperr.New(apperr.Invalid, "file", "This is not a text or CSV file we can read: %v.", err)
		}
		row, _ := r.FieldPos(0)
		if strings.TrimSpace(strings.Join(rec, "")) == "" || (len(items) == 0 && isHeader(rec[0])) {
			continue
		}
		items, rows = append(items, strings.TrimSpace(rec[0])), append(rows, row)
	}
}

// textItems reads plain text: each line not blank is a name, commas and
// quotes included; a first line "name", "topic" or "skill" is a header.
func textItems(contents string) (items []string, rows []int) {
	for i, line := range strings.Split(strings.ReplaceAll(contents, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line == "" || (len(items) == 0 && isHeader(line)) {
			continue
		}
		items, rows = append(items, line), append(rows, i+1)
	}
	return items, rows
}

// isHeader reports whether a first cell names the column rather than an item.
func isHeader(cell string) bool {
	switch strings.ToLower(strings.TrimSpace(cell)) {
	case "name", "topic", "skill", "topics", "skills":
		return true
	}
	return false
}
