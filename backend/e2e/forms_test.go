package e2e_test

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/uuid"
)

// reply is what browser mode answers a call: a result, or an error with
// every field's problem.
type reply struct {
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    string `json:"code"`
		Field   string `json:"field"`
		Message string `json:"message"`
		Fields  []struct {
			Field   string `json:"field"`
			Message string `json:"message"`
		} `json:"fields"`
	} `json:"error"`
}

// callRaw calls a bound method and returns Go's answer as it is, refusal included.
func callRaw(t *testing.T, p *page, name string, args ...any) reply {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"name": name, "args": args})
	js := fmt.Sprintf(`fetch('/api/call', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: %q}).then(r => r.text())`, body)
	text, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](js, func(e *runtime.EvaluateParams) { e.AwaitPromise = new(true) }))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var r reply
	if err := json.Unmarshal([]byte(text), &r); err != nil {
		t.Fatalf("%s answered %q: %v", name, text, err)
	}
	return r
}

// refusedFields returns the fields Go named in refusing a call, failing the
// test when it was not refused.
func refusedFields(t *testing.T, r reply) []string {
	t.Helper()
	if r.Error == nil {
		t.Fatalf("accepted, answering %.200s; want a refusal", r.Result)
	}
	if len(r.Error.Fields) == 0 {
		return []string{r.Error.Field}
	}
	var out []string
	for _, f := range r.Error.Fields {
		out = append(out, f.Field)
	}
	return out
}

// shown reports whether a testid is in the page and visible.
func shown(t *testing.T, p *page, testid string) bool {
	return eval[bool](t, p, fmt.Sprintf(`(() => { const el = document.querySelector('[data-testid=%q]'); return !!el && el.checkVisibility() })()`, testid))
}

// errorsShown lists the fields whose error slot is visible, in page order.
func errorsShown(t *testing.T, p *page) string {
	return eval[string](t, p, `[...document.querySelectorAll('[data-error-for]')].filter(el => !el.hidden).map(el => el.dataset.errorFor).join(',')`)
}

// The video link takes only web addresses, in the form and in Go, and a
// web address is a link on the circle page that opens outside the app.
func TestVideoLinkIsAWebLink(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)

	r := callRaw(t, p, "circles.Circles.Create", map[string]any{"name": "Craft", "videoLink": "javascript:alert(1)"})
	if f := refusedFields(t, r); strings.Join(f, ",") != "videoLink" {
		t.Errorf("Go refused fields %v, want videoLink", f)
	}

	p.click(t, "create-circle")
	p.waitVisible(t, "circle-dialog")
	p.fill(t, "field-name", "Craft")
	p.fill(t, "field-videoLink", "javascript:alert(1)")
	p.click(t, "save")
	p.waitVisible(t, "error-videoLink")
	if msg := p.text(t, "error-videoLink"); !strings.Contains(msg, "https://") {
		t.Errorf("video link error reads %q", msg)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM circles"); n != 0 {
		t.Fatalf("circles = %d after a refused link", n)
	}
	p.fill(t, "field-videoLink", "https://meet.example.org/abc-defg-hij")
	p.waitFor(t, `document.querySelector('[data-testid=error-videoLink]').hidden`)
	p.click(t, "save")
	p.waitFor(t, `!!document.querySelector('a[href="https://meet.example.org/abc-defg-hij"]')`)
	if got := eval[string](t, p, `document.querySelector('a[href="https://meet.example.org/abc-defg-hij"]').textContent`); got != "https://meet.example.org/abc-defg-hij" {
		t.Errorf("the link reads %q", got)
	}
	// The page's one click handler opens it through App.OpenURL (window.open in browser mode).
	eval[bool](t, p, `(() => { window.__opened = []; window.open = (u) => { window.__opened.push(u); return null }; return true })()`)
	before := eval[string](t, p, `location.href`)
	p.clickCSS(t, `a[href="https://meet.example.org/abc-defg-hij"]`)
	p.waitFor(t, `window.__opened.length === 1 && window.__opened[0] === 'https://meet.example.org/abc-defg-hij'`)
	if after := eval[string](t, p, `location.href`); after != before {
		t.Errorf("the app's page moved to %s", after)
	}
}

