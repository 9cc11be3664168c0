package e2e_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// milestoneRow is a milestone as growth.Milestones.ForPerson returns it.
type milestoneRow struct {
	ID         int
	Kind       string
	HappenedOn string
	Text       string
	Visibility string
}

// skillRow is a rating row as growth.Skills.ForPerson returns it.
type skillRow struct {
	FrameworkItemID int
	Name            string
	Before, After   int
}

// Issue 10 on the person's page: a leader adds milestones (a shared one and
// a private one), edits one, deletes one and takes it back with Undo; bad
// input is refused beside its field and writes nothing; skills are rated
// before and after by keyboard and the change shows; the growth report is
// saved as a PDF whose text holds the goal, its check-in and the shared
// milestone, not the private one. axe finds nothing serious on the way.
func TestPersonGrowthMilestonesSkillsAndReport(t *testing.T) {
	pdftotext := need(t, "pdftotext")
	axe := axeSource(t)
	srv := startServe(t, "")
	p := openPage(t, srv)
	downloads := t.TempDir()
	p.downloadsTo(t, downloads)
	circle, people := growthCircle(t, p)
	ana := people[0]
	milestones := func() []milestoneRow {
		return callAPI[[]milestoneRow](t, p, "growth.Milestones.ForPerson", ana)
	}

	// Set-up: the circle uses a framework; Ana has a shared goal with a check-in in a session.
	fw := callAPI[struct{ ID int }](t, p, "growth.Frameworks.Create", map[string]any{"name": "Craft skills", "description": "", "items": []string{"Communication", "Prioritization"}})
	callAPI[any](t, p, "growth.Frameworks.Use", circle, fw.ID)
	goal := callAPI[struct{ Goal struct{ ID int } }](t, p, "goals.Goals.Create", map[string]any{
		"personId": ana, "circleId": circle, "title": "Lead the Q3 product demo", "visibility": "shared", "progressMode": "manual", "progress": 10})
	started := callAPI[struct{ Session struct{ ID int } }](t, p, "sessions.Sessions.StartNow", circle)
	callAPI[any](t, p, "sessions.Sessions.MarkAttendance", started.Session.ID, ana, "present")
	callAPI[any](t, p, "goals.Goals.CheckIn", started.Session.ID, goal.Goal.ID, map[string]any{"progress": 40, "status": "active", "note": "Rehearsed the demo with the team"})

	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/people/%d", ana)))
	p.waitVisible(t, "milestones-empty")

	// Bad input: no text and a date out of range, each refused beside its field; nothing written.
	p.click(t, "add-milestone")
	p.waitVisible(t, "milestone-dialog")
	if got := eval[string](t, p, `document.querySelector('[data-testid=field-happenedOn]').value`); len(got) != 10 {
		t.Errorf("the date starts as %q, want today", got)
	}
	if !eval[bool](t, p, `document.querySelector('[data-testid=field-visibility-private]').checked`) {
		t.Error("a new milestone is not private by default")
	}
	p.setValue(t, "field-happenedOn", "1850-05-01")
	p.click(t, "save")
	p.waitVisible(t, "error-text")
	p.waitVisible(t, "error-happenedOn")
	if msg := p.text(t, "error-text"); msg != "Text is required." {
		t.Errorf("empty text: %q", msg)
	}
	if msg := p.text(t, "error-happenedOn"); !strings.Contains(msg, "between 1900 and 2100") {
		t.Errorf("date 1850: %q", msg)
	}
	p.axeCheck(t, axe, "milestone dialog with errors")
	if got := milestones(); len(got) != 0 {
		t.Fatalf("milestones after a refused save: %+v", got)
	}

	// A shared promotion, dated.
	p.setValue(t, "field-happenedOn", "2026-03-02")
	p.setValue(t, "field-kind", "promotion")
	p.fill(t, "field-text", "Promoted to Senior Engineer")
	p.click(t, "field-visibility-shared")
	p.click(t, "save")
	p.do(t, chromedpWaitGone("milestone-dialog"))
	p.waitVisible(t, "milestone-row")

	// A private piece of praise, dated today by default.
	p.click(t, "add-milestone")
	p.waitVisible(t, "milestone-dialog")
	p.setValue(t, "field-kind", "praise")
	p.fill(t, "field-text", "Thanked by her manager for the outage write-up")
	p.click(t, "save")
	p.do(t, chromedpWaitGone("milestone-dialog"))
	p.waitFor(t, `document.querySelectorAll('[data-testid=milestone-row]').length === 2`)
	got := milestones()
	if len(got) != 2 || got[0].Kind != "praise" || got[0].Visibility != "private" || got[1].Kind != "promotion" || got[1].Visibility != "shared" || got[1].HappenedOn != "2026-03-02" {
		t.Fatalf("stored milestones: %+v", got)
	}
	praise, promotion := got[0], got[1]
	// Newest first, with its kind, date and a Private badge on the private one only.
	rows := eval[[]string](t, p, `[...document.querySelectorAll('[data-testid=milestone-row]')].map((r) => r.dataset.milestoneId + '|' + r.querySelector('[data-testid=milestone-kind]').textContent + '|' + !!r.querySelector('[data-testid=milestone-private]'))`)
	if want := []string{fmt.Sprintf("%d|Praise|true", praise.ID), fmt.Sprintf("%d|Promotion|false", promotion.ID)}; strings.Join(rows, ",") != strings.Join(want, ",") {
		t.Errorf("milestone rows %q, want %q", rows, want)
	}

	// Edit the promotion's text; an emptied text is refused first.
	p.clickCSS(t, fmt.Sprintf(`[data-milestone-id="%d"] [data-testid=edit-milestone]`, promotion.ID))
	p.waitVisible(t, "milestone-dialog")
	p.fill(t, "field-text", "")
	p.click(t, "save")
	p.waitVisible(t, "error-text")
	if m := milestones(); m[1].Text != "Promoted to Senior Engineer" {
		t.Fatalf("a refused edit wrote %+v", m[1])
	}
	p.fill(t, "field-text", "Promoted to Senior Engineer (L4)")
	p.click(t, "save")
	p.do(t, chromedpWaitGone("milestone-dialog"))
	p.waitFor(t, `[...document.querySelectorAll('[data-testid=milestone-text]')].some((el) => el.textContent === 'Promoted to Senior Engineer (L4)')`)
	if m := milestones(); m[1].Text != "Promoted to Senior Engineer (L4)" || m[1].Visibility != "shared" || m[1].HappenedOn != "2026-03-02" {
		t.Errorf("edited: %+v", m[1])
	}

	// Delete the praise; Undo brings it back, same record.
	p.clickCSS(t, fmt.Sprintf(`[data-milestone-id="%d"] [data-testid=delete-milestone]`, praise.ID))
	p.waitFor(t, `document.querySelectorAll('[data-testid=milestone-row]').length === 1`)
	if m := milestones(); len(m) != 1 {
		t.Fatalf("after delete: %+v", m)
	}
	p.click(t, "undo-delete")
	p.waitFor(t, fmt.Sprintf(`!!document.querySelector('[data-testid=milestone-row][data-milestone-id="%d"]')`, praise.ID))
	if m := milestones(); len(m) != 2 || m[0].ID != praise.ID || m[0].Text != praise.Text || m[0].Visibility != "private" {
		t.Errorf("after undo: %+v", m)
	}

	// Skills: rate Communication before (2) and after (4) by keyboard alone.
	p.waitVisible(t, "skills-table")
	if n := p.count(t, "skill-row"); n != 2 {
		t.Fatalf("skill rows = %d, want 2", n)
	}
	rate := func(phase, key string) {
		t.Helper()
		css := fmt.Sprintf(`[data-testid=skill-row]:first-child [data-testid=skill-%s]`, phase)
		p.do(t, chromedp.Focus(chromedp.CSS(css)), chromedp.KeyEvent(key))
		p.waitFor(t, fmt.Sprintf(`document.querySelector('[data-testid=skills-status]').textContent.includes('%s, %s')`, phase, key))
	}
	rate("before", "2")
	rate("after", "4")
	if got := p.text(t, "skill-change"); got != "2 → 4" {
		t.Errorf("the change reads %q", got)
	}
	skills := callAPI[[]skillRow](t, p, "growth.Skills.ForPerson", ana, circle)
	if len(skills) != 2 || skills[0].Name != "Communication" || skills[0].Before != 2 || skills[0].After != 4 || skills[1].Before != 0 {
		t.Errorf("stored ratings: %+v", skills)
	}
	p.axeCheck(t, axe, "person page with milestones and skills")

	// The growth report: an end before the start is refused beside the field; then a PDF.
	p.click(t, "growth-report")
	p.waitVisible(t, "growth-report-dialog")
	p.waitFor(t, `document.activeElement.dataset.testid === 'field-format'`)
	if got := eval[string](t, p, `document.querySelector('[data-testid=field-format]').value`); got != "pdf" {
		t.Errorf("the report's format starts as %q, want pdf", got)
	}
	p.setValue(t, "field-from", "2026-06-01")
	p.setValue(t, "field-to", "2026-01-01")
	p.click(t, "save")
	p.waitVisible(t, "error-to")
	p.axeCheck(t, axe, "growth report dialog with an error")
	if entries, _ := os.ReadDir(downloads); len(entries) != 0 {
		t.Fatalf("a refused report was saved: %v", entries)
	}
	p.setValue(t, "field-from", "")
	p.setValue(t, "field-to", "")
	p.click(t, "save")
	file := waitDownload(t, downloads)
	p.do(t, chromedpWaitGone("growth-report-dialog"))
	// Earlier toasts may still show: the newest says where the file went.
	p.waitFor(t, `[...document.querySelectorAll('[data-testid=toast]')].some((el) => el.textContent.startsWith('Downloaded '))`)
	if filepath.Ext(file) != ".pdf" {
		t.Errorf("file %s, want a .pdf", file)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Ana Ibáñez", "Lead the Q3 product demo", "Rehearsed the demo with the team", "Promoted to Senior Engineer (L4)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text has no %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "outage write-up") {
		t.Errorf("the PDF holds the private milestone:\n%s", text)
	}
}

