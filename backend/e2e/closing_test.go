package e2e_test

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"circlebook/backend/model"
	"circlebook/backend/services"
	"circlebook/backend/sessions"
	"circlebook/backend/store"
)

// typed is what the leader types in the live notes before closing at once:
// 266 characters, more than a leader types in the seconds before closing,
// ending in an action line with no Enter after it.
const typed = "Ana wants to lead the Q3 demo; Lars offers to review the deck first. " +
	"We agreed the brief goes out by Friday and the pilot starts in January. " +
	"Open question: who owns the metrics page? Zoe will ask her manager, Ines too.\n" +
	"- [ ] @Camille send the brief due:2026-12-31"

// TestTypeThenCloseAtOnce types notes into the real window's live screen at
// 20 ms a key, closes the window 50 ms after the last key (by SIGTERM, as at
// logout, and by Ctrl+Q; the close button takes the same path in Wails), and
// requires every character in the database, the last line's action item made
// though no Enter followed it, and the text still there after the app is
// opened again.
func TestTypeThenCloseAtOnce(t *testing.T) {
	for _, way := range []string{"SIGTERM", "Ctrl+Q"} {
		t.Run(way, func(t *testing.T) {
			data := t.TempDir()
			if _, errOut, code := runCLI(t, env(), "demo", "--data", data); code != 0 {
				t.Fatalf("demo: %s", errOut)
			}
			ses := scheduleNow(t, data, "Product Craft Circle")

			d := launchDesktop(t, data, "--open", "session/"+ses.UUID+"/live")
			d.waitTitle(t, `^Live · Session [0-9]+ · Product Craft Circle — Circlebook$`)
			for i, line := range strings.Split(typed, "\n") {
				if i > 0 {
					d.keys(t, "Return")
				}
				d.typeText(t, 20, line)
			}
			time.Sleep(50 * time.Millisecond)
			switch way {
			case "SIGTERM":
				d.cmd.Process.Signal(syscall.SIGTERM)
			case "Ctrl+Q":
				d.xdotool(t, "key", "ctrl+q")
			}
			d.waitExit(t)

			db := openDB(t, data)
			var body string
			if err := db.QueryRow("SELECT body FROM notes WHERE session_id = ? AND visibility = 'shared'", ses.ID).Scan(&body); err != nil {
				t.Fatalf("no shared note saved: %v", err)
			}
			if body != typed {
				t.Fatalf("saved note = %q (%d characters), want all %d typed: %q", body, len(body), len(typed), typed)
			}
			var item, owner, due string
			if err := db.QueryRow("SELECT a.text, p.name, a.due_on FROM action_items a JOIN people p ON p.id = a.owner_id WHERE a.session_id = ?", ses.ID).Scan(&item, &owner, &due); err != nil {
				t.Fatalf("no action item from the last line: %v", err)
			}
			if item != "send the brief" || owner != "Camille Dubois" || due != "2026-12-31" {
				t.Errorf("action item = %q for %s due %s", item, owner, due)
			}
			db.Close()
			if way != "SIGTERM" {
				return
			}
			// Open again, on the same live screen: the notes are there.
			again := launchDesktop(t, data, "--open", "session/"+ses.UUID+"/live")
			again.waitTitle(t, `^Live · Session [0-9]+ · Product Craft Circle — Circlebook$`)
			savePNGIf(t, again.settle(t, again.screenshot(t)), "live.png")
			again.terminate(t)
			db = openDB(t, data)
			if got := integrity(t, db); got != "ok" {
				t.Errorf("integrity_check: %s", got)
			}
			if n := count(t, db, "SELECT COUNT(*) FROM notes WHERE body = ?", typed); n != 1 {
				t.Errorf("after reopening, notes holding the text = %d, want 1", n)
			}
		})
	}
}

// scheduleNow plans a session of the named circle starting now (in the
// circle's time zone), through the app's own sessions service.
func scheduleNow(t testing.TB, data, circle string) model.Session {
	t.Helper()
	st, err := store.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var c model.Circle
	if err := st.DB.Where("name = ?", circle).First(&c).Error; err != nil {
		t.Fatalf("circle %q: %v", circle, err)
	}
	zone, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		t.Fatal(err)
	}
	svc := services.New(st.DB, time.Now, data)
	ses, err := svc.Sessions.Schedule(c.ID, sessions.SessionInput{StartsAt: time.Now().In(zone).Format("2006-01-02T15:04"), DurationMinutes: 60, Topic: "Closing test"})
	if err != nil {
		t.Fatalf("schedule a session now: %v", err)
	}
	return ses
}
