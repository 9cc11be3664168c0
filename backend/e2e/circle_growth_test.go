package e2e_test

import (
	"database/sql"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// circleGrowth is what growth.Story.Circle returns, as far as the view shows it.
type circleGrowth struct {
	Name     string
	ByStatus map[string]int
	Skills   []struct {
		FrameworkItemID         int
		Framework, Name         string
		Before, After           float64
		RatedBefore, RatedAfter int
	}
	Coverage []struct {
		PersonID, FrameworkItemID, Sessions int
	}
	Feedback []struct {
		Number, Count int
		Mean          float64
	}
}

// meanText formats a mean as the page does (lib/charts.js oneDecimal): 0 is "–" when none.
func meanText(v float64, zeroIsNone bool) string {
	if zeroIsNone && v == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", math.Round(v*10)/10)
}

// chartRows reads the cells of a chart's text table, row by row.
func chartRows(t *testing.T, p *page, testid string) [][]string {
	t.Helper()
	return eval[[][]string](t, p, fmt.Sprintf(`[...document.querySelectorAll('[data-testid=%q]')].map((tr) => [...tr.cells].map((c) => c.textContent.trim()))`, testid+"-row"))
}

// waitNoRow polls a COUNT(*) query until it is 0.
func waitNoRow(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for count(t, db, query, args...) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("rows remain for %s %v", query, args)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Issue 10, the circle's Growth view: opened by its route and from the
// circle page, its charts are inline SVG whose text tables hold what Go
// says (compared through the API); the Frameworks panel refuses a
// duplicate item beside the field and writes nothing, imports a CSV file,
// uses it in the circle, renames it inline and deletes it (refused while
// used). axe finds nothing serious on the way.
func TestCircleGrowthView(t *testing.T) {
	axe := axeSource(t)
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	fx := loadA11yFixture(t, p)
	circle := fx.circle

	// By its route; the header leads back to the circle, whose Growth link leads here.
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d/growth", circle)))
	p.waitVisible(t, "growth-view")
	p.click(t, "back-link")
	p.waitFor(t, fmt.Sprintf(`location.hash === '#/circles/%d'`, circle))
	p.waitVisible(t, "circle-growth-link")
	p.click(t, "circle-growth-link")
	p.waitFor(t, fmt.Sprintf(`location.hash === '#/circles/%d/growth'`, circle))
	p.waitVisible(t, "growth-view")
	g := callAPI[circleGrowth](t, p, "growth.Story.Circle", circle)
	p.waitFor(t, fmt.Sprintf(`document.title === 'Growth · %s — Circlebook'`, g.Name))

	// Goals by status: a bar per status, the table holding Go's counts.
	labels := map[string]string{"Draft": "draft", "Active": "active", "At risk": "at_risk", "Achieved": "achieved", "Dropped": "dropped"}
	if n := eval[int](t, p, `document.querySelectorAll('[data-testid=chart-goals-svg][role=img] rect').length`); n != 5 {
		t.Errorf("goal bars = %d, want 5", n)
	}
	if l := eval[string](t, p, `document.querySelector('[data-testid=chart-goals-svg]').getAttribute('aria-label')`); !strings.Contains(l, fmt.Sprintf("Achieved %d", g.ByStatus["achieved"])) {
		t.Errorf("goals chart label %q", l)
	}
	rows := chartRows(t, p, "chart-goals")
	if len(rows) != 5 {
		t.Fatalf("goal table rows = %q", rows)
	}
	total := 0
	for _, r := range rows {
		if want := fmt.Sprint(g.ByStatus[labels[r[0]]]); r[1] != want {
			t.Errorf("goals %s: table %q, API %s", r[0], r[1], want)
		}
		total += g.ByStatus[labels[r[0]]]
	}
	if total == 0 {
		t.Error("the demo circle has no goals: nothing compared")
	}

	// Skills before and after: one chart per framework, a row per item.
	fwItems := map[int]int{} // framework item -> framework id, read from the page
	var coreID int
	if err := db.QueryRow("SELECT id FROM frameworks WHERE name = 'Core skills'").Scan(&coreID); err != nil {
		t.Fatal(err)
	}
	rows = chartRows(t, p, fmt.Sprintf("chart-skills-%d", coreID))
	var core int
	for _, s := range g.Skills {
		if s.Framework != "Core skills" {
			continue
		}
		if core >= len(rows) {
			t.Fatalf("skills table has %d rows, the API more", len(rows))
		}
		want := []string{s.Name, meanText(s.Before, true), meanText(s.After, true), fmt.Sprint(s.RatedBefore), fmt.Sprint(s.RatedAfter)}
		if strings.Join(rows[core], "|") != strings.Join(want, "|") {
			t.Errorf("skill row %d: table %q, API %q", core, rows[core], want)
		}
		fwItems[s.FrameworkItemID] = coreID
		core++
	}
	if core == 0 || core != len(rows) {
		t.Errorf("skills: %d API rows, %d table rows", core, len(rows))
	}
	if n := eval[int](t, p, fmt.Sprintf(`document.querySelectorAll('[data-testid=chart-skills-%d-svg][role=img] circle').length`, coreID)); n == 0 {
		t.Error("the skills chart draws no dots")
	}

	// Topics covered: each member's total is the sum of Go's counts on Core skills.
	sums := map[int]int{}
	for _, c := range g.Coverage {
		if fwItems[c.FrameworkItemID] == coreID {
			sums[c.PersonID] += c.Sessions
		}
	}
	covered := eval[map[string]string](t, p, fmt.Sprintf(`Object.fromEntries([...document.querySelectorAll('[data-testid=coverage-%d] [data-testid=coverage-row]')].map((tr) => [tr.dataset.personId, tr.cells[tr.cells.length - 1].textContent]))`, coreID))
	for person, n := range sums {
		if got := covered[fmt.Sprint(person)]; got != fmt.Sprint(n) {
			t.Errorf("coverage of person %d: table %q, API %d", person, got, n)
		}
	}
	if len(sums) == 0 {
		t.Error("the demo circle covers no Core skills topic: nothing compared")
	}

	// The feedback trend: a point per session with feedback, the table per session.
	rows = chartRows(t, p, "chart-feedback")
	if len(rows) != len(g.Feedback) || len(rows) == 0 {
		t.Fatalf("feedback rows %q, API %d", rows, len(g.Feedback))
	}
	dots := 0
	for i, f := range g.Feedback {
		want := []string{fmt.Sprintf("#%d", f.Number), meanText(f.Mean, true), fmt.Sprint(f.Count)}
		if strings.Join(rows[i], "|") != strings.Join(want, "|") {
			t.Errorf("feedback row %d: table %q, API %q", i, rows[i], want)
		}
		if f.Count > 0 {
			dots++
		}
	}
	if n := eval[int](t, p, `document.querySelectorAll('[data-testid=chart-feedback-svg][role=img] circle').length`); n != dots {
		t.Errorf("feedback dots = %d, want %d", n, dots)
	}
	if n := eval[int](t, p, `[...document.querySelectorAll('.chart svg')].filter((s) => s.getAttribute('role') === 'img' && s.getAttribute('aria-label')).length`); n < 3 {
		t.Errorf("labelled charts = %d", n)
	}
	p.click(t, "chart-goals-show-table")
	p.waitVisible(t, "chart-goals-table")
	p.axeCheck(t, axe, "circle growth view")
	p.emulate(t, viewMode{"640px", false, 640})
	looksRight(t, p, "circle growth view", 640)
	p.emulate(t, a11yModes[0])

	// A new framework with a repeated item: refused beside the field, nothing written.
	frameworks := count(t, db, "SELECT COUNT(*) FROM frameworks")
	items := count(t, db, "SELECT COUNT(*) FROM framework_items")
	p.click(t, "create-framework")
	p.waitVisible(t, "framework-dialog")
	p.fill(t, "field-name", "Mentoring basics")
	p.fill(t, "field-items", "Listening\nFeedback\nlistening")
	p.click(t, "save")
	p.waitVisible(t, "error-items")
	if msg := p.text(t, "error-items"); !strings.Contains(msg, "Row 3") || !strings.Contains(msg, "row 1") {
		t.Errorf("duplicate item: %q", msg)
	}
	p.waitFor(t, `document.querySelector('[data-testid=field-items]').getAttribute('aria-invalid') === 'true'`)
	p.axeCheck(t, axe, "framework dialog with an error")
	if n, m := count(t, db, "SELECT COUNT(*) FROM frameworks"), count(t, db, "SELECT COUNT(*) FROM framework_items"); n != frameworks || m != items {
		t.Fatalf("a refused framework wrote: frameworks %d -> %d, items %d -> %d", frameworks, n, items, m)
	}
	p.fill(t, "field-items", "Listening\nFeedback\nGoal setting\n")
	p.click(t, "save")
	p.do(t, chromedpWaitGone("framework-dialog"))
	var basics int
	waitRow(t, db, "SELECT COUNT(*) FROM frameworks WHERE name = 'Mentoring basics'")
	if err := db.QueryRow("SELECT id FROM frameworks WHERE name = 'Mentoring basics'").Scan(&basics); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM framework_items WHERE framework_id = ?", basics); n != 3 {
		t.Errorf("Mentoring basics items = %d, want 3", n)
	}
	p.waitFor(t, fmt.Sprintf(`!!document.querySelector('[data-testid=frameworks-other] [data-framework-id="%d"]')`, basics))

	// Import one from a CSV file.
	csv := filepath.Join(t.TempDir(), "craft.csv")
	if err := os.WriteFile(csv, []byte("name,notes\nStorytelling,with data\n\"Negotiation, win-win\",\nRunning a retro,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, []byte("name\nStorytelling\n\"\",empty\nNegotiation\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p.click(t, "import-framework")
	p.waitVisible(t, "import-framework-dialog")
	p.fill(t, "field-name", "Craft practices")
	p.do(t, chromedp.SetUploadFiles(`[data-testid=field-file]`, []string{bad}))
	p.click(t, "save")
	p.waitVisible(t, "error-items")
	if msg := p.text(t, "error-items"); !strings.Contains(msg, "Row 3 has no name") {
		t.Errorf("a CSV row with no name: %q", msg)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM frameworks"); n != frameworks+1 {
		t.Fatalf("a refused import wrote: frameworks %d, want %d", n, frameworks+1)
	}
	p.do(t, chromedp.SetUploadFiles(`[data-testid=field-file]`, []string{csv}))
	p.click(t, "save")
	p.do(t, chromedpWaitGone("import-framework-dialog"))
	var imported int
	waitRow(t, db, "SELECT COUNT(*) FROM frameworks WHERE name = 'Craft practices'")
	if err := db.QueryRow("SELECT id FROM frameworks WHERE name = 'Craft practices'").Scan(&imported); err != nil {
		t.Fatal(err)
	}
	var names string
	if err := db.QueryRow("SELECT group_concat(name, '|') FROM (SELECT name FROM framework_items WHERE framework_id = ? ORDER BY position)", imported).Scan(&names); err != nil || names != "Storytelling|Negotiation, win-win|Running a retro" {
		t.Errorf("imported items %q, %v", names, err)
	}

	// Use it in the circle: it moves to the used list, its coverage grid appears.
	row := func(id int, testid string) string {
		return fmt.Sprintf(`[data-framework-id="%d"] [data-testid=%s]`, id, testid)
	}
	p.clickCSS(t, row(imported, "use-framework"))
	waitRow(t, db, "SELECT COUNT(*) FROM circle_frameworks WHERE circle_id = ? AND framework_id = ?", circle, imported)
	p.waitFor(t, fmt.Sprintf(`!!document.querySelector('[data-testid=frameworks-used] [data-framework-id="%d"]')`, imported))
	p.waitVisible(t, fmt.Sprintf("coverage-%d", imported))
	p.waitFor(t, fmt.Sprintf(`document.activeElement === document.querySelector('%s')`, row(imported, "drop-framework")))

	// Rename inline: another framework's name is refused beside the field; then Enter saves.
	p.clickCSS(t, row(imported, "rename-framework"))
	p.waitVisible(t, "rename-input")
	p.fill(t, "rename-input", "core SKILLS")
	p.pressKey(t, kb.Enter)
	p.waitVisible(t, "error-name")
	if msg := p.text(t, "error-name"); !strings.Contains(msg, "already exists") {
		t.Errorf("rename to a taken name: %q", msg)
	}
	p.axeCheck(t, axe, "growth view renaming a framework")
	p.fill(t, "rename-input", "Craft skills")
	p.pressKey(t, kb.Enter)
	waitRow(t, db, "SELECT COUNT(*) FROM frameworks WHERE id = ? AND name = 'Craft skills'", imported)
	p.waitFor(t, fmt.Sprintf(`document.querySelector('[data-framework-id="%d"] [data-testid=framework-name]')?.textContent === 'Craft skills'`, imported))

	// Delete asks first, and is refused while the circle uses it.
	p.clickCSS(t, row(imported, "delete-framework"))
	p.waitVisible(t, "confirm-dialog")
	p.click(t, "confirm")
	p.waitVisible(t, "form-error")
	if msg := p.text(t, "form-error"); !strings.Contains(msg, "used by 1 circle") {
		t.Errorf("delete while used: %q", msg)
	}
	p.click(t, "cancel")
	p.do(t, chromedpWaitGone("confirm-dialog"))
	if n := count(t, db, "SELECT COUNT(*) FROM frameworks WHERE id = ?", imported); n != 1 {
		t.Fatal("a refused delete deleted")
	}
	// Dropped, it goes; so does the unused one, after its confirmation.
	p.clickCSS(t, row(imported, "drop-framework"))
	waitNoRow(t, db, "SELECT COUNT(*) FROM circle_frameworks WHERE framework_id = ?", imported)
	// The view reads itself again after a change: wait until it is drawn
	// (focus on the dropped one's Use) before the next click.
	p.waitFor(t, fmt.Sprintf(`document.activeElement.matches(%q)`, row(imported, "use-framework")))
	for _, id := range []int{imported, basics} {
		p.clickCSS(t, row(id, "delete-framework"))
		p.waitVisible(t, "confirm-dialog")
		p.click(t, "confirm")
		p.do(t, chromedpWaitGone("confirm-dialog"))
		waitNoRow(t, db, "SELECT COUNT(*) FROM frameworks WHERE id = ?", id)
		p.waitFor(t, fmt.Sprintf(`!document.querySelector('[data-framework-id="%d"]')`, id))
	}
	if n := count(t, db, "SELECT COUNT(*) FROM framework_items WHERE framework_id IN (?, ?)", imported, basics); n != 0 {
		t.Errorf("items of deleted frameworks = %d", n)
	}
	p.axeCheck(t, axe, "circle growth view after framework changes")

	// A new circle: each part says what to do instead of drawing nothing.
	empty := callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": "Empty Growth Circle", "cadence": "weekly", "meetingDay": 2, "timeZone": "UTC"})
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d/growth", empty.ID)))
	p.waitVisible(t, "growth-view")
	for testid, want := range map[string]string{
		"goals-empty": "add one from a member’s page", "skills-empty": "Choose or make a framework",
		"coverage-empty": "Use a framework", "feedback-empty": "End session",
	} {
		if got := p.text(t, testid); !strings.Contains(strings.ToLower(got), strings.ToLower(want)) {
			t.Errorf("%s reads %q, want it to say %q", testid, got, want)
		}
	}
	if n := eval[int](t, p, `document.querySelectorAll('[data-testid=growth-view] .chart').length`); n != 0 {
		t.Errorf("an empty circle draws %d charts", n)
	}
	p.clickCSS(t, row(coreID, "use-framework"))
	p.waitFor(t, `document.querySelector('[data-testid=skills-empty]')?.textContent.includes('No skill ratings yet')`)
	p.waitVisible(t, "coverage-no-members")
}
