package e2e_test

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// TestScaleWindowWalk opens the real window on the generated data set (the
// tenth; CIRCLEBOOK_SCALE=program for the program's 16,000 circles) and walks
// it by keyboard as a leader would: the circles list; "/", Down, End and
// Enter to the last circle; a screenshot of its page; its most recent held
// session's notes (--open session/UUID/live); Alt+A into attendance and a
// mark (L, then P), which must land in the database. Every step waits for the
// window title the screen sets once painted, or for the database, never for
// pixels or a fixed time; each step's time is logged.
//
//	CIRCLEBOOK_E2E=1 xvfb-run -a -s "-screen 0 1440x900x24" go test -count=1 -v -run TestScaleWindowWalk ./backend/e2e/
//
// The screenshot goes to $CIRCLEBOOK_SCREENSHOTS/scale-circle.png when that
// is set (as with make screenshots), else to the temporary folder.
func TestScaleWindowWalk(t *testing.T) {
	needDisplay(t)
	data := scaleData(t)
	last := lastCircle(t, data)
	ses := latestHeld(t, data, last.ID)
	t.Logf("%s scale: the last circle is %q; its latest held session is number %d", scaleName(), last.Name, ses.Number)

	buildDesktop(t, "circlebook") // before the clock starts
	s := newWalkSteps(t)
	d := launchDesktop(t, data, "--open", "circles") // not Today, where the app opens with data
	d.waitTitleWithin(t, `^Circles — Circlebook$`, scaleStepLimit)
	s.done("launch to the painted circles list")

	// "/" is the filter, Down the first row, End the last row, Enter opens it.
	d.keys(t, "slash", "Down", "End", "Return")
	if got, want := d.waitTitleLeaves(t, scaleStepLimit, "Circles — Circlebook", "Circlebook"), last.Name+" — Circlebook"; got != want {
		t.Fatalf("End and Enter in the circles list opened %q, want %q (screenshot: %s)", got, want, d.saveShot(t))
	}
	s.done("/, Down, End, Enter to the last circle's page")

	shot := d.settle(t, d.screenshot(t))
	if n := colours(shot, 12); n < 12 {
		t.Errorf("the last circle's page shows %d colours: is it painted?", n)
	}
	t.Logf("screenshot of the last circle's page: %s", saveScaleShot(t, shot, "scale-circle.png"))
	d.terminate(t)
	s.restart()

	before := sessionMarks(t, data, ses.ID)
	d = launchDesktop(t, data, "--open", "session/"+ses.UUID+"/live")
	d.waitTitleWithin(t, fmt.Sprintf("^Live · Session %d · %s — Circlebook$", ses.Number, regexp.QuoteMeta(last.Name)), scaleStepLimit)
	s.done("launch on its latest session's notes")

	// Alt+A moves to the first person's marks; L then P: a change whatever the mark was.
	d.keys(t, "alt+a", "l", "p")
	person := waitMarked(t, data, ses.ID, before, "present")
	s.done("Alt+A, L, P: the mark in the database")
	d.terminate(t)
	t.Logf("marked person %d present at session %d of %q", person, ses.Number, last.Name)
}

// heldSession is the session the walk marks.
type heldSession struct {
	ID, Number int
	UUID       string
}

// latestHeld returns a circle's most recent held session.
func latestHeld(t *testing.T, dir string, circleID int) heldSession {
	t.Helper()
	var s heldSession
	err := readDB(t, dir).QueryRow(`SELECT id, number, uuid FROM sessions WHERE circle_id = ? AND status = 'held'
		ORDER BY starts_at DESC, id DESC LIMIT 1`, circleID).Scan(&s.ID, &s.Number, &s.UUID)
	if err != nil {
		t.Fatalf("circle %d has no held session: %v", circleID, err)
	}
	return s
}

// markRow is one person's attendance at a session as the database holds it.
type markRow struct{ status, updated string }

// sessionMarks returns a session's attendance by person.
func sessionMarks(t *testing.T, dir string, sessionID int) map[int]markRow {
	t.Helper()
	rows, err := readDB(t, dir).Query("SELECT person_id, status, updated_at FROM attendance WHERE session_id = ?", sessionID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int]markRow{}
	for rows.Next() {
		var id int
		var m markRow
		if err := rows.Scan(&id, &m.status, &m.updated); err != nil {
			t.Fatal(err)
		}
		out[id] = m
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// waitMarked waits until exactly one person's mark at the session has been
// written since before and reads want, and returns that person. Another
// changed mark fails the test.
func waitMarked(t *testing.T, dir string, sessionID int, before map[int]markRow, want string) int {
	t.Helper()
	deadline := time.Now().Add(scaleStepLimit)
	for {
		var changed []int
		now := sessionMarks(t, dir, sessionID)
		for id, m := range now {
			if m != before[id] {
				changed = append(changed, id)
			}
		}
		if len(changed) > 1 {
			t.Fatalf("marks of %d people changed at session %d, want one: %v", len(changed), sessionID, changed)
		}
		if len(changed) == 1 && now[changed[0]].status == want {
			return changed[0]
		}
		if time.Now().After(deadline) {
			t.Fatalf("no mark %q written at session %d within %v (changed: %v)", want, sessionID, scaleStepLimit, changed)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// saveScaleShot writes a screenshot into $CIRCLEBOOK_SCREENSHOTS when set,
// else into the temporary folder, and returns its path.
func saveScaleShot(t *testing.T, img image.Image, name string) string {
	t.Helper()
	dir := os.Getenv("CIRCLEBOOK_SCREENSHOTS")
	if dir == "" {
		dir = os.TempDir()
		name = "circlebook-" + name
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	savePNG(t, img, path)
	return path
}
