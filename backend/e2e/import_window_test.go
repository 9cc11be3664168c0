package e2e_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Issue 12's roster import in the real window, by keyboard: --open import
// puts the keyboard on the file field; Space opens the system's file
// chooser, where the path is typed; the rows are checked with Ctrl+Enter,
// which finds the repeated email (other case) and puts the keyboard on its
// fix (holding the row's email); a new email and Enter check again; Enter on Import writes them. Each
// step is known by the window's title, which the screen sets once drawn.
func TestImportRosterWindow(t *testing.T) {
	data := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", data); code != 0 {
		t.Fatalf("demo: code %d: %s", code, errOut)
	}
	file := filepath.Join(t.TempDir(), "inscritos.csv")
	if err := os.WriteFile(file, []byte(spreadsheetCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	d := launchDesktop(t, data, "--open", "import")
	d.waitTitle(t, `^Import roster — Circlebook$`)
	d.keys(t, "space")
	chooseFile(t, file)
	d.waitTitle(t, `^inscritos\.csv · Import roster — Circlebook$`)
	d.keys(t, "ctrl+Return")
	d.waitTitle(t, `^2 new, 1 error · Import roster — Circlebook$`)
	d.keys(t, "ctrl+a") // the fix starts from the row's own value
	d.typeText(t, 30, "renee.celik@example.org")
	d.keys(t, "Return")
	d.waitTitle(t, `^3 new · Import roster — Circlebook$`)
	savePNGIf(t, d.settle(t, d.screenshot(t)), "import-checked.png")
	d.keys(t, "Return")
	d.waitTitle(t, `^Imported: 3 people added · Import roster — Circlebook$`)
	d.terminate(t)

	out, errOut, code := runCLI(t, env(), "search", "--data", data, "celik")
	if code != 0 || !strings.Contains(out, "Renée Çelik") {
		t.Errorf("the imported person: code %d, %q %q", code, out, errOut)
	}
}

// chooseFile types path into the system's file chooser ("Select File"),
// which WebKit opens for a file field, and opens it. A chooser that has
// just mapped may not take keys yet: while it stays open, the path is
// typed again (up to three times), each time after it was seen open for a
// while without taking the last one.
func chooseFile(t *testing.T, path string) {
	t.Helper()
	for try := 0; try < 3; try++ {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", `^Select File$`).Output()
		ids := strings.Fields(string(out))
		if try > 0 && len(ids) == 0 {
			return // the chooser took the path and closed
		}
		chooser := waitWindow(t, `^Select File$`)
		xdo(t, "windowfocus", "--sync", chooser)
		xdo(t, "key", "--clearmodifiers", "--delay", "30", "ctrl+l")
		xdo(t, "type", "--delay", "20", "--", path)
		xdo(t, "key", "--clearmodifiers", "Return")
		for wait := time.Now().Add(5 * time.Second); time.Now().Before(wait); time.Sleep(100 * time.Millisecond) {
			if out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", `^Select File$`).Output(); len(strings.Fields(string(out))) == 0 {
				return
			}
		}
	}
	t.Fatalf("the file chooser did not take %s", path)
}
