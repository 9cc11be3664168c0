package export_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"circlebook/backend/export"
	"circlebook/backend/internal/testdb"
)

// poppler finds one of poppler's tools, skipping the test when it is not
// installed unless CIRCLEBOOK_E2E=1 asks for every check to run.
func poppler(t testing.TB, tool string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CIRCLEBOOK_E2E") == "1" {
			t.Fatalf("%s (poppler-utils) is needed: %v", tool, err)
		}
		t.Skipf("%s (poppler-utils) is not installed", tool)
	}
	return path
}

// pdfTool runs a poppler tool on a PDF and returns what it prints.
func pdfTool(t testing.TB, tool string, file []byte, args ...string) string {
	t.Helper()
	bin := poppler(t, tool)
	in := filepath.Join(t.TempDir(), "summary.pdf")
	if err := os.WriteFile(in, file, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, append(args, in, "-")...).CombinedOutput()
	if tool == "pdfinfo" {
		out, err = exec.Command(bin, in).CombinedOutput()
	}
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}

// pdfText is the text pdftotext extracts, in reading order.
func pdfText(t testing.TB, file []byte) string {
	t.Helper()
	return pdfTool(t, "pdftotext", file, "-enc", "UTF-8")
}

func renderPDF(t testing.TB, s export.Summary, size string) []byte {
	t.Helper()
	out, err := export.PDF(s, size)
	if err != nil {
		t.Fatalf("PDF(%s): %v", size, err)
	}
	if !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Fatalf("PDF(%s) does not start with %%PDF-: %q", size, out[:min(len(out), 16)])
	}
	return out
}

func TestPDFTextReadsBack(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{})
	got := pdfText(t, renderPDF(t, s, "A4"))
	want := append([]string{w.year.Circle.Name, "Page 1 of", "Members: 15", "At a glance", "Attendance rate per member",
		"Members attending each held session", "Highlights", "Action items", "Topics covered"}, testdb.YearNames...)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("the PDF's text lacks %q", w)
		}
	}
	pages := regexp.MustCompile(`Page (\d+) of (\d+)`).FindAllStringSubmatch(got, -1)
	if len(pages) < 2 {
		t.Fatalf("%d page numbers in the footer", len(pages))
	}
	last := pages[len(pages)-1]
	if last[1] != last[2] {
		t.Errorf("the last page says %q", last[0])
	}
	for _, p := range pages {
		if p[2] != last[2] {
			t.Errorf("page numbers disagree on the total: %q and %q", p[0], last[0])
		}
	}
}

func TestPDFPageSizes(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{From: "2026-01-01", To: "2026-03-31"})
	for _, tc := range []struct{ size, want string }{{"A4", "595x842"}, {"Letter", "612x792"}} {
		if got := pageSize(t, renderPDF(t, s, tc.size)); got != tc.want {
			t.Errorf("%s: the page is %s pt", tc.size, got)
		}
	}
	if _, err := export.PDF(s, "A3"); err == nil {
		t.Error("PDF(A3): no error")
	}
	out, err := export.Render(s, "pdf", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := pageSize(t, out); got != "595x842" {
		t.Errorf("Render(pdf): the page is %s pt, not A4", got)
	}
}

// pageSize is the first page's size as pdfinfo reports it, rounded to whole
// points: "595x842" for A4, "612x792" for Letter.
func pageSize(t testing.TB, file []byte) string {
	t.Helper()
	info := pdfTool(t, "pdfinfo", file)
	m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page size:\n%s", info)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	return fmt.Sprintf("%.0fx%.0f", w, h)
}

func TestPDFAnonymizedAndFiguresOnly(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	for _, opt := range optionSets {
		got := pdfText(t, renderPDF(t, w.build(t, opt), "Letter"))
		for _, bad := range append(append(append([]string{}, w.year.Secrets...), w.year.Unheld...), w.other, "@example.org", "SECRET") {
			if strings.Contains(got, bad) {
				t.Errorf("%+v: the PDF contains %q", opt, bad)
			}
		}
		if opt.Anonymize {
			for _, re := range nameWords(w) {
				if loc := re.FindStringIndex(got); loc != nil {
					t.Errorf("%+v: a real name is left: %q", opt, around(got, loc[0]))
				}
			}
			if !strings.Contains(got, "Member 15") {
				t.Errorf("%+v: no Member 15", opt)
			}
		}
		if opt.FiguresOnly {
			for _, text := range []string{"Highlights", "opened with a round of wins", "stakeholder map", "for feedback on", "HYPERLINK"} {
				if strings.Contains(got, text) {
					t.Errorf("%+v: the PDF contains note or action text %q", opt, text)
				}
			}
		}
	}
}

// nameWords matches each word of each member's name as a whole word.
func nameWords(w world) []*regexp.Regexp {
	var words []*regexp.Regexp
	for _, p := range w.year.People {
		for _, word := range strings.Fields(p.Name) {
			word = strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) })
			if len([]rune(word)) >= 2 {
				words = append(words, regexp.MustCompile(`(^|[^\pL\pN])`+regexp.QuoteMeta(word)+`($|[^\pL\pN])`))
			}
		}
	}
	return words
}

// TestPDFConcurrent renders two PDFs at once (the embedded fonts are
// shared) and checks that the same summary gives the same bytes.
func TestPDFConcurrent(t *testing.T) {
	w := newWorld(t, "Europe/Madrid")
	s := w.build(t, export.Options{From: "2026-01-01", To: "2026-03-31"})
	done := make(chan []byte)
	for range 2 {
		go func() {
			out, _ := export.PDF(s, "A4")
			done <- out
		}()
	}
	if a, b := <-done, <-done; !bytes.Equal(a, b) || len(a) == 0 {
		t.Errorf("two renderings differ (%d and %d bytes)", len(a), len(b))
	}
}

// BenchmarkYearPDF measures Build alone as the baseline, then Build and the
// PDF, for a year-long circle. The target: PDF under 300 ms.
func BenchmarkYearPDF(b *testing.B) {
	w := newWorld(b, "Europe/Madrid")
	for _, bb := range []struct {
		name string
		pdf  bool
	}{{"Build", false}, {"Build+PDF", true}} {
		b.Run(bb.name, func(b *testing.B) {
			size := 0
			for b.Loop() {
				s, err := export.Build(w.db, w.year.Circle.ID, export.Options{}, testdb.Today)
				if err != nil {
					b.Fatal(err)
				}
				if bb.pdf {
					out, err := export.PDF(s, "A4")
					if err != nil {
						b.Fatal(err)
					}
					size = len(out)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ms/op")
			if size > 0 {
				b.ReportMetric(float64(size)/1024, "KiB")
			}
		})
	}
}
