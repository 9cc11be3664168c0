package e2e_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"circlebook/backend/circles"
	"circlebook/backend/model"
	"circlebook/backend/services"
	"circlebook/backend/store"

	ics "github.com/arran4/golang-ical"
	"golang.org/x/net/html"
)

// secret is written in a private note; no export may carry it.
const secret = "SECRET-7f3a-private-aside"

// exportData loads the sample program, adds shared and private notes to a
// held session of the Product Craft Circle, and a second circle whose name
// differs from another only in case.
func exportData(t *testing.T) string {
	t.Helper()
	data := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", data); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	st, err := store.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := services.New(st.DB, time.Now, data)
	var ses model.Session
	if err := st.DB.Joins("JOIN circles c ON c.id = sessions.circle_id").
		Where("c.name = ? AND sessions.status = ?", "Product Craft Circle", model.SessionHeld).
		Order("starts_at DESC").Take(&ses).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Notes.Save(ses.ID, model.Shared, "Aiko presented the research plan.\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Notes.Save(ses.ID, model.Private, "Remember: "+secret+"\n"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Twin", "TWIN"} {
		if _, err := svc.Circles.Create(circles.CircleInput{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	return data
}

func TestExportEveryFormatFromTheCLI(t *testing.T) {
	data := exportData(t)
	dir := t.TempDir()
	export := func(format string, extra ...string) []byte {
		t.Helper()
		out := filepath.Join(dir, "summary."+format)
		args := append([]string{"export", "--data", data, "--circle", "product craft circle", "--format", format, "--out", out}, extra...)
		if _, errOut, code := runCLI(t, env(), args...); code != 0 {
			t.Fatalf("export %s: code %d: %s", format, code, errOut)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(secret)) {
			t.Fatalf("%s export holds private text", format)
		}
		return b
	}

	md := export("md")
	if !bytes.Contains(md, []byte("# Product Craft Circle")) || !bytes.Contains(md, []byte("Aiko presented the research plan.")) {
		t.Errorf("Markdown lacks the heading or the shared note:\n%.400s", md)
	}

	page, err := html.Parse(bytes.NewReader(export("html")))
	if err != nil {
		t.Fatal(err)
	}
	var scripts, svgs int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" {
			scripts++
		}
		if n.Type == html.ElementNode && n.Data == "svg" {
			svgs++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(page)
	if scripts != 0 || svgs == 0 {
		t.Errorf("HTML has %d scripts and %d charts; want none and at least one", scripts, svgs)
	}

	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(export("csv", "--table", "roster"), []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+8 { // a header and the circle's eight members
		t.Errorf("roster CSV has %d rows, want 9", len(rows))
	}

	cal, err := ics.ParseCalendar(bytes.NewReader(export("ics")))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(cal.Events()); n != 10 {
		t.Errorf("calendar has %d events, want the circle's 10 sessions", n)
	}

	pdftotext := need(t, "pdftotext")
	export("pdf", "--page", "Letter")
	text, err := exec.Command(pdftotext, filepath.Join(dir, "summary.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(text, []byte("Product Craft Circle")) || !bytes.Contains(text, []byte("Page 1 of")) || !bytes.Contains(text, []byte("Hernández")) {
		t.Errorf("the PDF's text lacks the circle, page numbers or accented names:\n%.300s", text)
	}
	if bytes.Contains(text, []byte(secret)) {
		t.Error("the PDF holds private text")
	}

	anon := export("md", "--anonymize")
	if bytes.Contains(anon, []byte("Aiko")) || !bytes.Contains(anon, []byte("Member 1")) {
		t.Error("the anonymized summary still names members")
	}
}

func TestBundleRoundTripsThroughTheCLI(t *testing.T) {
	data := exportData(t)
	file := filepath.Join(t.TempDir(), "circle.json")
	if _, errOut, code := runCLI(t, env(), "export", "--data", data, "--circle", "Product Craft Circle", "--format", "json", "--out", file); code != 0 {
		t.Fatalf("export json: %s", errOut)
	}
	b, _ := os.ReadFile(file)
	if bytes.Contains(b, []byte(secret)) {
		t.Fatal("the bundle holds private text without --include-private")
	}
	fresh := t.TempDir()
	out, errOut, code := runCLI(t, env(), "import", "--data", fresh, file)
	if code != 0 || !strings.Contains(out, "created") {
		t.Fatalf("import: code %d: %s %s", code, out, errOut)
	}
	db := openDB(t, fresh)
	if n := count(t, db, "SELECT COUNT(*) FROM sessions"); n != 10 {
		t.Errorf("sessions after import = %d, want 10", n)
	}
	db.Close()
	out, _, code = runCLI(t, env(), "import", "--data", fresh, file)
	if code != 0 || !strings.Contains(out, " 0 records created, 0 updated") {
		t.Errorf("second import: code %d: %s", code, out)
	}
}

func TestExportRefusesBadInput(t *testing.T) {
	data := exportData(t)
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown circle", []string{"--circle", "Nope", "--format", "md"}, "No circle"},
		{"ambiguous name", []string{"--circle", "twin", "--format", "md"}, "2 circles"},
		{"bad date", []string{"--circle", "Product Craft Circle", "--from", "2026-02-30"}, "date"},
		{"end before start", []string{"--circle", "Product Craft Circle", "--from", "2026-06-01", "--to", "2026-01-01"}, "before"},
		{"unknown format", []string{"--circle", "Product Craft Circle", "--format", "docx"}, "format"},
		{"unwritable path", []string{"--circle", "Product Craft Circle", "--out", filepath.Join(dir, "missing", "x.md")}, "cannot write"},
	}
	for _, c := range cases {
		_, errOut, code := runCLI(t, env(), append([]string{"export", "--data", data}, c.args...)...)
		if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: code %d, stderr %q; want 2 and one line with %q", c.name, code, errOut, c.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused exports left %d files behind", len(entries))
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"schema":"circlebook.bundle","version":99}`), 0o600)
	if _, errOut, code := runCLI(t, env(), "import", "--data", data, bad); code != 2 || !strings.Contains(errOut, "version") {
		t.Errorf("unknown bundle version: code %d, stderr %q", code, errOut)
	}
}
