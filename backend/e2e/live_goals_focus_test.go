package e2e_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// A check-in saved with Enter, then Alt+G back to the notes before Go
// answers: the answer must leave the keys in the notes, where the leader
// is typing again, and not pull them back to the goal's row.
func TestLiveCheckInReplyLeavesTheNotesFocused(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	circle, people := growthCircle(t, p)
	ana := people[0]
	g := callAPI[struct{ Goal struct{ ID int } }](t, p, "goals.Goals.Create", map[string]any{
		"personId": ana, "circleId": circle, "title": "Lead the Q3 product demo", "status": "active",
		"progressMode": "manual", "progress": 10, "visibility": "shared"})
	started := callAPI[struct{ Session struct{ ID int } }](t, p, "sessions.Sessions.StartNow", circle)
	session := started.Session.ID
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d/live", session)))
	waitFocused(t, p, "notes-shared:")
	p.clickCSS(t, fmt.Sprintf(`[data-testid=mark-present][data-person-id="%d"]`, ana))
	p.waitFor(t, fmt.Sprintf(`!!document.querySelector('[data-testid=live-goal][data-goal-id="%d"]')`, g.Goal.ID))

	alt := chromedp.KeyModifiers(chromedp.ModifierAlt)
	p.do(t, chromedp.KeyEvent("g", alt))
	p.waitFor(t, `document.activeElement.dataset.testid === 'live-goal'`)
	p.pressKey(t, kb.Enter)
	p.waitFor(t, `document.activeElement.dataset.testid === 'field-progress'`)
	p.do(t, chromedp.KeyEvent("40"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab))
	p.waitFor(t, `document.activeElement.dataset.testid === 'field-note'`)
	p.do(t, chromedp.KeyEvent("Rehearsed twice"))

	holdFirstReply(t, p, "goals.Goals.CheckIn")
	p.pressKey(t, kb.Enter)
	p.waitFor(t, `window.__held === true`) // saved in Go; the page has not heard yet
	p.do(t, chromedp.KeyEvent("g", alt))
	waitFocused(t, p, "notes-shared:")
	p.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, "Ana asked "))
	p.waitFor(t, `(window.__release(), true)`)
	p.waitVisible(t, "live-goal-checked")
	p.do(t, chromedp.KeyEvent("for feedback."))
	waitFocused(t, p, "notes-shared:")
	waitRow(t, db, "SELECT COUNT(*) FROM notes WHERE session_id = ? AND visibility = 'shared' AND body = 'Ana asked for feedback.'", session)
	waitRow(t, db, "SELECT COUNT(*) FROM goal_checkins WHERE goal_id = ? AND session_id = ? AND progress = 40 AND note = 'Rehearsed twice'", g.Goal.ID, session)
}
