package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/program"
)

// programWorld is two circles of a cohort, one with a hostile name, and
// one of another cohort.
func programWorld(t *testing.T) *export.Exports {
	t.Helper()
	st, f := testdb.New(t)
	f.Circle("=HYPERLINK(\"http://x\") Équipe", func(c *model.Circle) { c.Cohort = "2026 spring" })
	f.Circle("Product Craft", func(c *model.Circle) { c.Cohort = "2026 spring"; c.Kind = model.KindPair })
	f.Circle("Data Guild", func(c *model.Circle) { c.Cohort = "2025 fall" })
	return export.New(st.DB, testdb.Now)
}

func TestProgramCSVReadsBack(t *testing.T) {
	file, err := programWorld(t).ProgramFile(export.ProgramRequest{Request: program.Request{Cohort: "2026 spring"}, Format: "csv"})
	if err != nil {
		t.Fatal(err)
	}
	if file.Name != "program-2026-spring.csv" || !strings.HasPrefix(file.Mime, "text/csv") {
		t.Errorf("file %q (%s)", file.Name, file.Mime)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file.Data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0][0] != "Circle" || rows[1][0] != "'=HYPERLINK(\"http://x\") Équipe" ||
		rows[2][0] != "Product Craft" || rows[2][1] != "pair" || rows[2][2] != "2026 spring" {
		t.Errorf("rows: %q", rows)
	}
	if rows[1][4] != program.HealthWatch || rows[1][5] != "No next session planned" {
		t.Errorf("health cells %q %q, want watch for no next session", rows[1][4], rows[1][5])
	}
}

func TestProgramPDFReadsBack(t *testing.T) {
	file, err := programWorld(t).ProgramFile(export.ProgramRequest{Format: "pdf"})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, file.Data)
	for _, want := range []string{"Program view", "3 circles: 0 good, 3 to watch", "Data Guild", "Product Craft", "=HYPERLINK", "Page 1 of 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}
}

func TestProgramFileRefusals(t *testing.T) {
	e := programWorld(t)
	_, err := e.ProgramFile(export.ProgramRequest{Format: "xlsx"})
	testdb.WantError(t, err, apperr.Invalid, "format")
	_, err = e.ProgramFile(export.ProgramRequest{Format: "pdf", PageSize: "A0"})
	testdb.WantError(t, err, apperr.Invalid, "pageSize")
	_, err = e.ProgramFile(export.ProgramRequest{Format: "csv", Request: program.Request{Kind: "trio"}})
	testdb.WantError(t, err, apperr.Invalid, "kind")
}
