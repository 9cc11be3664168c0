package e2e_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	cdpage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Two coordinators type in one session's shared note at once: two browsers
// on one browser-mode server (the second given the first one's cookie, as
// a second tab has it), each page saving from the version its text was
// typed on. The second to save is told, sees the first one's text beside
// its own, and chooses; the text not chosen is kept as a revision. On a
// page that saves over whatever the note holds, the second writer's save
// silently replaces the first one's words, and no conflict shows.

const (
	anaFirst = "Ana: we agreed"
	anaText  = anaFirst + " on the budget." // her second save, seconds after the first: in no revision yet
	benText  = "Ben: the venue is booked."
)

// conflictPages opens the live screen of a new session in two browsers, then has the first (Ana) save her text while the second (Ben),
// who read the note before, types his: his save meets hers.
func conflictPages(t *testing.T) (ana, ben *page, db *sql.DB, session int) {
	t.Helper()
	srv := startServe(t, "")
	ana = openPage(t, srv)
	db = openDB(t, srv.Data)
	_, session, _ = keyboardCircle(t, ana)
	live := fmt.Sprintf("#/sessions/%d/live", session)
	ana.do(t, chromedpNavigate(srv, live))
	ana.waitVisible(t, "notes-shared")
	ben = ana.secondBrowser(t)
	ben.do(t, chromedpNavigate(srv, live))
	ben.waitVisible(t, "notes-shared")

	ana.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, anaFirst))
	ana.waitFor(t, sharedState("saved"))
	ana.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, anaText[len(anaFirst):]))
	ana.waitFor(t, sharedState("saved"))
	if body, version := storedNote(t, db, session); body != anaText || version != 2 || revised(t, db, session, anaText) != 0 {
		t.Fatalf("Ana's saves stored version %d %q (or a revision of it already)", version, body)
	}
	ben.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, benText))
	ben.waitVisible(t, "conflict-panel")
	ben.waitFor(t, sharedState("conflict"))
	if got := ben.text(t, "conflict-theirs"); got != anaText {
		t.Errorf("Ben's conflict panel shows %q, want Ana's text", got)
	}
	if got := eval[string](t, ben, `document.querySelector('[data-testid=notes-shared]').value`); got != benText {
		t.Errorf("Ben's editor holds %q, want his own text", got)
	}
	if body, version := storedNote(t, db, session); body != anaText || version != 2 {
		t.Errorf("after the conflict the note is version %d %q; want Ana's version 2, untouched", version, body)
	}
	return ana, ben, db, session
}

// secondBrowser starts another Chromium holding p's cookie for the server,
// as another tab of p's browser would: the server's link opens once. (A
// second tab of one chromedp browser answers no Evaluate after it navigates.)
func (p *page) secondBrowser(t *testing.T) *page {
	t.Helper()
	var cookies []*network.Cookie
	p.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		res, err := cdp.Call(ctx, tg, network.GetCookies, network.GetCookiesParams{URLs: []string{p.srv.Base + "/"}})
		cookies = res.Cookies
		return err
	}))
	if len(cookies) == 0 {
		t.Fatal("the first browser holds no cookie for the server")
	}
	q := startChromium(t, p.srv)
	for _, c := range cookies {
		q.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, network.SetCookie, network.SetCookieParams{Name: c.Name, Value: c.Value, URL: p.srv.Base + "/", HTTPOnly: new(true)})
			return err
		}))
	}
	return q
}

// sharedState is a condition: the shared note's save status is state.
func sharedState(state string) string {
	return fmt.Sprintf(`document.querySelector('[data-testid=save-status][data-visibility=shared]').dataset.state === %q`, state)
}

// storedNote reads the session's shared note from the database.
func storedNote(t *testing.T, db *sql.DB, session int) (body string, version int) {
	t.Helper()
	if err := db.QueryRow(`SELECT body, version FROM notes WHERE session_id = ? AND visibility = 'shared'`, session).Scan(&body, &version); err != nil {
		t.Fatal(err)
	}
	return body, version
}

// revised counts the shared note's revisions holding exactly body.
func revised(t *testing.T, db *sql.DB, session int, body string) int {
	return count(t, db, `SELECT count(*) FROM note_revisions r JOIN notes n ON n.id = r.note_id
		WHERE n.session_id = ? AND n.visibility = 'shared' AND r.body = ?`, session, body)
}

// acceptDialogs answers every dialog the page opens from now on (leave
// the page: yes) and counts them.
func (p *page) acceptDialogs(t *testing.T) *atomic.Int32 {
	t.Helper()
	var n atomic.Int32
	opened := make(chan struct{}, 4)
	if err := chromedp.Listen(p.ctx, func(ev any) {
		if _, ok := ev.(*cdpage.EventJavascriptDialogOpening); ok {
			n.Add(1)
			select {
			case opened <- struct{}{}:
			default:
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			select {
			case <-opened:
				chromedp.Do(p.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, cdpage.HandleJavaScriptDialog, cdpage.HandleJavaScriptDialogParams{Accept: true})
					return err
				}))
			case <-p.ctx.Done():
				return
			}
		}
	}()
	return &n
}

