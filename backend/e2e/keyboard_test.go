package e2e_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focused describes the focused element: its data-testid and the person or
// session it belongs to, e.g. "roster-marks:12".
func focused(t *testing.T, p *page) string {
	return eval[string](t, p, `(() => { const el = document.activeElement;
		if (!el || el === document.body) return 'body';
		const row = el.closest('[data-person-id]');
		return (el.dataset.testid || el.tagName.toLowerCase()) + ':' + (el.dataset.personId || el.dataset.sessionId || (row ? row.dataset.personId : '')) })()`)
}

// waitFocused waits until the focused element is want (as focused describes it).
func waitFocused(t *testing.T, p *page, want string) {
	t.Helper()
	js := `(() => { const el = document.activeElement; if (!el || el === document.body) return false;
		const row = el.closest('[data-person-id]');
		return (el.dataset.testid || el.tagName.toLowerCase()) + ':' + (el.dataset.personId || el.dataset.sessionId || (row ? row.dataset.personId : '')) === %q })()`
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](fmt.Sprintf(js, want), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("focus is on %s, want %s (screenshot: %s)", focused(t, p), want, p.shot(t))
	}
}

// altA presses Alt+A, the live screen's jump between the notes and attendance.
func altA(t *testing.T, p *page) {
	t.Helper()
	p.do(t, chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierAlt)))
}

// keyboardCircle makes a circle of three members and starts a session now;
// it returns the people in the order the roster lists them.
func keyboardCircle(t *testing.T, p *page) (circleID, sessionID int, people []int) {
	t.Helper()
	circle := callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": "Keys Circle", "cadence": "weekly", "meetingDay": 2, "timeZone": "Europe/Madrid"})
	for _, name := range []string{"Ana Ibáñez", "Bruno Díaz", "Carla Ruiz"} {
		person := callAPI[struct{ ID int }](t, p, "people.People.Create", map[string]any{"name": name})
		callAPI[any](t, p, "circles.Circles.AddMember", circle.ID, map[string]any{"personId": person.ID, "role": "mentee"})
	}
	started := callAPI[struct {
		Session struct{ ID int }
		Roster  []struct{ PersonID int }
	}](t, p, "sessions.Sessions.StartNow", circle.ID)
	for _, r := range started.Roster {
		people = append(people, r.PersonID)
	}
	if len(people) != 3 {
		t.Fatalf("roster of %d people", len(people))
	}
	return circle.ID, started.Session.ID, people
}

