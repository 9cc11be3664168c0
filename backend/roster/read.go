// Package roster imports people from a roster file (CSV, TSV or XLSX):
// read the file, guess which column is which field, plan every row as
// create, update, skip or error, apply the plan in one transaction, and
// undo the last import.
package roster

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"circlebook/backend/apperr"
)

// Limits on what a roster file may hold; each is checked before or while
// reading, so a hostile file is refused without being read whole.
const (
	MaxFileBytes = 50 << 20 // refused by size before reading
	MaxRows      = 100_000  // data rows
	MaxColumns   = 500
	MaxCellBytes = 64 << 10
)

// Table is a roster file as read: its header and its non-blank data rows.
type Table struct {
	Format    string   `json:"format"`    // csv, tsv or xlsx
	Encoding  string   `json:"encoding"`  // utf-8, utf-8 with BOM, utf-16le, utf-16be, windows-1252 (xlsx: "")
	Delimiter string   `json:"delimiter"` // ",", ";" or "\t" (xlsx: "")
	HeaderRow int      `json:"headerRow"` // the header's row number in the file, from 1
	Headers   []string `json:"headers"`   // unique, never empty ("Column 3")
	Rows      []Row    `json:"-"`
}

// Row is one data row: its number in the file (as a spreadsheet counts
// rows) and one cell per header.
type Row struct {
	Number int
	Cells  []string
}

// refuse is the error every refused file gets: nothing was read into the
// database, and the message says why.
func refuse(format string, args ...any) error {
	return apperr.New(apperr.Invalid, "file", format, args...)
}

// ReadFile reads the roster file at path, refusing one over MaxFileBytes
// by its size before reading it.
func ReadFile(path string) (Table, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Table{}, refuse("Cannot open %s: %v.", filepath.Base(path), errors.Unwrap(err))
	}
	if info.IsDir() {
		return Table{}, refuse("%s is a folder, not a file.", filepath.Base(path))
	}
	if info.Size() > MaxFileBytes {
		return Table{}, tooBig(info.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return Table{}, refuse("Cannot open %s: %v.", filepath.Base(path), errors.Unwrap(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return Table{}, refuse("Cannot read %s: %v.", filepath.Base(path), err)
	}
	return Read(path, data)
}

func tooBig(size int64) error {
	return refuse("The file is %.1f MB; a roster may be at most %d MB.", float64(size)/(1<<20), MaxFileBytes>>20)
}

// Read reads a roster from data; name (a file name) only breaks a tie
// between delimiters: the format is told by the content.
func Read(name string, data []byte) (Table, error) {
	switch {
	case len(data) > MaxFileBytes:
		return Table{}, tooBig(int64(len(data)))
	case len(bytes.TrimSpace(data)) == 0:
		return Table{}, refuse("The file is empty.")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readXLSX(data)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return Table{}, refuse("This is an old Excel file (.xls). Save it as .xlsx or CSV and import that.")
	}
	text, enc, err := decode(data)
	if err != nil {
		return Table{}, err
	}
	delim := delimiter(text, strings.EqualFold(filepath.Ext(name), ".tsv"))
	records, err := readCSV(text, delim)
	if err != nil {
		return Table{}, err
	}
	t, err := tabulate(records)
	t.Format, t.Encoding, t.Delimiter = "csv", enc, string(delim)
	if delim == '\t' {
		t.Format = "tsv"
	}
	return t, err
}

// record is one row of the file as read, before the header is known.
type record struct {
	number int
	cells  []string
}

// readCSV splits text into records with delim, counting rows, columns and
// cell sizes as it goes.
func readCSV(text string, delim rune) ([]record, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = delim, -1, true
	var out []record
	for {
		cells, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			return nil, refuse("Row %d cannot be read: %v.", line, err)
		}
		if err := checkRecord(line, cells, len(out)); err != nil {
			return nil, err
		}
		out = append(out, record{line, cells})
	}
}

// checkRecord refuses a row past the limits: too many rows, columns or
// too long a cell.
func checkRecord(number int, cells []string, before int) error {
	if before > MaxRows {
		return refuse("The file has more than %d rows; split it into smaller files.", MaxRows)
	}
	if len(trimRight(cells)) > MaxColumns {
		return refuse("Row %d has %d columns; a roster may have at most %d.", number, len(cells), MaxColumns)
	}
	for i, c := range cells {
		if len(c) > MaxCellBytes {
			return refuse("Row %d, column %d holds %d KB of text; a cell may hold at most %d KB.", number, i+1, len(c)>>10, MaxCellBytes>>10)
		}
	}
	return nil
}

// trimRight drops the empty cells at the end of a row (spreadsheets pad rows).
func trimRight(cells []string) []string {
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	return cells[:n]
}

func blank(cells []string) bool { return len(trimRight(cells)) == 0 }

// tabulate finds the header among the records and turns the rest into
// rows as wide as the header: short rows are padded, a row with cells past
// the header's last column is refused by its number, blank rows are dropped.
func tabulate(records []record) (Table, error) {
	h := headerIndex(records)
	if h < 0 {
		return Table{}, refuse("The file has no rows.")
	}
	t := Table{HeaderRow: records[h].number, Headers: headers(trimRight(records[h].cells))}
	for _, rec := range records[h+1:] {
		cells := trimRight(rec.cells)
		if len(cells) == 0 {
			continue
		}
		if len(cells) > len(t.Headers) {
			return Table{}, refuse("Row %d has %d cells but the header (row %d) has %d columns.", rec.number, len(cells), t.HeaderRow, len(t.Headers))
		}
		row := make([]string, len(t.Headers))
		for i, c := range cells {
			row[i] = strings.TrimSpace(c)
		}
		t.Rows = append(t.Rows, Row{Number: rec.number, Cells: row})
	}
	if len(t.Rows) == 0 {
		return Table{}, refuse("The file has a header row (row %d) but no people under it.", t.HeaderRow)
	}
	return t, nil
}

// headers makes the header cells unique and never empty.
func headers(cells []string) []string {
	out := make([]string, len(cells))
	seen := map[string]int{}
	for i, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			c = fmt.Sprintf("Column %d", i+1)
		}
		key := strings.ToLower(c)
		if seen[key]++; seen[key] > 1 {
			c = fmt.Sprintf("%s (%d)", c, seen[key])
		}
		out[i] = c
	}
	return out
}
