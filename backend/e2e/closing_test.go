package e2e_test

import (
	"image"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// typed is what the leader types in the live notes before closing at once.
const typed = "Ana wants to lead the Q3 demo. Lars: write the brief by Friday."

// TestTypeThenCloseAtOnce types notes into the real window's live screen,
// asks the window to close within 100 ms of the last keystroke (SIGTERM takes
// the same path as the close button: Wails asks beforeClose, which waits for
// the page to flush), and requires the text in the database, and still there
// after the app is opened again.
func TestTypeThenCloseAtOnce(t *testing.T) {
	data := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", data); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	d := launchDesktop(t, data)
	list := d.waitPainted(t, "the circles list", hasColour(0x2f, 0x7d, 0xe1))

	// Product Craft Circle's page, then its primary button: "Start now".
	x, y := tallestRun(list, [3]uint8{0x2f, 0x7d, 0xe1})
	d.click(t, x+200, y)
	page := d.settle(t, d.waitPainted(t, "the circle page", func(img image.Image) bool { return !same(img, list) }))
	row, start, end := widestRun(page, accent)
	if end-start < 60 {
		t.Fatal("no primary button on the circle page")
	}
	d.click(t, (start+end)/2, row)
	// The live screen is up when its red "Live" dot (css --danger) is.
	liveDot := hasColour(0xc4, 0x2f, 0x2f)
	live := d.settle(t, d.waitPainted(t, "the live screen", func(img image.Image) bool { return !same(img, page) && liveDot(img) }))
	savePNGIf(t, live, "live.png")

	// Click into the shared notes (the large pane, centre left of the
	// 1200x800 window) as a leader would, then type. 40 ms a key is faster
	// than anyone types (300 words a minute).
	d.click(t, 580, 450)
	time.Sleep(300 * time.Millisecond)
	if b, err := exec.Command("xdotool", "type", "--delay", "40", typed).CombinedOutput(); err != nil {
		t.Fatalf("xdotool type: %v %s", err, b)
	}
	time.Sleep(50 * time.Millisecond)
	d.terminate(t)

	db := openDB(t, data)
	var body string
	if err := db.QueryRow("SELECT body FROM notes WHERE visibility = 'shared' ORDER BY updated_at DESC LIMIT 1").Scan(&body); err != nil {
		t.Fatalf("no shared note saved: %v", err)
	}
	if !strings.Contains(body, typed) {
		t.Fatalf("saved note = %q, want it to hold %q", body, typed)
	}
	db.Close()

	again := launchDesktop(t, data)
	again.waitPainted(t, "the circles list", hasColour(0x2f, 0x7d, 0xe1))
	again.terminate(t)
	db = openDB(t, data)
	if got := integrity(t, db); got != "ok" {
		t.Errorf("integrity_check: %s", got)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM notes WHERE body LIKE ?", "%"+typed+"%"); n != 1 {
		t.Errorf("after reopening, notes holding the text = %d, want 1", n)
	}
}
