package roster_test

import (
	"archive/zip"
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/roster"
)

// TestHostileFilesAreRefusedAndWriteNothing: each file gets a message
// that says what is wrong, from both the dry run and the import, and the
// database stays as it was.
func TestHostileFilesAreRefusedAndWriteNothing(t *testing.T) {
	svc, f := setup(t)
	f.Circle("Spring cohort")
	f.Person("Ana Lima", func(p *model.Person) { p.Email = "ana@example.org" })
	rng := rand.New(rand.NewPCG(1, 2))
	garbage := make([]byte, 64<<10)
	for i := range garbage {
		garbage[i] = byte(rng.IntN(256))
	}
	wide := "Name" + strings.Repeat(",x", 100_000) + "\nAna" + strings.Repeat(",1", 100_000) + "\n"
	tests := []struct {
		name, file string
		data       func(t *testing.T) string // the file's path
		message    string                    // part of the message
	}{
		{"empty", "empty.csv", data(""), "empty"},
		{"blank lines", "blank.csv", data("\r\n \r\n\t\r\n"), "empty"},
		{"header only", "header.csv", data("Name,Email\r\n"), "no people"},
		{"header and blank rows", "header.csv", data("Name;Email\n;\n;;\n"), "no people"},
		{"1 GB", "big.csv", big(1 << 30), "at most 50 MB"},
		{"binary garbage", "garbage.csv", data(string(garbage)), "not a text file"},
		{"an old .xls", "old.xls", data("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 100)), ".xls"},
		{"zip bomb", "bomb.xlsx", zipBomb, "zip bomb"},
		{"a zip that is no workbook", "notes.xlsx", plainZip, "not a readable XLSX"},
		{"a row longer than the header", "long.csv", data("Name,Email\nAna,a@example.org\nBo,b@example.org,extra\n"), "Row 3 has 3 cells"},
		{"100,000 columns", "wide.csv", data(wide), "at most 500"},
		{"over 100,000 rows", "tall.csv", data("Name\n" + strings.Repeat("Ana\n", 100_002)), "more than 100000 rows"},
		{"a 1 MB cell", "cell.csv", data("Name,Notes\nAna,\"" + strings.Repeat("x", 1<<20) + "\"\n"), "at most 64 KB"},
		{"UTF-32", "u32.csv", data("\xFF\xFE\x00\x00N\x00\x00\x00"), "UTF-32"},
		{"UTF-16 without a BOM", "u16.csv", data("N\x00a\x00m\x00e\x00\n\x00A\x00n\x00a\x00\n\x00"), "UTF-16 without a byte order mark"},
		{"Shift-JIS", "sjis.csv", data("\x96\xbc\x91\x4f,\x83\x81\x81\x5b\x83\x8b\n\x93\x63\x92\x86\x91\xbe\x98\x59,t@example.org\n"), "Shift-JIS"},
		{"Mac Roman", "mac.csv", data("Name\nFran\x8dois\n"), "neither UTF-8 nor Windows-1252"},
		{"a missing file", "missing.csv", func(t *testing.T) string { return filepath.Join(t.TempDir(), "missing.csv") }, "Cannot open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.data(t)
			before := f.Fingerprint()
			for _, run := range []func() error{
				func() error { _, err := svc.Preview(roster.Source{Path: path}); return err },
				func() error { _, err := svc.DryRun(roster.Request{Source: roster.Source{Path: path}}); return err },
				func() error {
					_, err := svc.Import(roster.Request{Source: roster.Source{Path: path}, Circle: "Spring cohort", Role: "mentee"})
					return err
				},
			} {
				ae := testdb.WantError(t, run(), apperr.Invalid, "file")
				if ae != nil && !strings.Contains(ae.Message, tt.message) {
					t.Errorf("message %q, want it to say %q", ae.Message, tt.message)
				}
			}
			sameData(t, f, before)
		})
	}
}

// data returns a maker of a file holding s.
func data(s string) func(t *testing.T) string {
	return func(t *testing.T) string { return file(t, "roster.csv", []byte(s)) }
}

// big returns a maker of a sparse file of n bytes (nothing is written to disk).
func big(n int64) func(t *testing.T) string {
	return func(t *testing.T) string {
		path := file(t, "big.csv", []byte("Name\n"))
		if err := os.Truncate(path, n); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

// zipBomb makes a 1 MB workbook whose sheet unpacks to 400 MB.
func zipBomb(t *testing.T) string {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for range 400 {
		w.Write(zeros)
	}
	z.Close()
	return file(t, "bomb.xlsx", b.Bytes())
}

// plainZip makes a zip archive of one text file.
func plainZip(t *testing.T) string {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, _ := z.Create("notes.txt")
	w.Write([]byte("hello"))
	z.Close()
	return file(t, "notes.xlsx", b.Bytes())
}

// TestQuotedNewlinesAndShortRows: a cell with line breaks stays one cell,
// the rows keep the numbers a spreadsheet shows, and short rows are padded.
func TestQuotedNewlinesAndShortRows(t *testing.T) {
	svc, _ := setup(t)
	csv := "Name,Email,Strengths\n\"Ana\nLima\",ana@example.org,\"Listening;\nCoaching\"\nBo Chen\n\nCy Diaz,cy@example.org\n"
	p, err := svc.DryRun(roster.Request{Source: roster.Source{Name: "r.csv", Data: []byte(csv)}})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[int]string{2: "create", 5: "create", 7: "create"}; !equal(actions(p), want) {
		t.Errorf("actions %v, want %v", actions(p), want)
	}
	if r := rowOf(t, p, 2); r.Name != "Ana\nLima" {
		t.Errorf("row 2 name %q", r.Name)
	}
}