// A person none of whose circles uses a framework sees a short hint, not an empty table.
func TestPersonGrowthSkillsHintWithoutFramework(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	_, people := growthCircle(t, p)
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/people/%d", people[1])))
	p.waitVisible(t, "skills-hint")
	if n := p.count(t, "skills-table"); n != 0 {
		t.Errorf("%d skills tables without a framework", n)
	}
	if got := p.text(t, "skills-hint"); !strings.Contains(got, "framework") {
		t.Errorf("hint reads %q", got)
	}
}

// On the sample program, a member with milestones and skills rated before
// and after: the person page and its dialogs fit from 640 px wide up.
func TestPersonGrowthSmallWindows(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	callAPI[map[string]any](t, p, "demo.Demo.Load")
	found := callAPI[struct{ People []struct{ ID int } }](t, p, "people.People.List", map[string]any{"query": "Priya Raman", "limit": 1})
	if len(found.People) != 1 {
		t.Fatalf("no Priya Raman in the sample: %+v", found)
	}
	priya := found.People[0].ID
	for _, width := range []int64{640, 1280} {
		p.emulate(t, viewMode{fmt.Sprintf("%dpx", width), false, width})
		p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/people/%d", priya)))
		p.waitVisible(t, "milestone-row")
		p.waitVisible(t, "skills-table")
		if !strings.Contains(p.text(t, "skill-change"), "→") {
			t.Errorf("the sample's first skill shows no change: %q", p.text(t, "skill-change"))
		}
		eval[bool](t, p, `(document.querySelector('[data-testid=milestones-section]').scrollIntoView(), true)`)
		looksRight(t, p, "person page milestones", width)
		eval[bool](t, p, `(document.querySelector('[data-testid=skills-section]').scrollIntoView(), true)`)
		looksRight(t, p, "person page skills", width)
		p.click(t, "add-milestone")
		p.setValue(t, "field-happenedOn", "1850-05-01")
		p.click(t, "save")
		p.waitVisible(t, "error-text")
		looksRight(t, p, "milestone dialog", width)
		p.closeDialog(t, "milestone-dialog")
		p.click(t, "growth-report")
		p.waitVisible(t, "growth-report-dialog")
		looksRight(t, p, "growth report dialog", width)
		p.closeDialog(t, "growth-report-dialog")
	}
}