// Item 10: on the live screen attendance has keys of its own. Alt+A jumps
// from the notes to the list and back; the list is one tab stop; arrows move
// between people; P/L/E/A mark and Space cycles the focused person, focus
// staying on them; Enter on "Mark everyone present" keeps focus in the list.
func TestLiveAttendanceByKeyboard(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	_, session, people := keyboardCircle(t, p)
	status := func(person int) string {
		var s string
		db.QueryRow("SELECT status FROM attendance WHERE session_id = ? AND person_id = ?", session, person).Scan(&s)
		return s
	}
	waitStatus := func(person int, want string) {
		t.Helper()
		p.waitFor(t, fmt.Sprintf(`!!document.querySelector('[data-testid=roster-row][data-person-id="%d"][data-status=%q]')`, person, want))
		if got := status(person); got != want {
			t.Fatalf("person %d is %q in the database, want %q", person, got, want)
		}
	}

	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d/live", session)))
	p.waitVisible(t, "live-screen")
	p.waitFor(t, `document.activeElement && document.activeElement.tagName === 'TEXTAREA'`)
	p.do(t, chromedp.KeyEvent("Ana wants to lead"))

	// From the notes to the list in one key, on the first person's marks.
	altA(t, p)
	waitFocused(t, p, fmt.Sprintf("roster-marks:%d", people[0]))
	p.pressKey(t, kb.ArrowDown)
	waitFocused(t, p, fmt.Sprintf("roster-marks:%d", people[1]))

	// Letters mark the focused person, who keeps the focus as the list redraws.
	p.pressKey(t, "p")
	waitStatus(people[1], "present")
	waitFocused(t, p, fmt.Sprintf("roster-marks:%d", people[1]))
	p.pressKey(t, "l")
	waitStatus(people[1], "late")
	waitFocused(t, p, fmt.Sprintf("roster-marks:%d", people[1]))
	p.pressKey(t, " ") // late -> excused
	p.pressKey(t, " ") // -> absent
	waitStatus(people[1], "absent")
	waitFocused(t, p, fmt.Sprintf("roster-marks:%d", people[1]))

	// A marks absent here: it neither captures an action nor leaves the screen (P, on People).
	p.pressKey(t, kb.ArrowUp)
	waitFocused(t, p, fmt.Sprintf("roster-marks:%d", people[0]))
	p.pressKey(t, "a")
	waitStatus(people[0], "absent")
	waitFocused(t, p, fmt.Sprintf("roster-marks:%d", people[0]))
	if !eval[bool](t, p, `location.hash.endsWith('/live')`) {
		t.Fatal("a key meant for attendance also left the live screen")
	}

	// The name is one arrow away, and the list is one tab stop.
	p.pressKey(t, kb.ArrowLeft)
	waitFocused(t, p, fmt.Sprintf("roster-name:%d", people[0]))
	p.pressKey(t, kb.ArrowRight)
	waitFocused(t, p, fmt.Sprintf("roster-marks:%d", people[0]))
	p.pressKey(t, kb.Tab)
	if in := eval[bool](t, p, `!!document.activeElement.closest('[data-testid=roster]')`); in {
		t.Fatalf("Tab stayed in the list, on %s", focused(t, p))
	}

	// Back to the notes, where the text is as typed.
	p.pressKey(t, kb.ArrowUp) // harmless outside the list
	altA(t, p)
	waitFocused(t, p, fmt.Sprintf("roster-marks:%d", people[0]))
	altA(t, p)
	p.waitFor(t, `document.activeElement.tagName === 'TEXTAREA'`)
	if v := eval[string](t, p, `document.activeElement.value`); !strings.HasPrefix(v, "Ana wants to lead") {
		t.Fatalf("notes read %q", v)
	}

	// Mark everyone present by keyboard: Shift+Tab from the list reaches the
	// button, Enter marks the last person, and focus carries on in the list.
	altA(t, p)
	waitFocused(t, p, fmt.Sprintf("roster-marks:%d", people[0]))
	p.do(t, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
	waitFocused(t, p, "mark-everyone:")
	p.pressKey(t, kb.Enter)
	waitStatus(people[2], "present")
	p.waitFor(t, `document.querySelector('[data-testid=mark-everyone]').disabled`)
	if in := eval[bool](t, p, `!!document.activeElement.closest('[data-testid=roster]')`); !in {
		t.Fatalf("after Mark everyone present focus is on %s, not in the list", focused(t, p))
	}
	if got := status(people[1]); got != "absent" {
		t.Errorf("mark everyone changed a marked person to %q", got)
	}
}

// The attendance grid's links (each session's date, each member's name) are
// reachable by keyboard: up from a cell to its session, left to its member.
func TestGridLinksByKeyboard(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	circle, session, people := keyboardCircle(t, p)
	enterGrid := func() {
		t.Helper()
		p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d", circle)))
		p.waitVisible(t, "attendance-grid")
		for i := 0; i < 80 && eval[string](t, p, `document.activeElement.dataset.testid || ''`) != "attendance-cell"; i++ {
			p.pressKey(t, kb.Tab)
		}
		waitFocused(t, p, fmt.Sprintf("attendance-cell:%d", people[0]))
	}

	enterGrid()
	p.pressKey(t, kb.ArrowUp)
	waitFocused(t, p, fmt.Sprintf("grid-session-link:%d", session))
	p.pressKey(t, kb.ArrowDown)
	waitFocused(t, p, fmt.Sprintf("attendance-cell:%d", people[0]))
	p.pressKey(t, kb.ArrowUp)
	p.pressKey(t, kb.Enter)
	p.waitFor(t, fmt.Sprintf(`location.hash === '#/sessions/%d'`, session))

	enterGrid()
	p.pressKey(t, kb.ArrowDown)
	p.pressKey(t, kb.ArrowLeft)
	waitFocused(t, p, fmt.Sprintf("grid-person-link:%d", people[1]))
	p.pressKey(t, kb.Enter)
	p.waitFor(t, fmt.Sprintf(`location.hash === '#/people/%d'`, people[1]))
}

// Item 10: Enter on "Mark everyone present" leaves focus in the attendance
// list (the button is then done), never at the top of the page.
func TestMarkEveryoneKeepsFocus(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	_, session, people := keyboardCircle(t, p)
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d", session)))
	p.waitVisible(t, "roster")
	for i := 0; i < 80 && eval[string](t, p, `document.activeElement.dataset.testid || ''`) != "mark-everyone"; i++ {
		p.pressKey(t, kb.Tab)
	}
	waitFocused(t, p, "mark-everyone:")
	p.pressKey(t, kb.Enter)
	p.waitFor(t, `document.querySelectorAll('[data-testid=roster-row][data-status=present]').length === 3`)
	waitFocused(t, p, fmt.Sprintf("roster-marks:%d", people[0]))
}
