package e2e_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// spreadsheetCSV is a roster as a spreadsheet in a Spanish locale saves it:
// a UTF-8 BOM, semicolons, accented names and headers, and on row 4 the
// email of row 2 in other case.
const spreadsheetCSV = "\uFEFFNombre;Correo;Organización;Ciudad\r\n" +
	"José Álvarez;jose.alvarez@example.org;Acme;Bogotá\r\n" +
	"Zoë Müller;zoe.muller@example.org;Globex;Zürich\r\n" +
	"Renée Çelik;JOSE.ALVAREZ@EXAMPLE.ORG;Initech;Montréal\r\n"

// circleMembers is what the test reads of Circles.Get.
type circleMembers struct {
	Members []struct {
		Name  string `json:"name"`
		Email string `json:"email"`
		Role  string `json:"role"`
	} `json:"members"`
}

// Issue 12's roster import screen in browser mode, on the sample program:
// a spreadsheet CSV set on the file input has its columns guessed; the dry
// run lists the duplicate email first, as an error that blocks the import;
// skipped, the two others import into a circle of the sample as mentees
// (Go lists them there); the same file again plans nothing to change. axe
// finds nothing serious on the mapping and plan steps.
func TestImportRosterScreen(t *testing.T) {
	axe := axeSource(t)
	srv := startServe(t, "")
	p := openPage(t, srv)
	p.waitVisible(t, "first-run")
	callAPI[map[string]any](t, p, "demo.Demo.Load")
	circles := callAPI[struct {
		Circles []struct {
			ID   int    `json:"id"`
			Name string `json:"name"`
			Kind string `json:"kind"`
		} `json:"circles"`
	}](t, p, "circles.Circles.List", map[string]any{"limit": 100})
	circleID, circleName := 0, ""
	for _, c := range circles.Circles {
		if c.Kind == "group" {
			circleID, circleName = c.ID, c.Name
			break
		}
	}
	if circleID == 0 {
		t.Fatal("the sample program has no group circle")
	}
	before := callAPI[circleMembers](t, p, "circles.Circles.Get", circleID)

	file := filepath.Join(t.TempDir(), "inscritos.csv")
	if err := os.WriteFile(file, []byte(spreadsheetCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	p.do(t, chromedpNavigate(srv, "#/people"))
	p.click(t, "import-roster")
	p.waitFor(t, `location.hash === '#/import'`)
	p.waitVisible(t, "field-file")
	p.do(t, chromedp.SetUploadFiles(`[data-testid=field-file]`, []string{file}))
	p.waitFor(t, `document.querySelectorAll('[data-testid=mapping-row]').length === 4`)
	if info := p.text(t, "import-file-info"); !strings.Contains(info, "UTF-8 with BOM") || !strings.Contains(info, "semicolon") || !strings.Contains(info, "3 rows") {
		t.Errorf("the file line says %q", info)
	}
	guessed := eval[map[string]string](t, p, `Object.fromEntries([...document.querySelectorAll('[data-testid=map-select]')].map((s) => [s.dataset.header, s.value]))`)
	want := map[string]string{"Nombre": "name", "Correo": "email", "Organización": "organization", "Ciudad": "location"}
	for h, f := range want {
		if guessed[h] != f {
			t.Errorf("column %s guessed as %q, want %q (all: %v)", h, guessed[h], f, guessed)
		}
	}
	if sample := eval[string](t, p, `document.querySelector('[data-testid=mapping-row][data-header=Nombre] .import-sample').textContent`); sample != "José Álvarez" {
		t.Errorf("the first sample of Nombre is %q", sample)
	}
	p.axeCheck(t, axe, "import-mapping")

	p.setValue(t, "field-circle", fmt.Sprint(circleID))
	p.setValue(t, "field-role", "mentee")
	p.click(t, "import-check")
	p.waitVisible(t, "plan-table")
	if got := p.text(t, "plan-counts"); got != "2 new, 1 error" {
		t.Errorf("the counts say %q (screenshot: %s)", got, p.shot(t))
	}
	first := `document.querySelector('[data-testid=plan-row]')`
	if row := eval[string](t, p, first+`.dataset.row + ' ' + `+first+`.dataset.action`); row != "4 error" {
		t.Errorf("the first row listed is %q, want the duplicate (4 error)", row)
	}
	if reason := eval[string](t, p, first+`.querySelector('[data-testid=row-reason]').textContent`); !strings.Contains(reason, "already on row 2") {
		t.Errorf("the duplicate's reason is %q", reason)
	}
	if !eval[bool](t, p, `document.querySelector('[data-testid=import-run]').disabled`) {
		t.Error("Import is enabled while a row is in error")
	}
	p.axeCheck(t, axe, "import-plan")

	p.click(t, "skip-row")
	p.waitFor(t, `document.querySelector('[data-testid=plan-counts]')?.textContent === '2 new, 1 unchanged'`)
	if label := p.text(t, "import-run"); label != "Import 2 people" || eval[bool](t, p, `document.querySelector('[data-testid=import-run]').disabled`) {
		t.Errorf("after the skip the import button says %q (disabled: %v)", label, eval[bool](t, p, `document.querySelector('[data-testid=import-run]').disabled`))
	}
	p.click(t, "import-run")
	p.waitVisible(t, "import-done")
	p.waitVisible(t, "import-undo")
	if done := p.text(t, "import-done-text"); !strings.Contains(done, "2 people added") || !strings.Contains(done, "2 joined "+circleName) {
		t.Errorf("after the import the page says %q", done)
	}
	after := callAPI[circleMembers](t, p, "circles.Circles.Get", circleID)
	roles := map[string]string{}
	for _, m := range after.Members {
		roles[m.Name] = m.Role
	}
	if roles["José Álvarez"] != "mentee" || roles["Zoë Müller"] != "mentee" || len(after.Members) != len(before.Members)+2 {
		t.Errorf("the circle's members after the import: %v (%d, was %d)", roles, len(after.Members), len(before.Members))
	}
	if _, ok := roles["Renée Çelik"]; ok {
		t.Error("the skipped row was imported")
	}

	// The same file again: nothing to change, and no way to import.
	p.do(t, chromedp.SetUploadFiles(`[data-testid=field-file]`, []string{file}))
	p.waitFor(t, `!document.querySelector('[data-testid=import-step-map]').hidden && document.querySelectorAll('[data-testid=mapping-row]').length === 4`)
	p.click(t, "import-check")
	p.waitVisible(t, "nothing-to-change")
	if got := p.text(t, "plan-counts"); got != "2 unchanged, 1 error" {
		t.Errorf("the second dry run counts %q", got)
	}
	if n := p.count(t, "import-run"); n != 0 {
		t.Error("the second dry run offers to import")
	}
	if again := callAPI[circleMembers](t, p, "circles.Circles.Get", circleID); len(again.Members) != len(after.Members) {
		t.Errorf("the second dry run changed the circle: %d members, was %d", len(again.Members), len(after.Members))
	}

	// Fix the duplicate's email inline: it becomes the one person to import;
	// imported, then undone from the page, it is gone from the circle again.
	p.fill(t, "fix-input", "renee.celik@example.org")
	p.click(t, "fix-row")
	p.waitFor(t, `document.querySelector('[data-testid=plan-counts]')?.textContent === '1 new, 2 unchanged'`)
	if label := p.text(t, "import-run"); label != "Import 1 person" {
		t.Errorf("after the fix the import button says %q", label)
	}
	p.click(t, "import-run")
	p.waitVisible(t, "import-undo-here")
	if fixed := callAPI[circleMembers](t, p, "circles.Circles.Get", circleID); len(fixed.Members) != len(after.Members)+1 {
		t.Errorf("after importing the fixed row the circle has %d members, want %d", len(fixed.Members), len(after.Members)+1)
	}
	p.click(t, "import-undo-here")
	p.waitVisible(t, "import-undone")
	undone := callAPI[circleMembers](t, p, "circles.Circles.Get", circleID)
	for _, m := range undone.Members {
		if m.Name == "Renée Çelik" {
			t.Error("Undo left the fixed row's person in the circle")
		}
	}
	if len(undone.Members) != len(after.Members) {
		t.Errorf("after Undo the circle has %d members, want %d", len(undone.Members), len(after.Members))
	}
}
