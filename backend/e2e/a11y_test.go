package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axePath is axe-core's browser build, installed by `npm ci` in this folder (make test does it).
const axePath = "node_modules/axe-core/axe.min.js"

// axeSource reads axe-core, failing under make test and skipping otherwise when it is missing.
func axeSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(axePath)
	if err != nil {
		if required() {
			t.Fatalf("axe-core is not installed (%v); make test runs npm ci in backend/e2e", err)
		}
		t.Skipf("axe-core is not installed; run npm ci in backend/e2e (make test does)")
	}
	return string(src)
}

// viewMode is how the page is looked at: colour scheme and window width.
type viewMode struct {
	name  string
	dark  bool
	width int64
}

// a11yModes are the ways every screen is checked: light, dark, and a narrow light window.
var a11yModes = []viewMode{{"light", false, 1280}, {"dark", true, 1280}, {"700px", false, 700}}

// emulate sets the colour scheme and window width, with reduced motion so no
// animation is caught half-way. Chromium applies a new scheme at its next
// rendering step, not at once, so it waits for the page to see the change.
func (p *page) emulate(t *testing.T, m viewMode) {
	t.Helper()
	scheme := "light"
	if m.dark {
		scheme = "dark"
	}
	const watch = `(() => {
		if (!window.__still) { // colours change at once, as they end up, with no transition between
			const sheet = new CSSStyleSheet();
			sheet.replaceSync('*, *::before, *::after { transition: none !important; animation: none !important; }');
			document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
			window.__still = true;
		}
		const mq = matchMedia('(prefers-color-scheme: dark)');
		window.__viewChanged = new Promise((r) => { mq.addEventListener('change', r, {once: true}); addEventListener('resize', r, {once: true}) });
		return mq.matches === %t && innerWidth === %d })()`
	same := eval[bool](t, p, fmt.Sprintf(watch, m.dark, m.width))
	media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: scheme},
		{Name: "prefers-reduced-motion", Value: "reduce"},
	}}
	p.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, media)
		return err
	}), chromedp.EmulateViewport(m.width, 860))
	if same {
		return
	}
	const settled = `Promise.race([window.__viewChanged, new Promise((r) => setTimeout(r, 3000))])
		.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
		.then(() => matchMedia('(prefers-color-scheme: dark)').matches === %t && innerWidth === %d)`
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(settled, m.dark, m.width), func(e *runtime.EvaluateParams) { e.AwaitPromise = new(true) }))
	if err != nil || !ok {
		t.Fatalf("the page did not take the %s view (%v)", m.name, err)
	}
}

// axeNode is one element an axe rule failed on.
type axeNode struct {
	Target  string `json:"target"`
	Summary string `json:"summary"`
}

// axeViolation is one axe rule that failed, with the elements it failed on.
type axeViolation struct {
	ID     string    `json:"id"`
	Impact string    `json:"impact"`
	Help   string    `json:"help"`
	Nodes  []axeNode `json:"nodes"`
}

