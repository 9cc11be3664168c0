package export_test

import (
	"encoding/json"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
)

func TestFile(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	svc := export.New(w.db, testdb.Now)
	tests := []struct {
		req        export.Request
		name, mime string
	}{
		{export.Request{Format: "md", Period: export.LastQuarter}, "product-leadership-circle-2026-q3.md", "text/markdown; charset=utf-8"},
		{export.Request{Format: "html", Period: export.AllTime}, "product-leadership-circle.html", "text/html; charset=utf-8"},
		{export.Request{Format: "csv", Table: export.TableRoster, Period: export.ThisQuarter}, "product-leadership-circle-2026-q4-roster.csv", "text/csv; charset=utf-8"},
		{export.Request{Format: "ics", Period: "range", From: "2026-03-01", To: "2026-03-31"}, "product-leadership-circle-2026-03-01-to-2026-03-31.ics", "text/calendar; charset=utf-8"},
		{export.Request{Format: "json"}, "product-leadership-circle-bundle.json", "application/json"},
	}
	for _, tt := range tests {
		f, err := svc.File(w.year.Circle.ID, tt.req)
		if err != nil {
			t.Errorf("File(%+v): %v", tt.req, err)
			continue
		}
		if f.Name != tt.name || f.Mime != tt.mime || len(f.Data) == 0 {
			t.Errorf("File(%+v) = %q %q, %d bytes; want %q %q", tt.req, f.Name, f.Mime, len(f.Data), tt.name, tt.mime)
		}
		for _, secret := range w.year.Secrets {
			if strings.Contains(string(f.Data), secret) {
				t.Errorf("File(%+v) contains private text %q", tt.req, secret)
				break
			}
		}
	}
	f, err := svc.File(w.year.Circle.ID, export.Request{Format: "json"})
	if err != nil || !json.Valid(f.Data) {
		t.Errorf("bundle is not JSON: %v", err)
	}
}

func TestFileRefusesBadInput(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	svc := export.New(w.db, testdb.Now)
	tests := []struct {
		req   export.Request
		code  apperr.Code
		field string
	}{
		{export.Request{Format: "docx", Period: "all"}, apperr.Invalid, "format"},
		{export.Request{Format: "csv", Table: "people", Period: "all"}, apperr.Invalid, "table"},
		{export.Request{Format: "md", Period: "next-decade"}, apperr.Invalid, "period"},
		{export.Request{Format: "md", Period: "range", From: "2026-02-30"}, apperr.Invalid, "from"},
		{export.Request{Format: "md", Period: "range", To: "soon"}, apperr.Invalid, "to"},
		{export.Request{Format: "md", Period: "range", From: "2026-04-01", To: "2026-03-01"}, apperr.Invalid, "to"},
	}
	for _, tt := range tests {
		_, err := svc.File(w.year.Circle.ID, tt.req)
		testdb.WantError(t, err, tt.code, tt.field)
		_, err = svc.Preview(w.year.Circle.ID, tt.req)
		if tt.field != "format" && tt.field != "table" {
			testdb.WantError(t, err, tt.code, tt.field)
		}
	}
	_, err := svc.File(9999, export.Request{Format: "md", Period: "all"})
	testdb.WantError(t, err, apperr.NotFound, "")
}

func TestPreviewIsSanitizedHTML(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	got, err := export.New(w.db, testdb.Now).Preview(w.year.Circle.ID, export.Request{Period: export.AllTime, Anonymize: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "<h1") || !strings.Contains(got, "Product Leadership Circle") || strings.Contains(got, "<script") {
		t.Errorf("preview does not read as the summary: %.300s", got)
	}
	if strings.Contains(got, w.year.People[0].Name) {
		t.Errorf("anonymized preview names %s", w.year.People[0].Name)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct{ circle, from, to, part, ext, want string }{
		{"Product Craft Circle", "2026-07-01", "2026-09-30", "", "md", "product-craft-circle-2026-q3.md"},
		{"Équipe Ünal & Dąbrowska", "", "", "roster", "csv", "equipe-unal-dabrowska-roster.csv"},
		{"../../etc/passwd", "2026-01-05", "", "", "ics", "etc-passwd-from-2026-01-05.ics"},
		{"日本", "", "2026-03-31", "", "html", "circle-until-2026-03-31.html"},
	}
	for _, tt := range tests {
		if got := export.FileName(tt.circle, tt.from, tt.to, tt.part, tt.ext); got != tt.want {
			t.Errorf("FileName(%q) = %q; want %q", tt.circle, got, tt.want)
		}
	}
}
