package e2e_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// demoServer serves a fresh data folder with the sample program in it.
func demoServer(t *testing.T) server {
	t.Helper()
	dir := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", dir); code != 0 {
		t.Fatalf("demo: code %d: %s", code, errOut)
	}
	return startServe(t, dir)
}

// ctrlK presses Ctrl+K, the palette's key, wherever the keyboard is.
func (p *page) ctrlK(t *testing.T) {
	t.Helper()
	p.do(t, chromedp.KeyEvent("k", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	p.waitFor(t, `document.activeElement && document.activeElement.dataset.testid === 'palette-input'`)
}

// Issue 11 in browser mode: Ctrl+K from the Today screen, "munoz demo" typed
// key by key, the grouped results (snippets marked, the highlighted option
// named by aria-activedescendant, no serious axe finding, light or dark),
// Enter on the note's hit lands on the session with the words marked and in
// view; Ctrl+K works in the live notes too and Esc gives them the keyboard
// back; the empty box then offers the search and the note as recent, Clear forgets
// them, Esc gives the focus back, "/" opens it where no field has focus,
// "more" asks for the rest of a group, a date Go cannot read shows Go's
// hint, and an over-long search says so beside the box. It also logs how soon results are painted after the last key.
func TestSearchPalette(t *testing.T) {
	axe := axeSource(t)
	srv := demoServer(t)
	p := openPage(t, srv)
	p.waitFor(t, `location.hash === '#/today' && document.title === 'Today — Circlebook'`)

	p.ctrlK(t)
	p.waitVisible(t, "palette-empty") // nothing searched or opened yet
	p.do(t, chromedp.KeyEvent("munoz demo"))
	p.waitFor(t, `document.querySelector('[data-testid=palette-results]').dataset.query === 'munoz demo'`)
	if n := eval[int](t, p, `document.querySelectorAll('[data-testid=palette-hit][data-kind=note] [data-testid=palette-snippet] mark').length`); n == 0 {
		t.Fatalf("no note hit with marked words for \"munoz demo\" (screenshot: %s)", p.shot(t))
	}
	const ariaOK = `(() => { const box = document.querySelector('[data-testid=palette-input]');
		const dlg = box.closest('dialog');
		const id = box.getAttribute('aria-activedescendant');
		const opt = id && document.getElementById(id);
		return box.getAttribute('role') === 'combobox' && box.labels.length === 1 && dlg.getAttribute('role') === 'dialog' && dlg.getAttribute('aria-modal') === 'true'
			&& !!opt && opt.getAttribute('role') === 'option' && opt.getAttribute('aria-selected') === 'true'
			&& document.querySelectorAll('[role=listbox] [role=group] [role=option]').length > 0
			&& [...document.querySelectorAll('[data-testid=palette-group-label]')].every((l) => l.textContent.trim() !== '') })()`
	if !eval[bool](t, p, ariaOK) {
		t.Fatalf("the palette's roles and labels are not those of a labelled combobox over a listbox (screenshot: %s)", p.shot(t))
	}
	for _, m := range []viewMode{{"dark", true, 1280}, {"light", false, 1280}} {
		p.emulate(t, m)
		if vs := p.axeRun(t, axe); len(vs) > 0 {
			t.Errorf("axe on the palette, %s (screenshot: %s):\n%s", m.name, p.shotAs(t, "palette-"+m.name), describeViolations(vs))
		}
	}

	t.Logf("options for \"munoz demo\": %s", eval[string](t, p, `[...document.querySelectorAll('[role=option]')].map((o) => o.dataset.kind || o.dataset.testid).join(' ')`))
	measureTyping(t, p, "munoz demo")

	// Arrows move the highlight to the note's hit; Enter opens its exact place.
	for i := 0; !eval[bool](t, p, `document.querySelector('[role=option][aria-selected=true]')?.dataset.kind === 'note'`); i++ {
		if i == 10 {
			t.Fatalf("no note hit among the first options (screenshot: %s)", p.shot(t))
		}
		p.pressKey(t, kb.ArrowDown)
	}
	p.pressKey(t, kb.Enter)
	p.waitFor(t, `location.hash.startsWith('#/sessions/') && location.hash.includes('find=') && document.querySelectorAll('[data-testid=find-mark]').length >= 2`)
	marked := eval[[]string](t, p, `[...document.querySelectorAll('[data-testid=find-mark]')].map((m) => m.textContent.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase())`)
	if !slices.ContainsFunc(marked, func(s string) bool { return strings.HasPrefix(s, "munoz") }) || !slices.ContainsFunc(marked, func(s string) bool { return strings.HasPrefix(s, "demo") }) {
		t.Errorf("marked words %q, want Muñoz and demo among them", marked)
	}
	if !eval[bool](t, p, `(() => { const r = document.querySelector('[data-testid=find-mark]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })()`) {
		t.Errorf("the first marked word is not scrolled into view (screenshot: %s)", p.shot(t))
	}
	if title := eval[string](t, p, `document.title`); !strings.Contains(title, "for “munoz demo”") {
		t.Errorf("title %q does not say what the search marked", title)
	}

	// In the live screen's notes Ctrl+K opens it too, types nothing there, and
	// Esc gives the notes the keyboard back.
	live := eval[string](t, p, `location.hash.replace(/\?.*$/, '') + '/live'`)
	p.do(t, chromedpNavigate(srv, live))
	p.waitVisible(t, "notes-shared")
	eval[bool](t, p, `(window.__notes = document.querySelector('[data-testid=notes-shared]').value, document.querySelector('[data-testid=notes-shared]').focus(), true)`)
	p.ctrlK(t)
	p.pressKey(t, kb.Escape)
	p.do(t, chromedpWaitGone("palette"))
	if !eval[bool](t, p, `document.activeElement === document.querySelector('[data-testid=notes-shared]') && document.activeElement.value === window.__notes`) {
		t.Errorf("after Ctrl+K and Esc in the live notes, the focus is on %s (or the note changed)", eval[string](t, p, `document.activeElement.outerHTML.slice(0, 80)`))
	}

	// The empty box: the search and the note opened, then Clear forgets both.
	// Esc closes the palette and gives the focus back to where it was.
	p.do(t, chromedpNavigate(srv, "#/today"))
	p.waitVisible(t, "attention")
	eval[bool](t, p, `(document.querySelector('.page-title').focus(), true)`)
	p.ctrlK(t)
	p.waitVisible(t, "palette-recent-opened")
	if got := p.text(t, "palette-recent-search"); got != "munoz demo" {
		t.Errorf("recent search %q, want \"munoz demo\"", got)
	}
	p.click(t, "palette-clear-recent")
	p.waitVisible(t, "palette-empty")
	if n := p.count(t, "palette-recent-opened") + p.count(t, "palette-recent-search"); n != 0 {
		t.Errorf("%d recent entries left after Clear", n)
	}
	p.pressKey(t, kb.Escape)
	p.do(t, chromedpWaitGone("palette"))
	if !eval[bool](t, p, `document.activeElement === document.querySelector('.page-title')`) {
		t.Errorf("after Esc the focus is on %s, not back on the page title", eval[string](t, p, `document.activeElement.outerHTML.slice(0, 80)`))
	}

	// "/" with no field focused opens it too; "more" narrows to a group with more hits.
	p.pressKey(t, "/")
	p.waitVisible(t, "palette-input")
	// chromedp sends the "/" character as an event of its own, which the
	// page's preventDefault on keydown cannot stop as a real key's would.
	p.setValue(t, "palette-input", "")
	p.do(t, chromedp.KeyEvent("a"))
	p.waitFor(t, `document.querySelector('[data-testid=palette-results]').dataset.query === 'a'`)
	if p.count(t, "palette-more") == 0 {
		t.Fatalf("no group has more hits than shown for \"a\" (screenshot: %s)", p.shot(t))
	}
	kind := eval[string](t, p, `document.querySelector('[data-testid=palette-more]').closest('[role=group]').querySelector('[data-testid=palette-hit]').dataset.kind`)
	p.click(t, "palette-more")
	p.waitFor(t, fmt.Sprintf(`document.querySelector('[data-testid=palette-results]').dataset.query === 'a'
		&& document.querySelectorAll('[data-testid=palette-hit]').length > 5
		&& [...document.querySelectorAll('[data-testid=palette-hit]')].every((h) => h.dataset.kind === %q)`, kind))

	// A date filter Go cannot read: its hint under the box.
	p.setValue(t, "palette-input", "demo before:someday")
	p.waitFor(t, `document.querySelector('[data-testid=palette-hint]').textContent.includes('before:')`)

	// Over 10,000 characters: the message beside the box, no results.
	p.setValue(t, "palette-input", strings.Repeat("x", 10001))
	p.waitVisible(t, "palette-error")
	if got := p.text(t, "palette-error"); got != "A search can be at most 10,000 characters." {
		t.Errorf("over-long search says %q", got)
	}
	if p.count(t, "palette-hit") != 0 {
		t.Error("an over-long search still shows results")
	}
}

// measureTyping types the query into the open palette again and again, and
// logs how long after the last key the results for it were painted (the
// issue asks for 50 ms in browser mode): a keydown listener notes the last
// key, and the time is taken after the frame that shows the list for the
// whole query. A burst (keys back to back) and a typist's pace (70 ms a key).
func measureTyping(t *testing.T, p *page, query string) {
	t.Helper()
	const install = `window.__lastKey = 0; if (!window.__keyTimer) { window.__keyTimer = true; document.addEventListener('keydown', () => { window.__lastKey = performance.now() }, true) }
		window.__painted = (target) => new Promise((resolve) => {
			const list = document.querySelector('[data-testid=palette-results]');
			const mo = new MutationObserver(() => {
				if (list.dataset.query !== target) return;
				mo.disconnect();
				requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now() - window.__lastKey); ch.port2.postMessage(0) });
			});
			mo.observe(list, {attributes: true, attributeFilter: ['data-query']});
		}); true`
	eval[bool](t, p, install)
	// What one search costs through browser mode's transport, for comparison.
	const roundTrip = `(async () => { const ts = []; for (let i = 0; i < 7; i++) { const t0 = performance.now();
		await fetch('/api/call', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({name: 'find.Find.Search', args: [{query: %q, circle: '', kinds: [], limit: 0}]})}).then((r) => r.json());
		ts.push(performance.now() - t0) } ts.sort((a, b) => a - b); return ts[3] })()`
	rt, err := chromedp.Run(p.ctx, chromedp.Evaluate[float64](fmt.Sprintf(roundTrip, query), func(e *runtime.EvaluateParams) { e.AwaitPromise = new(true) }))
	if err != nil {
		t.Fatalf("search round trip: %v", err)
	}
	t.Logf("one search round trip through /api/call (%q): median %.1f ms", query, rt)
	type round struct {
		name  string
		pause time.Duration
	}
	for _, r := range []round{{"burst", 0}, {"70 ms a key", 70 * time.Millisecond}} {
		var ms []float64
		for range 5 {
			p.setValue(t, "palette-input", "")
			p.waitFor(t, `document.querySelector('[data-testid=palette-results]').dataset.query === ''`)
			eval[bool](t, p, fmt.Sprintf(`(window.__m = window.__painted(%q), true)`, query))
			for _, c := range query {
				p.do(t, chromedp.KeyEvent(string(c)))
				if r.pause > 0 {
					time.Sleep(r.pause)
				}
			}
			v, err := chromedp.Run(p.ctx, chromedp.Evaluate[float64](`window.__m`, func(e *runtime.EvaluateParams) { e.AwaitPromise = new(true) }))
			if err != nil {
				t.Fatalf("typing latency: %v", err)
			}
			ms = append(ms, v)
		}
		sort.Float64s(ms)
		t.Logf("results painted after the last key (%s, %q, 5 rounds): median %.1f ms, max %.1f ms (all %.1f)", r.name, query, ms[len(ms)/2], ms[len(ms)-1], ms)
	}
}

// describeViolations lists axe's findings one a line.
func describeViolations(vs []axeViolation) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "%s (%s): %s\n", v.ID, v.Impact, v.Help)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "    %s: %s\n", n.Target, n.Summary)
		}
	}
	return b.String()
}
