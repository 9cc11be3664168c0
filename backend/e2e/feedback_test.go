package e2e_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// givenFeedback is one row of growth.Feedback.ForSession.
type givenFeedback struct {
	PersonID   *int   `json:"personId"`
	Usefulness int    `json:"usefulness"`
	Worked     string `json:"worked"`
	Change     string `json:"change"`
}

// feedbackOf reads a session's feedback through the API, as the page does.
func feedbackOf(t *testing.T, p *page, session int) []givenFeedback {
	t.Helper()
	return callAPI[[]givenFeedback](t, p, "growth.Feedback.ForSession", session)
}

// demoLiveSession loads the sample program and starts a session now in its
// first active circle of three or more; it returns the session and the circle's roster.
func demoLiveSession(t *testing.T, p *page) (session int, roster []struct {
	PersonID int    `json:"personId"`
	Name     string `json:"name"`
}) {
	t.Helper()
	callAPI[map[string]any](t, p, "demo.Demo.Load")
	list := callAPI[struct {
		Circles []struct {
			ID          int
			Status      string
			MemberCount int `json:"memberCount"`
		}
	}](t, p, "circles.Circles.List", map[string]any{"includeArchived": false})
	circle := 0
	for _, c := range list.Circles {
		if c.Status == "active" && c.MemberCount >= 3 {
			circle = c.ID
			break
		}
	}
	if circle == 0 {
		t.Fatal("the demo has no active circle of 3 or more")
	}
	started := callAPI[struct {
		Session struct{ ID int }
		Roster  []struct {
			PersonID int    `json:"personId"`
			Name     string `json:"name"`
		}
	}](t, p, "sessions.Sessions.StartNow", circle)
	if len(started.Roster) < 3 {
		t.Fatalf("the demo circle has %d members, want 3 or more", len(started.Roster))
	}
	return started.Session.ID, started.Roster
}

// endLive ends the live session on screen by its button and waits for the
// session page, and for the feedback form offered over it.
func endLive(t *testing.T, p *page, session int) {
	t.Helper()
	p.click(t, "end-session")
	p.waitVisible(t, "confirm-dialog")
	p.click(t, "confirm")
	p.waitFor(t, fmt.Sprintf(`location.hash === '#/sessions/%d'`, session))
	p.waitVisible(t, "feedback-dialog")
}

