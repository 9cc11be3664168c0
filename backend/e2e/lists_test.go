package e2e_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"circlebook/backend/circles"
	"circlebook/backend/model"
	"circlebook/backend/people"
	"circlebook/backend/store"

	"github.com/chromedp/chromedp/kb"
	"gorm.io/gorm"
)

// bigProgram is the data set of the list tests: listCircles active circles
// named "Circle 0001" on, then two whose names sort after them (with
// accents, as the list sorts by the folded name), and one archived circle
// that sorts first; listPeople people likewise.
const (
	listCircles  = 2997
	listPeople   = 1200
	findMe       = "Équipe Łódź Night Owls"
	lastCircleIs = "Zoë Ünal Circle"
	lastPersonIs = "Zoë Walker"
)

// bigProgramFile is the database of bigProgram, written once per test run.
var bigProgramFile = sync.OnceValues(writeBigProgram)

// seedBigProgram returns a fresh data folder holding bigProgram, and the ids
// of the circles it pinned.
func seedBigProgram(t *testing.T) (string, []uint) {
	t.Helper()
	src, err := bigProgramFile()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, store.FileName), b, 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, []uint{42, 1500}
}

// writeBigProgram writes bigProgram through the services, in one
// transaction (each service call a savepoint inside it), into a folder
// beside the test binary, and returns the database file.
func writeBigProgram() (string, error) {
	dir := filepath.Join(filepath.Dir(cli), "big-program")
	st, err := store.Open(dir)
	if err != nil {
		return "", err
	}
	err = st.DB.Transaction(func(tx *gorm.DB) error {
		cs := circles.New(tx, time.Now)
		add := func(name, status string) (model.Circle, error) {
			return cs.Create(circles.CircleInput{Name: name, Status: status, Cadence: model.CadenceWeekly, MeetingDay: 2, MeetingTime: "17:00", TimeZone: "Europe/Madrid", Color: "#4b4fd8"})
		}
		for i := 1; i <= listCircles; i++ {
			if _, err := add(fmt.Sprintf("Circle %04d", i), model.CircleActive); err != nil {
				return err
			}
		}
		for _, name := range []string{findMe, lastCircleIs} {
			if _, err := add(name, model.CircleActive); err != nil {
				return err
			}
		}
		if _, err := add("Aardvark Archive", model.CircleArchived); err != nil {
			return err
		}
		for _, id := range []uint{1500, 42} {
			if _, err := cs.SetPinned(id, true); err != nil {
				return err
			}
		}
		ps := people.New(tx, time.Now)
		for i := 1; i <= listPeople; i++ {
			if _, err := ps.Create(people.PersonInput{Name: fmt.Sprintf("Person %04d", i), Team: "Platform"}); err != nil {
				return err
			}
		}
		_, err := ps.Create(people.PersonInput{Name: lastPersonIs, Team: "Design"})
		return err
	})
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return st.Path, err
}

// listShape checks a virtualized list as a person would see it: every row
// exactly one row height tall at its own place (rows aligned, none
// overlapping), the rows in view loaded (no placeholders, no blank gap),
// and returns what is wrong, or "".
const listShape = `((testid) => {
	const out = [];
	const list = document.querySelector('[data-testid="' + testid + '"]');
	if (!list) return 'no list';
	const spacer = list.querySelector('.vlist-spacer').getBoundingClientRect();
	const rh = parseFloat(getComputedStyle(list).getPropertyValue('--vlist-row-h'));
	const view = document.querySelector('#content').getBoundingClientRect();
	const rows = [...list.querySelectorAll('.vlist-row')];
	for (const li of rows) {
		const r = li.getBoundingClientRect();
		const i = Number(li.getAttribute('aria-posinset')) - 1;
		if (Math.abs(r.top - (spacer.top + i * rh)) > 0.5) out.push('row ' + i + ' is at ' + (r.top - spacer.top) + ', want ' + i * rh);
		if (Math.abs(r.height - rh) > 0.5) out.push('row ' + i + ' is ' + r.height + ' px tall, want ' + rh);
	}
	const top = Math.max(view.top, spacer.top), bottom = Math.min(view.bottom, spacer.bottom);
	const inView = rows.filter((li) => { const r = li.getBoundingClientRect(); return r.bottom > top && r.top < bottom; });
	if (bottom > top) {
		if (!inView.length) out.push('nothing in view');
		else {
			if (inView[0].getBoundingClientRect().top > top + 0.5) out.push('a blank gap above the rows in view');
			if (inView.at(-1).getBoundingClientRect().bottom < bottom - 0.5) out.push('a blank gap below the rows in view');
		}
	}
	if (inView.some((li) => li.querySelector('[data-testid=vlist-placeholder]'))) out.push('a row in view is still loading');
	return out.join('\n');
})`

// recordListCalls makes the page keep the arguments of every call to a list method.
func recordListCalls(t *testing.T, p *page, method string) {
	eval[bool](t, p, fmt.Sprintf(`(() => {
		window.__calls = [];
		const real = window.fetch;
		window.fetch = (url, init) => {
			try { const b = JSON.parse(init.body); if (b.name === %q) window.__calls.push(b.args[0]); } catch {}
			return real(url, init);
		};
		return true })()`, method))
}