// axeCheckPanel runs axe on the conflict panel in each view mode (light,
// dark, 700 px) and fails on any serious or critical violation in it. The
// rest of the live screen has its own a11y test; what axe finds there is
// only logged (at 700 px the preview, 28 px tall, scrolls and is no tab stop).
func (p *page) axeCheckPanel(t *testing.T, axe string) {
	t.Helper()
	const js = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
		.then(() => axe.run({include: [['[data-testid="conflict-panel"]']]}, {resultTypes: ['violations']}))
		.then((res) => JSON.stringify(res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 6).map((n) => ({target: n.target.join(' '), summary: n.failureSummary || ''}))}))))`
	for _, m := range a11yModes {
		p.emulate(t, m)
		for _, v := range p.axeRun(t, axe) { // the whole page: injects axe, and tells what is not the panel's
			t.Logf("%s, the live screen: %s (%s) at %d nodes", m.name, v.ID, v.Impact, len(v.Nodes))
		}
		out, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](js, func(e *runtime.EvaluateParams) { e.AwaitPromise = new(true) }))
		if err != nil {
			t.Fatalf("axe: %v", err)
		}
		var vs []axeViolation
		if err := json.Unmarshal([]byte(out), &vs); err != nil {
			t.Fatalf("axe result: %v", err)
		}
		for _, v := range vs {
			for _, n := range v.Nodes {
				t.Errorf("conflict panel, %s: %s (%s): %s\n  %s: %s (screenshot: %s)", m.name, v.ID, v.Impact, v.Help, n.Target, n.Summary, p.shotAs(t, "conflict-"+m.name))
			}
		}
	}
	p.emulate(t, a11yModes[0])
}

// chooseByKeyboard moves from the notes back to a conflict choice with
// Shift+Tab (the panel sits just before the editor) and presses Enter.
func chooseByKeyboard(t *testing.T, p *page, testid string, tabs int) {
	t.Helper()
	p.do(t, chromedp.Focus(`[data-testid="notes-shared"]`))
	for range tabs {
		p.do(t, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
	}
	waitFocused(t, p, testid+":")
	p.pressKey(t, kb.Enter)
}

// Keep mine: Ben's text is saved over Ana's from her version, and Ana's
// stays as a revision. A reload in between brings the conflict back, not
// a stale draft dropped. Ana, typing on, is told in turn.
func TestNotesConflictKeepMine(t *testing.T) {
	axe := axeSource(t)
	ana, ben, db, session := conflictPages(t)
	ben.axeCheckPanel(t, axe)

	// Ben leaves the page before he chooses (the browser asks first, as his
	// text is not saved; he leaves) and opens the screen again: his text
	// comes back in the conflict, however far the note's version is past the
	// one it was typed on.
	ben.waitFor(t, `Object.keys(localStorage).some((k) => k.endsWith('.shared.conflict'))`)
	asked := ben.acceptDialogs(t)
	ben.do(t, chromedp.Navigate(fmt.Sprintf("%s/?again#/sessions/%d/live", ben.srv.Base, session)), chromedp.WaitVisible(sel("content")))
	if n := asked.Load(); n != 1 {
		t.Errorf("leaving the page asked %d times, want once (the text was not saved)", n)
	}
	ben.waitVisible(t, "conflict-panel")
	ben.waitFor(t, sharedState("conflict"))
	if got := eval[string](t, ben, `document.querySelector('[data-testid=notes-shared]').value`); got != benText {
		t.Errorf("after the reload Ben's editor holds %q, want his unsaved text", got)
	}
	if got := ben.text(t, "conflict-theirs"); got != anaText {
		t.Errorf("after the reload the panel shows %q, want Ana's text", got)
	}

	chooseByKeyboard(t, ben, "conflict-keep-mine", 2)
	ben.waitFor(t, sharedState("saved"))
	if n := ben.count(t, "conflict-panel"); n != 0 {
		t.Errorf("%d conflict panels left after Keep mine", n)
	}
	if body, version := storedNote(t, db, session); body != benText || version != 3 {
		t.Errorf("after Keep mine the note is version %d %q; want Ben's, version 3", version, body)
	}
	if n := revised(t, db, session, anaText); n != 1 {
		t.Errorf("Ana's text is in %d revisions, want 1", n)
	}

	// Ana types on from her version: her page is told, not Ben's words replaced.
	ana.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, " And the date."))
	ana.waitVisible(t, "conflict-panel")
	if got := ana.text(t, "conflict-theirs"); got != benText {
		t.Errorf("Ana's conflict panel shows %q, want Ben's text", got)
	}
	if body, _ := storedNote(t, db, session); body != benText {
		t.Errorf("Ana's later typing stored %q over Ben's text", body)
	}
}

// Use theirs: Ben's editor takes Ana's text and version, his own text is
// kept as a revision, and his typing then saves on from her version.
func TestNotesConflictUseTheirs(t *testing.T) {
	_, ben, db, session := conflictPages(t)
	chooseByKeyboard(t, ben, "conflict-use-theirs", 1)
	ben.waitFor(t, sharedState("saved"))
	if got := eval[string](t, ben, `document.querySelector('[data-testid=notes-shared]').value`); got != anaText {
		t.Errorf("after Use theirs Ben's editor holds %q, want Ana's text", got)
	}
	if n := ben.count(t, "conflict-panel"); n != 0 {
		t.Errorf("%d conflict panels left after Use theirs", n)
	}
	if n := revised(t, db, session, benText); n != 1 {
		t.Errorf("Ben's text is in %d revisions, want 1", n)
	}
	if body, version := storedNote(t, db, session); body != anaText || version != 2 {
		t.Errorf("after Use theirs the note is version %d %q; want Ana's version 2", version, body)
	}

	ben.do(t, chromedp.Focus(`[data-testid="notes-shared"]`), chromedp.KeyEvent(kb.End))
	ben.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, " Ben agrees."))
	ben.waitFor(t, sharedState("saved"))
	if body, version := storedNote(t, db, session); body != anaText+" Ben agrees." || version != 3 {
		t.Errorf("Ben's typing after Use theirs stored version %d %q; want Ana's text and his, version 3", version, body)
	}
}