// A form with several mistakes shows them all at once, each beside its
// field, and each goes as soon as its field is right.
func TestFormShowsEveryErrorAtOnce(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)

	r := callRaw(t, p, "circles.Circles.Create", map[string]any{"name": " ", "videoLink": "ftp://x", "startDate": "2026-09-01", "endDate": "2026-08-01"})
	if f := refusedFields(t, r); strings.Join(f, ",") != "name,videoLink,endDate" {
		t.Errorf("Go named %v, want name, videoLink and endDate at once", f)
	}

	p.click(t, "create-circle")
	p.waitVisible(t, "circle-dialog")
	if n := eval[int](t, p, `document.querySelector('[data-testid=field-name]').maxLength`); n != 200 {
		t.Errorf("name maxlength = %d, want 200", n)
	}
	if n := eval[int](t, p, `document.querySelector('[data-testid=field-purpose]').maxLength`); n != 10000 {
		t.Errorf("purpose maxlength = %d, want 10000", n)
	}
	p.fill(t, "field-videoLink", "meet.example.org/abc")
	p.setValue(t, "field-startDate", "2026-09-01")
	p.setValue(t, "field-endDate", "2026-08-01")
	p.setValue(t, "field-durationMinutes", "2000")
	p.click(t, "save")
	p.waitFor(t, `!document.querySelector('[data-testid=error-name]').hidden`)
	if got := errorsShown(t, p); got != "name,durationMinutes,videoLink,endDate" {
		t.Errorf("errors shown: %s; want name, durationMinutes, videoLink and endDate at once", got)
	}
	if msg := p.text(t, "error-durationMinutes"); msg != "Duration must be between 5 and 1440." {
		t.Errorf("duration error reads %q, want Go's words", msg)
	}
	p.fill(t, "field-name", "Craft")
	p.waitFor(t, `document.querySelector('[data-testid=error-name]').hidden`)
	if got := errorsShown(t, p); got != "durationMinutes,videoLink,endDate" {
		t.Errorf("after fixing the name, errors shown: %s", got)
	}
	p.setValue(t, "field-endDate", "2027-06-30")
	p.setValue(t, "field-durationMinutes", "90")
	p.fill(t, "field-videoLink", "https://meet.example.org/abc")
	p.waitFor(t, `![...document.querySelectorAll('[data-error-for]')].some(el => !el.hidden)`)
	p.click(t, "save")
	p.waitFor(t, `location.hash.startsWith('#/circles/')`)
	waitRow(t, db, "SELECT COUNT(*) FROM circles WHERE name = 'Craft' AND duration_minutes = 90")

	// Go's answer about several fields lands beside each of them too.
	p.click(t, "edit-circle")
	p.waitVisible(t, "circle-dialog")
	eval[bool](t, p, `(() => { for (const el of document.querySelectorAll('[data-control-for]')) { el.removeAttribute('maxlength'); el.removeAttribute('required') } return true })()`)
	p.setValue(t, "field-name", "")
	p.setValue(t, "field-place", strings.Repeat("p", 201))
	p.click(t, "save")
	p.waitFor(t, `!document.querySelector('[data-testid=error-place]').hidden`)
	if got := errorsShown(t, p); got != "name,place" {
		t.Errorf("errors shown: %s; want Go's name and place", got)
	}
}

// A 5,000-character name cannot be typed, a longer one set by a script is
// refused before sending, and a tenure cannot start in the future.
func TestPersonLimits(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)

	r := callRaw(t, p, "people.People.Create", map[string]any{"name": strings.Repeat("a", 5000), "startDate": "2999-01-01"})
	if f := refusedFields(t, r); strings.Join(f, ",") != "name,startDate" {
		t.Errorf("Go refused %v, want name and startDate", f)
	}

	p.do(t, chromedpNavigate(srv, "#/people"))
	p.click(t, "new-person")
	p.waitVisible(t, "person-dialog")
	p.fill(t, "field-name", strings.Repeat("x", 5000))
	if n := eval[int](t, p, `document.querySelector('[data-testid=field-name]').value.length`); n != 200 {
		t.Errorf("typed a name of %d characters, want it stopped at 200", n)
	}
	p.setValue(t, "field-name", strings.Repeat("x", 201))
	tomorrow := time.Now().AddDate(0, 0, 1).Format("2006-01-02")
	p.setValue(t, "field-startDate", tomorrow)
	p.click(t, "save")
	p.waitFor(t, `!document.querySelector('[data-testid=error-startDate]').hidden`)
	if msg := p.text(t, "error-name"); msg != "This is 201 characters; the limit is 200." {
		t.Errorf("name error reads %q", msg)
	}
	if msg := p.text(t, "error-startDate"); msg != "Use a date no later than today." {
		t.Errorf("start date error reads %q", msg)
	}
	if max := eval[string](t, p, `document.querySelector('[data-testid=field-startDate]').max`); max != time.Now().Format("2006-01-02") {
		t.Errorf("start date max = %q, want today", max)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM people"); n != 0 {
		t.Fatalf("people = %d after refused saves", n)
	}
	p.setValue(t, "field-startDate", "2999-01-01")
	p.waitFor(t, `document.querySelector('[data-testid=error-startDate]').textContent === 'Use a date between 1900 and 2100.'`)
	p.setValue(t, "field-startDate", "2024-09-02")
	p.waitFor(t, `document.querySelector('[data-testid=error-startDate]').hidden`)
	p.fill(t, "field-name", "Íñigo Sáenz de la Peña")
	p.click(t, "save")
	waitRow(t, db, "SELECT COUNT(*) FROM people WHERE start_date = '2024-09-02'")
}

