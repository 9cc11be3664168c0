package e2e_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// `circlebook program` prints the program view of the demo data, a line a
// circle with its health; --format csv|pdf --out FILE writes every row, read
// back by a CSV parser and pdftotext; bad flags exit 2 with one line on
// stderr, nothing on stdout and no file.
func TestProgramCLI(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", dir); code != 0 {
		t.Fatalf("demo: code %d: %s", code, errOut)
	}
	out, errOut, code := runCLI(t, env(), "program", "--data", dir)
	if code != 0 || !strings.HasPrefix(out, "4 of 4 circles\n") || !strings.Contains(out, "Chidi & Mateus") ||
		!strings.Contains(out, "1 goal at risk") {
		t.Fatalf("program: code %d, %q %q", code, out, errOut)
	}
	out, _, _ = runCLI(t, env(), "program", "--data", dir, "--kind", "pair")
	if !strings.HasPrefix(out, "1 of 1 circles\n") || !strings.Contains(out, "Chidi & Mateus") {
		t.Errorf("--kind pair: %q", out)
	}
	file := filepath.Join(dir, "program.csv")
	if _, errOut, code := runCLI(t, env(), "program", "--data", dir, "--format", "csv", "--out", file); code != 0 {
		t.Fatalf("csv: code %d: %s", code, errOut)
	}
	data, _ := os.ReadFile(file)
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil || len(rows) != 5 || rows[0][0] != "Circle" || rows[1][0] != "Chidi & Mateus" {
		t.Errorf("the CSV: %v %q", err, rows)
	}
	pdf := filepath.Join(dir, "program.pdf")
	if _, errOut, code := runCLI(t, env(), "program", "--data", dir, "--format", "pdf", "--out", pdf); code != 0 {
		t.Fatalf("pdf: code %d: %s", code, errOut)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil || !strings.Contains(string(text), "4 circles: 3 good, 1 to watch") {
		t.Errorf("pdftotext: %v %q", err, text)
	}
	for _, args := range [][]string{{"--kind", "trio"}, {"--format", "csv"}, {"--limit", "0"}, {"--format", "xlsx", "--out", filepath.Join(dir, "x")}} {
		out, errOut, code := runCLI(t, env(), append([]string{"program", "--data", dir}, args...)...)
		if code != 2 || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || errOut == "" {
			t.Errorf("%v: code %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); !os.IsNotExist(err) {
		t.Errorf("a refused export left a file: %v", err)
	}
}