// listCall is one recorded call's request.
type listCall struct {
	Query  string
	Offset int
	After  string
	Limit  int
}

// waitShape waits until a list looks right (listShape), failing with what is wrong.
func (p *page) waitShape(t *testing.T, testid, what string) {
	t.Helper()
	js := fmt.Sprintf(`%s(%q)`, listShape, testid)
	deadline := time.Now().Add(10 * time.Second)
	for {
		problems := eval[string](t, p, js)
		if problems == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %s (screenshot: %s)", what, problems, p.shotAs(t, what))
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// focusedRow is the name shown in the row that has the keyboard, or "".
const focusedRow = `(document.activeElement.closest('.vlist-row')?.querySelector('[data-testid=circle-name], [data-testid=person-name]')?.firstChild?.textContent || '').trim()`

// TestCirclesListAtScale: with 3,000 circles the list paints only what is
// in view, in place; the keyboard reaches the last circle and back; paging
// asks by cursor when scrolling on and by offset when jumping; the filter
// asks Go and Enter opens what it found; the sidebar shows the pinned and
// recently opened circles, at most 20, with a link to all of them.
func TestCirclesListAtScale(t *testing.T) {
	dir, pinned := seedBigProgram(t)
	srv := startServe(t, dir)
	p := openPage(t, srv)
	p.do(t, chromedpNavigate(srv, "#/circles")) // the app opens on Today once there is data
	p.waitFor(t, `document.title === 'Circles — Circlebook'`)
	p.waitShape(t, "circle-list", "first paint")

	if got := p.text(t, "circle-count"); got != "2,999 active circles" {
		t.Errorf("count line %q, want 2,999 active circles", got)
	}
	if n := p.count(t, "circle-row"); n < 10 || n > 100 {
		t.Errorf("%d circle rows in the DOM, want the rows in view only (10..100)", n)
	}
	if n := eval[int](t, p, `document.querySelectorAll('*').length`); n > 3000 {
		t.Errorf("%d elements in the page", n)
	}
	if got := texts(t, p, "circle-name")[:3]; strings.Join(got, ",") != "Circle 0001,Circle 0002,Circle 0003" {
		t.Errorf("first rows %q", got)
	}
	if got := eval[string](t, p, `document.querySelector('.vlist-row:last-child').getAttribute('aria-setsize')`); got != "2999" {
		t.Errorf("aria-setsize %q, want 2999", got)
	}
	if vs := p.axeRun(t, axeSource(t)); len(vs) > 0 {
		t.Errorf("axe on the long list: %+v", vs)
	}

	// Scrolling on, a screenful at a time: rows stay in place with none
	// missing, and each new page is asked for after the one before (cursor).
	recordListCalls(t, p, "circles.Circles.List")
	for step := 1; step <= 25; step++ {
		eval[bool](t, p, `(document.querySelector('#content').scrollTop += 700, true)`)
		p.waitShape(t, "circle-list", fmt.Sprintf("scrolled %d screens", step))
	}
	calls := eval[[]listCall](t, p, `window.__calls`)
	if len(calls) == 0 {
		t.Fatal("scrolling 25 screens asked for no page")
	}
	for _, c := range calls {
		if c.After == "" || c.Limit != 50 {
			t.Errorf("scrolling on asked %+v, want the next 50 after a cursor", c)
		}
	}
	if n := p.count(t, "circle-row"); n > 100 {
		t.Errorf("%d rows in the DOM after scrolling", n)
	}

	// The keyboard: End reaches the last circle (one jump, by offset), Home the first.
	eval[bool](t, p, `(document.querySelector('.vlist-row a').focus(), window.__calls = [], true)`)
	p.pressKey(t, kb.End)
	p.waitFor(t, fmt.Sprintf(`%s === %q`, focusedRow, lastCircleIs))
	p.waitShape(t, "circle-list", "after End")
	calls = eval[[]listCall](t, p, `window.__calls`)
	if len(calls) == 0 || calls[0].After != "" || calls[0].Offset != 2950 {
		t.Errorf("End asked %+v, want the last page by offset 2950 first", calls)
	}
	if got := eval[string](t, p, `document.activeElement.closest('.vlist-row').getAttribute('aria-posinset')`); got != "2999" {
		t.Errorf("the last row's aria-posinset %q, want 2999", got)
	}
	p.pressKey(t, kb.ArrowUp)
	p.waitFor(t, fmt.Sprintf(`%s === %q`, focusedRow, findMe))
	p.pressKey(t, kb.Home)
	p.waitFor(t, fmt.Sprintf(`%s === 'Circle 0001'`, focusedRow))
	p.pressKey(t, kb.ArrowDown)
	p.pressKey(t, kb.ArrowDown)
	p.waitFor(t, fmt.Sprintf(`%s === 'Circle 0003'`, focusedRow))
	if top := eval[float64](t, p, `document.querySelector('#content').scrollTop`); top > 200 {
		t.Errorf("after Home the page is scrolled %v px", top)
	}

	// A scrollbar drag to the middle: the rows there, loaded by offset.
	eval[bool](t, p, `(window.__calls = [], document.querySelector('#content').scrollTop = document.querySelector('#content').scrollHeight / 2, true)`)
	p.waitShape(t, "circle-list", "dragged to the middle")
	calls = eval[[]listCall](t, p, `window.__calls`)
	if len(calls) == 0 || calls[0].After != "" {
		t.Errorf("a jump to the middle asked %+v, want a page by offset", calls)
	}

	// The sidebar: the pinned circles, nothing else opened yet, and the way to all.
	side := eval[[]string](t, p, `[...document.querySelectorAll('[data-testid=sidebar-circle]')].map((a) => a.textContent.trim())`)
	if len(side) != len(pinned) || side[0] != "Circle 0042" || side[1] != "Circle 1500" {
		t.Errorf("sidebar %q, want the pinned Circle 0042 and Circle 1500", side)
	}
	if got := p.text(t, "sidebar-all-circles"); got != "All 2,999 circles" {
		t.Errorf("sidebar link %q", got)
	}

	// The filter asks Go; "/", a few letters and Enter open the circle.
	p.pressKey(t, "/")
	p.waitFor(t, `document.activeElement.dataset.testid === 'circle-filter'`)
	p.fill(t, "circle-filter", "lodz night")
	p.waitFor(t, fmt.Sprintf(`(() => { const r = [...document.querySelectorAll('[data-testid=circle-name]')]; return r.length === 1 && r[0].textContent === %q })()`, findMe))
	if got := p.text(t, "circle-count"); got != "1 match" {
		t.Errorf("count line %q for one match", got)
	}
	p.pressKey(t, kb.Enter)
	p.waitFor(t, fmt.Sprintf(`document.title === %q`, findMe+" — Circlebook"))

	// Opened, it joins the sidebar; pinned, it goes first.
	p.waitFor(t, fmt.Sprintf(`[...document.querySelectorAll('[data-testid=sidebar-circle]')].some((a) => a.textContent.trim() === %q)`, findMe))
	p.click(t, "pin-circle")
	p.waitFor(t, fmt.Sprintf(`(() => { const s = [...document.querySelectorAll('[data-testid=sidebar-circle]')]; return s.length === 3 && s.at(-1).textContent.trim() === %q && s.at(-1).classList.contains('is-pinned') })()`, findMe))
	if n := p.count(t, "sidebar-circle"); n > 20 {
		t.Errorf("%d circles in the sidebar, want at most 20", n)
	}

	// Twenty-five more circles opened: the sidebar keeps 20 and the newest.
	for i := 2001; i <= 2025; i++ {
		p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d", i)))
		p.waitFor(t, fmt.Sprintf(`document.title === 'Circle %04d — Circlebook'`, i))
	}
	p.waitFor(t, `[...document.querySelectorAll('[data-testid=sidebar-circle]')].some((a) => a.textContent.trim() === 'Circle 2025')`)
	if n := p.count(t, "sidebar-circle"); n != 20 {
		t.Errorf("%d circles in the sidebar after opening 25, want 20", n)
	}
	p.click(t, "sidebar-all-circles")
	p.waitFor(t, `location.hash === '#/circles' && document.title === 'Circles — Circlebook'`)

	// End and Enter at once, before the last page has come (a slow answer, as
	// on a busy machine): the last circle opens when it arrives.
	p.waitFor(t, `!!document.querySelector('.vlist-row a')`)
	eval[bool](t, p, `(() => {
		const real = window.fetch;
		window.fetch = (url, init) => new Promise((ok) => setTimeout(ok, 400)).then(() => real(url, init));
		document.querySelector('.vlist-row a').focus();
		return true })()`)
	p.pressKey(t, kb.End)
	p.pressKey(t, kb.Enter)
	p.waitFor(t, fmt.Sprintf(`document.title === %q`, lastCircleIs+" — Circlebook"))
}

// TestPeopleListAtScale: the people list pages the same way, and its
// search asks Go.
func TestPeopleListAtScale(t *testing.T) {
	dir, _ := seedBigProgram(t)
	srv := startServe(t, dir)
	p := openPage(t, srv)
	p.do(t, chromedpNavigate(srv, "#/people"))
	p.waitVisible(t, "person-row")
	p.waitShape(t, "people-list", "people first paint")
	if got := p.text(t, "people-count"); got != "1,201 people" {
		t.Errorf("people count %q", got)
	}
	if n := p.count(t, "person-row"); n > 100 {
		t.Errorf("%d people rows in the DOM", n)
	}
	eval[bool](t, p, `(document.querySelector('.vlist-row a').focus(), true)`)
	p.pressKey(t, kb.End)
	p.waitFor(t, fmt.Sprintf(`%s.startsWith(%q)`, focusedRow, lastPersonIs))
	p.waitShape(t, "people-list", "people after End")
	p.fill(t, "people-search", "zoe")
	p.waitFor(t, `document.querySelectorAll('[data-testid=person-row]').length === 1`)
	if got := p.text(t, "people-count"); got != "1 match" {
		t.Errorf("people count %q for one match", got)
	}
}
