package e2e_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The live screen keeps the keyboard in the notes: it starts there (also
// when the leader comes back to a running session, after what is already
// written), and capturing an action item with Ctrl+I brings it back there.
// In the private notes a task line promises no action item.
func TestLiveKeepsTheKeyboardInTheNotes(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	_, session, _ := keyboardCircle(t, p)
	live := fmt.Sprintf("#/sessions/%d/live", session)

	p.do(t, chromedpNavigate(srv, live))
	waitFocused(t, p, "notes-shared:")
	p.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, "Ana will lead the demo."))

	ctrl := chromedp.KeyModifiers(chromedp.ModifierCtrl)
	p.do(t, chromedp.KeyEvent("i", ctrl))
	waitFocused(t, p, "field-text:")
	p.do(t, chromedp.SendKeys(`[data-testid="field-text"]`, "Send the brief"), chromedp.KeyEvent(kb.Enter))
	p.waitFor(t, `document.querySelectorAll('[data-testid="session-actions"] li').length === 1`)
	waitFocused(t, p, "notes-shared:")

	p.do(t, chromedp.KeyEvent("i", ctrl))
	waitFocused(t, p, "field-text:")
	p.do(t, chromedp.KeyEvent(kb.Escape))
	waitFocused(t, p, "notes-shared:")

	// Away to the session page and back: the keyboard is in the notes again,
	// after the text already there, not on the heading.
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d", session)))
	p.waitVisible(t, "page-session")
	p.do(t, chromedpNavigate(srv, live))
	waitFocused(t, p, "notes-shared:")
	p.waitFor(t, `(() => { const ta = document.activeElement; return ta.selectionStart === ta.value.length && ta.value.startsWith('Ana will lead') })()`)

	// Private notes: the hint never promises an action item.
	p.do(t, chromedp.KeyEvent("j", ctrl))
	waitFocused(t, p, "notes-private:")
	p.do(t, chromedp.SendKeys(`[data-testid="notes-private"]`, "- [ ] @Ana ask about her manager"))
	p.waitFor(t, `document.querySelector('[data-testid="action-hint"]').textContent.includes('Private notes make no action items')`)
	if hint := p.text(t, "action-hint"); strings.Contains(hint, "added when") {
		t.Errorf("private notes hint promises an item: %q", hint)
	}
}