// Issue 10, item 5: after End session, the quick feedback form comes over
// the session page (the session already ended, its notes kept). A save with
// no rating is refused beside the scale and writes nothing; 4 by keyboard,
// two lines and Enter records the group's; then one attendee's, from those
// marked present or late only; the session page shows the mean and the
// lines, and edits them with the same form. The form passes axe.
func TestFeedbackAfterEnd(t *testing.T) {
	axe := axeSource(t)
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	session, roster := demoLiveSession(t, p)
	ana, bruno, absent := roster[0], roster[1], roster[2]

	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d/live", session)))
	waitFocused(t, p, "notes-shared:")
	p.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, "We paired on the demo."))
	p.clickCSS(t, fmt.Sprintf(`[data-testid=mark-present][data-person-id="%d"]`, ana.PersonID))
	p.clickCSS(t, fmt.Sprintf(`[data-testid=mark-late][data-person-id="%d"]`, bruno.PersonID))
	p.clickCSS(t, fmt.Sprintf(`[data-testid=mark-absent][data-person-id="%d"]`, absent.PersonID))
	waitRow(t, db, "SELECT COUNT(*) FROM attendance WHERE session_id = ? AND person_id = ? AND status = 'absent'", session, absent.PersonID)

	// End: the session is held and its notes kept before the form shows.
	endLive(t, p, session)
	if n := count(t, db, "SELECT COUNT(*) FROM sessions WHERE id = ? AND status = 'held' AND ended_at IS NOT NULL", session); n != 1 {
		t.Fatal("the form came before the session was ended")
	}
	if n := count(t, db, "SELECT COUNT(*) FROM notes WHERE session_id = ? AND visibility = 'shared' AND body = 'We paired on the demo.'", session); n != 1 {
		t.Fatal("the notes were not kept at the end")
	}
	p.waitFor(t, `document.activeElement && document.activeElement.name === 'usefulness'`)

	// Only those marked present or late may give their own.
	opts := eval[[]string](t, p, `[...document.querySelectorAll('[data-testid=field-personId] option')].map((o) => o.textContent)`)
	if want := []string{"The group", ana.Name, bruno.Name}; fmt.Sprint(opts) != fmt.Sprint(want) {
		t.Errorf("whose feedback: %q, want %q", opts, want)
	}

	// Saving with no rating: the message beside the scale, nothing written.
	p.click(t, "feedback-save")
	p.waitVisible(t, "error-usefulness")
	if msg := p.text(t, "error-usefulness"); !strings.Contains(msg, "from 1 to 5") {
		t.Errorf("no rating: %q", msg)
	}
	if !eval[bool](t, p, `document.querySelector('[data-testid=field-usefulness]').getAttribute('aria-invalid') === 'true' && document.activeElement.name === 'usefulness'`) {
		t.Error("the scale is not marked invalid and focused")
	}
	p.axeCheck(t, axe, "feedback form with an error")
	if n := len(feedbackOf(t, p, session)); n != 0 {
		t.Fatalf("feedback after a refused save: %d rows", n)
	}

	// 4 by keyboard clears the message; Enter, a line, Enter, a line, Enter saves.
	p.pressKey(t, "4")
	p.waitFor(t, `document.activeElement.dataset.testid === 'rating-4' && document.activeElement.checked`)
	p.waitFor(t, `document.querySelector('[data-testid=error-usefulness]').hidden`)
	p.pressKey(t, kb.ArrowRight)
	p.pressKey(t, kb.ArrowLeft)
	p.waitFor(t, `document.activeElement.dataset.testid === 'rating-4' && document.activeElement.checked`)
	p.pressKey(t, kb.Enter)
	p.waitFor(t, `document.activeElement.dataset.testid === 'field-worked'`)
	p.do(t, chromedp.KeyEvent("Pairs on real problems"), chromedp.KeyEvent(kb.Enter))
	p.waitFor(t, `document.activeElement.dataset.testid === 'field-change'`)
	p.do(t, chromedp.KeyEvent("Less time on updates"), chromedp.KeyEvent(kb.Enter))
	p.waitVisible(t, "feedback-recorded")
	if got := p.text(t, "feedback-recorded"); !strings.Contains(got, "the group") || !strings.Contains(got, "4 of 5") || !strings.Contains(got, "Less time on updates") {
		t.Errorf("recorded: %q", got)
	}
	got := feedbackOf(t, p, session)
	if len(got) != 1 || got[0].PersonID != nil || got[0].Usefulness != 4 || got[0].Worked != "Pairs on real problems" || got[0].Change != "Less time on updates" {
		t.Fatalf("stored: %+v, want the group's 4 with both lines", got)
	}
	p.axeCheck(t, axe, "feedback form, recorded")

	// Per attendee: the first one next, 5, saved; then the next is offered.
	p.waitFor(t, `document.activeElement.dataset.testid === 'feedback-next'`)
	if label := p.text(t, "feedback-next"); !strings.Contains(label, ana.Name) {
		t.Errorf("next: %q, want %s", label, ana.Name)
	}
	p.pressKey(t, kb.Enter)
	p.waitFor(t, fmt.Sprintf(`document.querySelector('[data-testid=field-personId]').value === '%d' && document.activeElement.name === 'usefulness' && !document.querySelector('[name=usefulness]:checked')`, ana.PersonID))
	if v := eval[string](t, p, `document.querySelector('[data-testid=field-worked]').value`); v != "" {
		t.Errorf("an attendee's form starts with %q, want empty", v)
	}
	p.pressKey(t, "5")
	p.fill(t, "field-worked", "The mock interview")
	p.click(t, "feedback-save")
	p.waitVisible(t, "feedback-recorded")
	waitRow(t, db, "SELECT COUNT(*) FROM session_feedback WHERE session_id = ? AND person_id = ? AND usefulness = 5 AND worked = 'The mock interview'", session, ana.PersonID)
	if label := p.text(t, "feedback-next"); !strings.Contains(label, bruno.Name) {
		t.Errorf("next after %s: %q, want %s", ana.Name, label, bruno.Name)
	}
	got = feedbackOf(t, p, session)
	if len(got) != 2 || got[0].PersonID != nil || got[1].PersonID == nil || *got[1].PersonID != ana.PersonID || got[1].Usefulness != 5 {
		t.Fatalf("stored: %+v, want the group's then %s's", got, ana.Name)
	}

	// Done: the session page shows the mean and the lines; the keyboard is on the page.
	p.click(t, "feedback-done")
	p.do(t, chromedpWaitGone("feedback-dialog"))
	p.waitFor(t, `document.querySelectorAll('[data-testid=feedback-line]').length === 2`)
	if mean := p.text(t, "feedback-mean"); !strings.Contains(mean, "4.5") || !strings.Contains(mean, "2 answers") {
		t.Errorf("mean: %q", mean)
	}
	if lines := p.text(t, "feedback-lines"); !strings.Contains(lines, "The group") || !strings.Contains(lines, "Less time on updates") || !strings.Contains(lines, ana.Name) {
		t.Errorf("lines: %q", lines)
	}
	p.waitFor(t, `document.activeElement !== document.body`)
	p.axeCheck(t, axe, "session page with feedback")

	// The same form edits it from the session page: the group's as saved; 2 replaces 4.
	p.click(t, "feedback-edit")
	p.waitVisible(t, "feedback-dialog")
	p.waitFor(t, `document.activeElement.dataset.testid === 'rating-4' && document.activeElement.checked && document.querySelector('[data-testid=field-change]').value === 'Less time on updates'`)
	p.pressKey(t, "2")
	p.do(t, chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	p.waitVisible(t, "feedback-recorded")
	p.click(t, "feedback-done")
	p.waitFor(t, `document.querySelector('[data-testid=feedback-mean]').textContent.includes('3.5')`)
	if n := count(t, db, "SELECT COUNT(*) FROM session_feedback WHERE session_id = ?", session); n != 2 {
		t.Errorf("%d rows after an edit, want 2 (replaced, not added)", n)
	}
}