// A long name in a toast wraps inside the window.
func TestLongToastStaysOnScreen(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	p.do(t, chromedpNavigate(srv, "#/people"))
	p.click(t, "new-person")
	p.waitVisible(t, "person-dialog")
	p.fill(t, "field-name", strings.Repeat("W", 200))
	p.click(t, "save")
	p.waitVisible(t, "toast")
	fits := eval[string](t, p, `(() => { const el = document.querySelector('[data-testid=toast]'); const r = el.getBoundingClientRect();
		const text = el.querySelector('.toast-text');
		return [r.left >= 0, r.right <= innerWidth, r.bottom <= innerHeight, text.scrollWidth <= text.clientWidth + 1, el.scrollWidth <= el.clientWidth + 1].join(',') })()`)
	if fits != "true,true,true,true,true" {
		t.Errorf("toast inside the window, its text wrapped (left, right, bottom, text, box): %s (screenshot: %s)", fits, p.shot(t))
	}
}

// Schedule series: a count over the limit is said beside the field as it
// is typed, the preview never lists more than the limit, and the message
// goes as soon as the count is right.
func TestSeriesCountLimit(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	c := callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": "Weekly", "cadence": "weekly", "timeZone": "Europe/Madrid"})
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d", c.ID)))
	p.click(t, "schedule-series")
	p.waitVisible(t, "series-dialog")
	if max := eval[string](t, p, `document.querySelector('[data-testid=field-count]').max`); max != "104" {
		t.Errorf("count max = %q", max)
	}
	p.fill(t, "field-count", "1000")
	p.waitFor(t, `!document.querySelector('[data-testid=error-count]').hidden`)
	if msg := p.text(t, "error-count"); msg != "Number of sessions must be between 1 and 104." {
		t.Errorf("count error reads %q", msg)
	}
	if n := eval[int](t, p, `document.querySelectorAll('[data-testid=series-preview] li').length`); n != 0 || strings.Contains(p.text(t, "series-preview"), "sessions, ") {
		t.Errorf("preview for 1000 lists %d dates: %q", n, p.text(t, "series-preview"))
	}
	p.click(t, "save")
	p.waitVisible(t, "error-count")
	if n := count(t, db, "SELECT COUNT(*) FROM sessions"); n != 0 {
		t.Fatalf("sessions = %d after a refused series", n)
	}
	p.fill(t, "field-count", "5")
	p.waitFor(t, `document.querySelector('[data-testid=error-count]').hidden`)
	p.waitFor(t, `document.querySelector('[data-testid=series-preview]').textContent.includes('5 sessions')`)
	p.click(t, "save")
	p.waitFor(t, `!document.querySelector('[data-testid=series-dialog]')`)
	waitRow(t, db, "SELECT COUNT(*) = 5 FROM sessions")
}

