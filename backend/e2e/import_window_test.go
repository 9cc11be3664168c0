package e2e_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 12's roster import in the real window, by keyboard: --open import
// puts the keyboard on the file field; Space opens the system's file
// chooser, where the path is typed; the rows are checked with Ctrl+Enter,
// which finds the repeated email (other case) and puts the keyboard on its
// fix; a new email and Enter check again; Enter on Import writes them. Each
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
	chooser := waitWindow(t, `^Select File$`)
	xdo(t, "windowfocus", "--sync", chooser)
	xdo(t, "key", "--clearmodifiers", "--delay", "30", "ctrl+l")
	xdo(t, "type", "--delay", "20", "--", file)
	xdo(t, "key", "--clearmodifiers", "Return")
	d.waitTitle(t, `^inscritos\.csv · Import roster — Circlebook$`)
	d.keys(t, "ctrl+Return")
	d.waitTitle(t, `^2 new, 1 error · Import roster — Circlebook$`)
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