// Esc skips the form: nothing is stored, the session stays ended with its
// notes, and the page keeps the keyboard. With words typed, the first Esc
// only warns.
func TestFeedbackEscSkips(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	session, roster := demoLiveSession(t, p)

	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d/live", session)))
	waitFocused(t, p, "notes-shared:")
	p.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, "Short one today."))
	p.clickCSS(t, fmt.Sprintf(`[data-testid=mark-present][data-person-id="%d"]`, roster[0].PersonID))
	endLive(t, p, session)
	p.waitFor(t, `document.activeElement && document.activeElement.name === 'usefulness'`)
	p.pressKey(t, kb.Escape)
	p.do(t, chromedpWaitGone("feedback-dialog"))
	p.waitVisible(t, "feedback-empty")
	p.waitFor(t, `document.activeElement && document.activeElement.classList.contains('page-title')`)
	if n := count(t, db, "SELECT COUNT(*) FROM session_feedback WHERE session_id = ?", session); n != 0 {
		t.Errorf("%d feedback rows after Esc, want 0", n)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM notes WHERE session_id = ? AND body = 'Short one today.'", session); n != 1 {
		t.Error("the notes were not kept")
	}

	// From the session page, with a line typed: the first Esc warns, the second skips.
	p.click(t, "feedback-edit")
	p.waitVisible(t, "feedback-dialog")
	p.pressKey(t, "3")
	p.fill(t, "field-worked", "Short and sharp")
	p.pressKey(t, kb.Escape)
	p.waitFor(t, `document.querySelector('[data-testid=feedback-dialog] [data-testid=dialog-hint]').textContent.includes('Esc again')`)
	p.pressKey(t, kb.Escape)
	p.do(t, chromedpWaitGone("feedback-dialog"))
	if n := len(feedbackOf(t, p, session)); n != 0 {
		t.Errorf("%d feedback rows after skipping, want 0", n)
	}
	p.waitFor(t, `document.activeElement.dataset.testid === 'feedback-edit'`)
}

// The same in the real window: Ctrl+Shift+E, Tab, Enter ends the session;
// over the session page the form takes 4, Enter, a line, Enter, a line,
// Enter for the group's; Enter on "Per attendee", 5 and Ctrl+Enter for
// Ana's; Esc closes it. The keyboard alone, as xdotool types.
func TestFeedbackWindow(t *testing.T) {
	data := t.TempDir()
	sessionUUID, session, _, _ := windowGoal(t, data)
	d := launchDesktop(t, data, "--open", "session/"+sessionUUID+"/live")
	d.waitTitle(t, `^Live · Session 1 · Growth Circle — Circlebook$`)
	d.typeText(t, 20, "Ana rehearsed the demo.")
	db := openDB(t, data)
	waitRow(t, db, "SELECT COUNT(*) FROM notes WHERE session_id = ? AND body = 'Ana rehearsed the demo.'", session)
	d.keys(t, "ctrl+shift+e")
	d.keys(t, "Tab", "Return")
	waitRow(t, db, "SELECT COUNT(*) FROM sessions WHERE id = ? AND status = 'held'", session)
	// The form comes over the session page, and says so first in the
	// window's title once it holds the keyboard.
	d.waitTitle(t, `^Feedback on session 1 · Session 1 · Growth Circle — Circlebook$`)
	d.keys(t, "4", "Return")
	d.typeText(t, 20, "Pairs on real problems")
	d.keys(t, "Return")
	d.typeText(t, 20, "Less time on updates")
	d.keys(t, "Return")
	waitRow(t, db, "SELECT COUNT(*) FROM session_feedback WHERE session_id = ? AND person_id IS NULL AND usefulness = 4 AND worked = 'Pairs on real problems' AND change = 'Less time on updates'", session)
	savePNGIf(t, d.settle(t, d.screenshot(t)), "feedback-recorded.png")
	d.keys(t, "Return", "5", "ctrl+Return")
	waitRow(t, db, "SELECT COUNT(*) FROM session_feedback WHERE session_id = ? AND person_id IS NOT NULL AND usefulness = 5", session)
	d.keys(t, "Escape")
	d.waitTitle(t, `^Session 1 · Growth Circle — Circlebook$`)
	savePNGIf(t, d.settle(t, d.screenshot(t)), "feedback-session-page.png")
	d.terminate(t)
}
