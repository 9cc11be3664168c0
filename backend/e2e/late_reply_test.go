package e2e_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// holdFirstReply makes the page keep back the reply to its next call of one
// method until window.__release() is called; window.__held turns true once
// one is kept. The server answers at once, so the reply held is the data as
// it was then: a screen still loading on a slow machine while the leader
// acts over it.
func holdFirstReply(t *testing.T, p *page, method string) {
	t.Helper()
	eval[bool](t, p, fmt.Sprintf(`(() => {
		window.__held = false;
		let release;
		const gate = new Promise((ok) => { release = ok; });
		window.__release = () => release();
		const real = window.fetch;
		window.fetch = async (url, init) => {
			let name = '';
			try { name = JSON.parse(init.body).name; } catch {}
			const res = await real(url, init);
			if (name === %q && !window.__held) {
				window.__held = true;
				await gate;
			}
			return res;
		};
		return true })()`, method))
}

// Undo of a goal's delete, clicked while the person page is still loading,
// brings the goal back on that page: the story being read then is older
// than the restore, so it is read again.
func TestGoalUndoWhilePersonPageLoads(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	_, people := growthCircle(t, p)
	ana := people[0]
	goal := callAPI[struct{ Goal struct{ ID int } }](t, p, "goals.Goals.Create", map[string]any{
		"personId": ana, "title": "Lead the Q3 product demo", "visibility": "shared", "progressMode": "manual", "progress": 20,
	}).Goal.ID

	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/goals/%d", goal)))
	p.waitVisible(t, "delete-goal")
	holdFirstReply(t, p, "growth.Story.Person")
	p.click(t, "delete-goal")
	p.waitFor(t, fmt.Sprintf(`location.hash === '#/people/%d' && window.__held`, ana))
	p.click(t, "undo-delete")
	waitRow(t, db, "SELECT COUNT(*) FROM goals WHERE id = ?", goal)
	p.waitFor(t, `document.body.textContent.includes('Goal restored.')`)
	eval[bool](t, p, `(window.__release(), true)`)
	p.waitFor(t, fmt.Sprintf(`!!document.querySelector('[data-testid=goal-row][data-goal-id="%d"]')`, goal))
}

// Feedback saved in the form that opens over the session page after End
// session, while that page is still loading, shows on the page: the
// feedback it read before the save does not replace it. (The test opens the
// form as End does, once the page's read is held, so that the page's read is
// the one held rather than the form's.)
func TestFeedbackWhileSessionPageLoads(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	session, _ := demoLiveSession(t, p)
	callAPI[any](t, p, "sessions.Sessions.End", session)

	holdFirstReply(t, p, "growth.Feedback.ForSession")
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d", session)))
	p.waitFor(t, `window.__held`)
	eval[bool](t, p, fmt.Sprintf(`(import('./js/views/feedback-form.js').then((m) => m.offerFeedback(%d)), true)`, session))
	p.waitFor(t, `document.activeElement && document.activeElement.name === 'usefulness'`)
	p.pressKey(t, "4")
	p.pressKey(t, kb.Enter)
	p.waitFor(t, `document.activeElement.dataset.testid === 'field-worked'`)
	p.do(t, chromedp.KeyEvent("Pairs on real problems"), chromedp.KeyEvent(kb.Enter))
	p.waitFor(t, `document.activeElement.dataset.testid === 'field-change'`)
	p.pressKey(t, kb.Enter)
	p.waitVisible(t, "feedback-recorded")
	eval[bool](t, p, `(window.__release(), true)`)
	p.click(t, "feedback-done")
	p.do(t, chromedpWaitGone("feedback-dialog"))
	p.waitFor(t, `!!document.querySelector('[data-testid=feedback-mean]')`)
	if mean := p.text(t, "feedback-mean"); !strings.Contains(mean, "4") || !strings.Contains(mean, "1 answer") {
		t.Errorf("mean: %q", mean)
	}
	if lines := p.text(t, "feedback-lines"); !strings.Contains(lines, "Pairs on real problems") {
		t.Errorf("lines: %q", lines)
	}
}