// axeRun injects axe-core through the DevTools protocol (not subject to the
// page's CSP) when the page has none yet, and returns its serious and critical violations.
func (p *page) axeRun(t *testing.T, axe string) []axeViolation {
	t.Helper()
	if !eval[bool](t, p, `typeof window.axe === 'object'`) {
		p.do(t, chromedp.Evaluate[chromedp.Void](axe))
	}
	const js = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
		.then(() => axe.run(document, {resultTypes: ['violations']}))
		.then((res) => JSON.stringify(res.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({id: v.id, impact: v.impact, help: v.help,
				nodes: v.nodes.slice(0, 6).map((n) => ({target: n.target.join(' '), summary: n.failureSummary || ''}))}))))`
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, func(e *runtime.EvaluateParams) { e.AwaitPromise = new(true) }))
	if err != nil {
		t.Fatalf("axe: %v", err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("axe result: %v", err)
	}
	return vs
}

// shotAs saves a screenshot named after the test and a label, and returns its path.
func (p *page) shotAs(t *testing.T, label string) string {
	ctx, cancel := context.WithTimeout(p.ctx, 5*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return "none: " + err.Error()
	}
	name := strings.NewReplacer("/", "-", " ", "-").Replace(t.Name() + "-" + label)
	path := filepath.Join(os.TempDir(), "circlebook-"+name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		return "none: " + err.Error()
	}
	return path
}

// axeCheck runs axe on what the page shows now in each view mode, reporting
// every serious or critical violation; it leaves the page light and wide.
func (p *page) axeCheck(t *testing.T, axe, screen string) {
	t.Helper()
	for _, m := range a11yModes {
		p.emulate(t, m)
		vs := p.axeRun(t, axe)
		if len(vs) == 0 {
			continue
		}
		var b strings.Builder
		for _, v := range vs {
			fmt.Fprintf(&b, "\n  %s (%s): %s", v.ID, v.Impact, v.Help)
			for _, n := range v.Nodes {
				fmt.Fprintf(&b, "\n    %s\n      %s", n.Target, strings.ReplaceAll(n.Summary, "\n", "\n      "))
			}
		}
		t.Errorf("%s, %s: %d serious or critical axe violations (screenshot: %s)%s", screen, m.name, len(vs), p.shotAs(t, screen+"-"+m.name), b.String())
	}
	p.emulate(t, a11yModes[0])
}

// closeDialog closes the open dialog with Esc and waits for it to go.
func (p *page) closeDialog(t *testing.T, testid string) {
	t.Helper()
	p.pressKey(t, kb.Escape)
	if p.count(t, testid) > 0 { // a form with input asks for a second Esc
		p.pressKey(t, kb.Escape)
	}
	p.do(t, chromedpWaitGone(testid))
}

// a11yFixture is the sample program plus notes with task lines, and the ids the screens need.
type a11yFixture struct {
	circle, person, held, planned int
}

// taskNotes are shared notes whose task lines become checkboxes wherever
// notes are rendered. Bulleted ones also become action items (and so leave the
// summary's notes); the numbered ones stay in the summary as checkboxes.
const taskNotes = "## Decisions\n\nWe agreed to pair on the demo.\n\n- [ ] Send the deck to the program office\n- [x] Book the room\n- [ ] Ask [the team](https://example.org/team) for feedback\n\n## Steps\n\n1. [ ] Pick a date for the demo\n2. [x] Share the agenda\n"

// loadA11yFixture loads the sample program and writes task-list notes on a
// held and a planned session of Product Craft Circle. It also dims what
// screens show dimmed: a paused circle and an archived one, a former member,
// a cancelled session.
func loadA11yFixture(t *testing.T, p *page) a11yFixture {
	t.Helper()
	callAPI[map[string]any](t, p, "demo.Demo.Load")
	list := callAPI[struct {
		Circles []struct {
			ID   int
			Name string
		}
	}](t, p, "circles.Circles.List", map[string]any{"includeArchived": false})
	var f a11yFixture
	for _, c := range list.Circles {
		switch c.Name {
		case "Product Craft Circle":
			f.circle = c.ID
		case "Data & Infrastructure Guild":
			other := callAPI[struct{ Circle map[string]any }](t, p, "circles.Circles.Get", c.ID).Circle
			other["status"] = "paused"
			callAPI[any](t, p, "circles.Circles.Update", c.ID, other)
		case "Chidi & Mateus":
			callAPI[any](t, p, "circles.Circles.Archive", c.ID)
		}
	}
	page := callAPI[struct {
		Sessions []struct {
			ID              int
			Status          string
			StartsAt        string
			DurationMinutes int
		}
		Members []struct {
			MembershipID, PersonID int
			Role, JoinedOn         string
		}
	}](t, p, "circles.Circles.Get", f.circle)
	for _, s := range page.Sessions {
		switch {
		case s.Status == "held":
			f.held = s.ID
		case s.Status == "planned" && f.planned == 0:
			f.planned = s.ID
		}
	}
	if f.held == 0 || f.planned == 0 || len(page.Members) == 0 {
		t.Fatalf("sample circle lacks a held or planned session or members: %+v", page)
	}
	f.person = page.Members[0].PersonID
	last := page.Sessions[len(page.Sessions)-1]
	if last.ID != f.planned && last.Status == "planned" {
		callAPI[any](t, p, "sessions.Sessions.Update", last.ID, map[string]any{"startsAt": last.StartsAt, "durationMinutes": last.DurationMinutes, "status": "cancelled"})
	}
	former := page.Members[len(page.Members)-1]
	callAPI[any](t, p, "circles.Circles.UpdateMember", former.MembershipID, map[string]any{"personId": former.PersonID, "role": former.Role, "joinedOn": former.JoinedOn, "leftOn": time.Now().AddDate(0, 0, -3).Format("2006-01-02")})
	for _, id := range []int{f.held, f.planned} {
		callAPI[map[string]any](t, p, "notes.Notes.Save", id, "shared", taskNotes)
	}
	callAPI[any](t, p, "sessions.Sessions.AddAgendaItem", f.planned, map[string]any{"title": "Round of updates", "minutes": 10})
	callAPI[any](t, p, "sessions.Sessions.AddAgendaItem", f.planned, map[string]any{"title": "Demo plan", "minutes": 20})
	return f
}

// Every screen and state passes axe-core with no serious or critical
// violation, in light, in dark and at 700 px wide. Each part runs the app
// and a browser of its own on the same data folder, so no part runs into the
// browser's time limit.
func TestAccessibilityEveryScreen(t *testing.T) {
	axe := axeSource(t)
	dir := t.TempDir()
	var f a11yFixture

	t.Run("first run", func(t *testing.T) {
		srv := startServe(t, dir)
		p := openPage(t, srv)
		p.waitVisible(t, "first-run")
		p.axeCheck(t, axe, "first-run")
		p.click(t, "create-circle")
		p.waitVisible(t, "circle-dialog")
		p.axeCheck(t, axe, "new-circle dialog")
		p.click(t, "save")
		p.waitVisible(t, "error-name")
		p.axeCheck(t, axe, "form with errors")
	})

	t.Run("lists", func(t *testing.T) {
		srv := startServe(t, dir)
		p := openPage(t, srv)
		f = loadA11yFixture(t, p)
		p.do(t, chromedpNavigate(srv, "#/circles"))
		p.waitFor(t, `document.querySelectorAll('[data-testid=circle-row]').length === 3`)
		p.axeCheck(t, axe, "circles list")
		eval[bool](t, p, `(document.querySelector('[data-testid=show-archived]').click(), true)`) // a switch: its box is hidden
		p.waitFor(t, `document.querySelectorAll('[data-testid=circle-row]').length === 4`)
		p.axeCheck(t, axe, "circles list with the archived")
		p.click(t, "show-shortcuts")
		p.waitVisible(t, "shortcuts-dialog")
		p.axeCheck(t, axe, "shortcuts overlay")
		p.closeDialog(t, "shortcuts-dialog")

		p.do(t, chromedpNavigate(srv, "#/people"))
		p.waitVisible(t, "person-row")
		p.axeCheck(t, axe, "people list")
		p.click(t, "new-person")
		p.waitVisible(t, "person-dialog")
		p.axeCheck(t, axe, "new-person dialog")
		p.closeDialog(t, "person-dialog")
		p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/people/%d", f.person)))
		p.waitVisible(t, "person-circle")
		p.axeCheck(t, axe, "person page")
	})
	if f.circle == 0 {
		t.Fatal("no sample program to look at")
	}

	t.Run("circle", func(t *testing.T) {
		srv := startServe(t, dir)
		p := openPage(t, srv)
		p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d", f.circle)))
		p.waitVisible(t, "attendance-grid")
		p.axeCheck(t, axe, "circle page")
		p.click(t, "add-member")
		p.waitVisible(t, "member-dialog")
		p.axeCheck(t, axe, "member dialog")
		p.closeDialog(t, "member-dialog")
		p.click(t, "schedule-series")
		p.waitVisible(t, "series-dialog")
		p.axeCheck(t, axe, "schedule-series dialog")
		p.closeDialog(t, "series-dialog")
		p.click(t, "export-summary")
		p.waitVisible(t, "export-dialog")
		p.setValue(t, "field-period", "all")
		p.waitFor(t, `(() => { const el = document.querySelector('[data-testid=export-preview]');
			return el.dataset.state === 'ready' && !!el.querySelector('input[type=checkbox]') })()`)
		p.axeCheck(t, axe, "export dialog")
	})

	t.Run("session", func(t *testing.T) {
		srv := startServe(t, dir)
		p := openPage(t, srv)
		p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d", f.held)))
		p.waitVisible(t, "roster")
		p.waitFor(t, `!!document.querySelector('.md input[type=checkbox]')`)
		p.axeCheck(t, axe, "session page")

		p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d/live", f.planned)))
		p.waitFor(t, `!!document.querySelector('[data-testid=start-dialog], [data-testid=live-screen]')`)
		if p.count(t, "start-dialog") > 0 { // planned for another day: move it to now
			p.axeCheck(t, axe, "start dialog")
			p.click(t, "start-move")
		}
		p.waitVisible(t, "live-screen")
		p.waitVisible(t, "agenda-current")
		// Notes long enough that the preview scrolls (at 700 px it is short): a
		// scrolling region must be reachable by keyboard.
		// Typed at once (an input event), not key by key: 1,500 keys take too
		// long on a busy machine.
		notes := strings.Repeat("- We agreed on the next experiment and who runs it.\n", 30)
		p.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, "Notes:\n"))
		eval[bool](t, p, fmt.Sprintf(`(() => { const el = document.querySelector('[data-testid=notes-shared]');
			el.value += %q; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`, notes))
		p.waitFor(t, `document.querySelector('[data-testid=preview]').textContent.includes('who runs it')`)
		p.axeCheck(t, axe, "live screen")
		p.waitFor(t, `!document.querySelector('[data-testid=history]').disabled`)
		p.click(t, "history")
		p.waitVisible(t, "revision-row")
		p.axeCheck(t, axe, "history dialog")
	})

	// The HTML summary file, opened on its own as whoever receives it would.
	t.Run("HTML summary", func(t *testing.T) {
		srv := startServe(t, dir)
		p := openPage(t, srv)
		file := callAPI[struct{ Data []byte }](t, p, "export.Exports.File", f.circle, map[string]any{"format": "html", "period": "all"})
		path := filepath.Join(t.TempDir(), "summary.html")
		if err := os.WriteFile(path, file.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(file.Data), `type="checkbox"`) {
			t.Fatal("the HTML summary holds no task checkbox to check")
		}
		p.do(t, chromedp.Navigate("file://"+path))
		p.axeCheck(t, axe, "HTML summary file")
	})
}

// layoutProblems lists what is wrong with the page's layout at its current
// width: anything sticking out of the window sideways (outside a box that
// scrolls or clips it on purpose), sideways page scroll, a squeezed page
// title, members' role menus over their names, and notes toolbar buttons cut off.
const layoutProblems = `(() => {
	const out = [];
	const vw = document.documentElement.clientWidth;
	const name = (el) => el.tagName.toLowerCase() + (el.dataset.testid ? '[' + el.dataset.testid + ']' : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
	const content = document.querySelector('#content');
	if (document.documentElement.scrollWidth > vw + 1) out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + vw);
	if (content && content.scrollWidth > content.clientWidth + 1) out.push('the content scrolls sideways: ' + content.scrollWidth + ' > ' + content.clientWidth);
	const clipped = (el) => {
		for (let a = el.parentElement; a && a !== content && a !== document.body; a = a.parentElement) {
			const s = getComputedStyle(a);
			if (s.overflowX !== 'visible') return true;
		}
		return false;
	};
	for (const el of document.querySelectorAll('body *')) {
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0 || clipped(el)) continue;
		const s = getComputedStyle(el);
		if (s.visibility === 'hidden' || s.position === 'absolute' && r.width <= 1) continue;
		if (r.right > vw + 1 || r.left < -1) out.push(name(el) + ' sticks out: ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + vw);
		if (out.length > 12) break;
	}
	const title = document.querySelector('.page-title-block, .live-heading');
	if (title && title.getBoundingClientRect().width < Math.min(220, vw * 0.3)) out.push('the page title has ' + Math.round(title.getBoundingClientRect().width) + ' px');
	for (const row of document.querySelectorAll('[data-testid=member-row]')) {
		const a = row.querySelector('[data-testid=member-name]').getBoundingClientRect();
		const b = row.querySelector('[data-testid=member-role]').getBoundingClientRect();
		if (a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom) { out.push('a role menu covers a name'); break; }
	}
	const panel = document.querySelector('.notes-panel');
	if (panel) {
		const p = panel.getBoundingClientRect();
		for (const b of panel.querySelectorAll('.notes-head button')) {
			const r = b.getBoundingClientRect();
			if (r.width > 0 && (r.left < p.left - 1 || r.right > p.right + 1 || r.right > vw)) out.push(name(b) + ' is cut off: ' + Math.round(r.left) + '..' + Math.round(r.right) + ' in ' + Math.round(p.left) + '..' + Math.round(p.right));
		}
	}
	return out.join('\n');
})()`

// Item 8: every screen works from 640 px wide up (a laptop split screen):
// nothing sticks out sideways, titles keep their room, the sidebar folds
// into a rail, role menus leave names alone, and the notes toolbar fits.
func TestSmallWindows(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	f := loadA11yFixture(t, p)
	screens := []struct{ name, route, ready string }{
		{"circles list", "#/circles", "circle-row"},
		{"circle page", fmt.Sprintf("#/circles/%d", f.circle), "attendance-grid"},
		{"people list", "#/people", "person-row"},
		{"person page", fmt.Sprintf("#/people/%d", f.person), "person-circle"},
		{"session page", fmt.Sprintf("#/sessions/%d", f.held), "roster"},
		{"live screen", fmt.Sprintf("#/sessions/%d/live", f.planned), "live-clock"},
	}
	for _, width := range []int64{640, 700} {
		p.emulate(t, viewMode{fmt.Sprintf("%dpx", width), false, width})
		for _, s := range screens {
			p.do(t, chromedpNavigate(srv, s.route))
			p.waitFor(t, fmt.Sprintf(`!!document.querySelector('[data-testid=%q], [data-testid=start-dialog]')`, s.ready))
			if p.count(t, "start-dialog") > 0 { // planned for another day: move it to now
				p.click(t, "start-move")
			}
			p.waitVisible(t, s.ready)
			if problems := eval[string](t, p, layoutProblems); problems != "" {
				t.Errorf("%s at %d px (screenshot: %s):\n%s", s.name, width, p.shotAs(t, fmt.Sprintf("%s-%d", s.name, width)), problems)
			}
			if s.name != "live screen" {
				if w := eval[float64](t, p, `document.querySelector('.sidebar').getBoundingClientRect().width`); w > 80 {
					t.Errorf("%s at %d px: the sidebar is %.0f px wide; below 900 px it folds into a rail", s.name, width, w)
				}
			}
		}
	}
}