// The time-zone field finds zones from Go's list by what people type and
// is used with the keyboard alone.
func TestTimeZoneField(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	if zones := callAPI[[]string](t, p, "zones.Zones.List"); len(zones) < 300 || !strings.Contains(strings.Join(zones, " "), "Europe/Madrid") {
		t.Fatalf("Go lists %d zones", len(zones))
	}

	p.click(t, "create-circle")
	p.waitVisible(t, "circle-dialog")
	p.fill(t, "field-name", "Círculo Madrid")
	p.fill(t, "field-timeZone", "madrid")
	p.waitVisible(t, "timeZone-options")
	if first := eval[string](t, p, `document.querySelector('[data-testid=timeZone-options] [data-testid=zone-option]').dataset.zone`); first != "Europe/Madrid" {
		t.Errorf("first match for madrid = %q", first)
	}
	p.pressKey(t, kb.Enter)
	p.waitFor(t, `document.querySelector('[data-testid=field-timeZone]').value === 'Europe/Madrid'`)
	if !shown(t, p, "circle-dialog") || shown(t, p, "timeZone-options") {
		t.Fatal("Enter on a zone closed the dialog, or left the list open")
	}

	p.fill(t, "field-timeZone", "new york")
	p.waitVisible(t, "timeZone-options")
	if first := eval[string](t, p, `document.querySelector('[data-testid=timeZone-options] [data-testid=zone-option]').dataset.zone`); first != "America/New_York" {
		t.Errorf("first match for new york = %q", first)
	}
	p.pressKey(t, kb.Escape)
	p.waitFor(t, `document.querySelector('[data-testid=timeZone-options]').hidden`)
	if !shown(t, p, "circle-dialog") {
		t.Fatal("Esc in the zone list closed the dialog")
	}
	p.pressKey(t, kb.ArrowDown)
	p.waitVisible(t, "timeZone-options")
	p.pressKey(t, kb.Enter)
	p.waitFor(t, `document.querySelector('[data-testid=field-timeZone]').value === 'America/New_York'`)

	// A place typed in full becomes its zone; an unknown one is refused.
	p.fill(t, "field-timeZone", "Madrid")
	p.pressKey(t, kb.Tab)
	p.waitFor(t, `document.querySelector('[data-testid=field-timeZone]').value === 'Europe/Madrid'`)
	p.fill(t, "field-timeZone", "Gondor")
	p.pressKey(t, kb.Tab)
	p.click(t, "save")
	p.waitFor(t, `!document.querySelector('[data-testid=error-timeZone]').hidden`)
	if msg := p.text(t, "error-timeZone"); !strings.Contains(msg, "Europe/Madrid") {
		t.Errorf("zone error reads %q", msg)
	}
	p.fill(t, "field-timeZone", "madr")
	p.pressKey(t, kb.Enter)
	p.waitFor(t, `document.querySelector('[data-testid=error-timeZone]').hidden`)
	p.click(t, "save")
	p.waitFor(t, `location.hash.startsWith('#/circles/')`)
	waitRow(t, db, "SELECT COUNT(*) FROM circles WHERE time_zone = 'Europe/Madrid'")

	// The person form has the same field.
	p.do(t, chromedpNavigate(srv, "#/people"))
	p.click(t, "new-person")
	p.waitVisible(t, "person-dialog")
	p.fill(t, "field-timeZone", "buenos aires")
	p.pressKey(t, kb.Enter)
	p.waitFor(t, `document.querySelector('[data-testid=field-timeZone]').value === 'America/Argentina/Buenos_Aires'`)
}

// The export dialog opens with the format and options last exported.
func TestExportRemembersTheLastFormat(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	p.downloadsTo(t, t.TempDir())
	openExport(t, srv, p)
	if got := eval[string](t, p, `document.querySelector('[data-testid=field-format]').value`); got != "md" {
		t.Fatalf("first export starts at %q", got)
	}
	p.setValue(t, "field-format", "csv:roster")
	p.setValue(t, "field-period", "last-quarter")
	p.click(t, "field-anonymize")
	p.waitFor(t, `document.querySelector('[data-testid=export-preview]').dataset.state === 'ready'`)
	p.click(t, "save")
	p.waitFor(t, `!document.querySelector('[data-testid=export-dialog]')`)

	p.click(t, "export-summary")
	p.waitVisible(t, "export-dialog")
	got := eval[string](t, p, `['format', 'period'].map(n => document.querySelector('[data-testid=field-' + n + ']').value).join(',') + ',' + document.querySelector('[data-testid=field-anonymize]').checked`)
	if got != "csv:roster,last-quarter,true" {
		t.Errorf("the dialog reopens with %s; want csv:roster, last-quarter, anonymized", got)
	}
}

// History shows when each version was kept in the circle's time zone, as
// the rest of the app shows its times.
func TestHistoryTimesInTheCirclesZone(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	c := callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": "Auckland", "timeZone": "Pacific/Auckland"})
	s := callAPI[struct{ ID int }](t, p, "sessions.Sessions.Schedule", c.ID, map[string]any{"startsAt": "2026-12-02T09:00", "status": "held"})
	saved := callAPI[struct {
		Note struct{ ID int } `json:"note"`
	}](t, p, "notes.Notes.Save", s.ID, "shared", "Kia ora.\n")

	rw, err := sql.Open("sqlite", "file:"+filepath.Join(srv.Data, "circlebook.db")+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	kept := time.Date(2026, 12, 1, 23, 30, 0, 0, time.UTC) // 12:30 on 2 December in Auckland
	if _, err := rw.Exec(`INSERT INTO note_revisions (uuid, created_at, updated_at, note_id, version, body, reason) VALUES (?, ?, ?, ?, 1, 'Kia', 'typing')`,
		uuid.NewString(), kept, kept, saved.Note.ID); err != nil {
		t.Fatal(err)
	}

	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d/live", s.ID)))
	p.clickCSS(t, `[data-testid=history][data-visibility=shared]`)
	p.waitVisible(t, "revision-row")
	if got := p.text(t, "revision-row"); !strings.Contains(got, "Wed 2 Dec, 12:30") {
		t.Errorf("the version kept at %s reads %q; want Wed 2 Dec, 12:30 (Auckland)", kept, got)
	}
}
