package e2e_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGrowthReportPDFFromTheCLI exports a sample member's growth report as
// a PDF from the command line; pdftotext finds the goal and a check-in in
// it, and not the member's private goal.
func TestGrowthReportPDFFromTheCLI(t *testing.T) {
	pdftotext := need(t, "pdftotext")
	data := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", data); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	file := filepath.Join(t.TempDir(), "tomas.pdf")
	if _, errOut, code := runCLI(t, env(), "export", "--data", data, "--person", "tomas alvarez", "--format", "pdf", "--out", file); code != 0 {
		t.Fatalf("export --person: code %d: %s", code, errOut)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Tomás Álvarez — growth report", "Say no to side requests without guilt", "Check-in ", "(session "} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text has no %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Decide whether to stay on the Platform team") {
		t.Error("the PDF holds Tomás's private goal")
	}
	md, errOut, code := runCLI(t, env(), "export", "--data", data, "--person", "Tomás Álvarez", "--format", "md", "--from", "2026-01-01")
	if code != 0 || !strings.Contains(md, "Say no to side requests without guilt") {
		t.Errorf("export --person --format md: code %d, %s\n%s", code, errOut, md)
	}
}

func TestGrowthReportRefusesBadInput(t *testing.T) {
	data := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", data); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown person", []string{"--person", "Nobody", "--format", "md"}, "No one is called"},
		{"circle too", []string{"--person", "Emre Ünal", "--circle", "Product Craft Circle"}, "not both"},
		{"csv", []string{"--person", "Emre Ünal", "--format", "csv"}, "md, html or pdf"},
		{"anonymize", []string{"--person", "Emre Ünal", "--anonymize"}, "--circle only"},
		{"pdf to stdout", []string{"--person", "Emre Ünal", "--format", "pdf"}, "--out"},
		{"end before start", []string{"--person", "Emre Ünal", "--from", "2026-06-01", "--to", "2026-01-01"}, "before"},
		{"unwritable path", []string{"--person", "Emre Ünal", "--out", filepath.Join(dir, "missing", "x.md")}, "cannot write"},
	} {
		_, errOut, code := runCLI(t, env(), append([]string{"export", "--data", data}, c.args...)...)
		if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: code %d, stderr %q; want 2 and one line with %q", c.name, code, errOut, c.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused exports left %d files behind", len(entries))
	}
}
