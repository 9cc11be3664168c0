package roster

import (
	"archive/zip"
	"bytes"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Unzip limits for an XLSX roster: a zip bomb fails to open rather than
// filling memory; a sheet's XML past xlsxXMLLimit is streamed from a
// temporary file.
const (
	xlsxUnzipLimit = 200 << 20
	xlsxXMLLimit   = 16 << 20
)

// readXLSX reads the first sheet of an XLSX workbook. A cell keeps its
// value (a date its serial number, which the plan reads as a date); a formula cell without a saved value keeps its formula as
// plain text (it is never run, nor written back as a formula).
func readXLSX(data []byte) (Table, error) {
	if err := unzipSize(data); err != nil {
		return Table{}, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxXMLLimit})
	if err != nil { // excelize also stops at the limit while unzipping, whatever the sizes claimed
		return Table{}, refuse("The file looks like a zip archive but is not a readable XLSX workbook (or unpacks to more than %d MB).", xlsxUnzipLimit>>20)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return Table{}, refuse("The workbook has no sheets.")
	}
	records, err := sheetRecords(f, sheets[0])
	if err != nil {
		return Table{}, err
	}
	t, err := tabulate(records)
	t.Format = "xlsx"
	if err != nil {
		return t, err
	}
	return t, formulas(f, sheets[0], &t)
}

// unzipSize refuses a zip whose entries claim to unpack past the limit.
func unzipSize(data []byte) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return refuse("The file looks like a zip archive but cannot be opened as an XLSX workbook.")
	}
	var total uint64
	for _, e := range z.File {
		total += e.UncompressedSize64
	}
	if total > xlsxUnzipLimit {
		return refuse("The workbook unpacks to %d MB, over the %d MB limit; it is refused as a possible zip bomb.", total>>20, xlsxUnzipLimit>>20)
	}
	return nil
}

// sheetRecords streams a sheet's rows, checking the limits on each.
func sheetRecords(f *excelize.File, sheet string) ([]record, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, refuse("The first sheet of the workbook cannot be read.")
	}
	defer rows.Close()
	var out []record
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true}) // a date as its serial: the display format is mm-dd-yy whatever the locale
		if err != nil {
			return nil, refuse("Row %d of the workbook cannot be read.", n)
		}
		if blank(cells) {
			continue
		}
		if err := checkRecord(n, cells, len(out)); err != nil {
			return nil, err
		}
		out = append(out, record{n, cells})
	}
	if rows.Error() != nil {
		return nil, refuse("The workbook's first sheet cannot be read: %v.", rows.Error())
	}
	return out, nil
}

// formulas fills each empty cell that holds a formula with the formula's
// text, so "=HYPERLINK(...)" arrives as the text it is.
func formulas(f *excelize.File, sheet string, t *Table) error {
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			if c != "" {
				continue
			}
			name, err := excelize.CoordinatesToCellName(i+1, r.Number)
			if err != nil {
				return refuse("Row %d cannot be read.", r.Number)
			}
			if formula, err := f.GetCellFormula(sheet, name); err == nil && formula != "" {
				r.Cells[i] = "=" + strings.TrimPrefix(formula, "=")
			}
		}
	}
	return nil
}
