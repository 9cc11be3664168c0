package e2e_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"circlebook/backend/store"
)

// Issue 12's roster import in the real window, by keyboard, into a circle:
// --open circle/NAME/import (the circle page's Import roster) puts the
// keyboard on the file field with the circle chosen; Space opens the
// system's file chooser, where the path is typed; the rows are checked with
// Ctrl+Enter, which finds the repeated email (other case) and puts the
// keyboard on its fix (holding the row's email); a new email and Enter
// check again; Enter on Import writes them, everyone joining the circle.
// The same file in a new window then has nothing to change. Each step is
// known by the window's title, which the screen sets once drawn.
func TestImportRosterWindow(t *testing.T) {
	data := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", data); code != 0 {
		t.Fatalf("demo: code %d: %s", code, errOut)
	}
	file := filepath.Join(t.TempDir(), "inscritos.csv")
	if err := os.WriteFile(file, []byte(spreadsheetCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	const circle = "Product Craft Circle"
	before := circleMembersIn(t, data, circle)
	d := checkRosterInWindow(t, data, circle, file, `2 new, 1 error`)
	d.keys(t, "ctrl+a") // the fix starts from the row's own value
	d.typeText(t, 30, "renee.celik@example.org")
	d.keys(t, "Return")
	d.waitTitle(t, `^3 new · Import roster — Circlebook$`)
	savePNGIf(t, d.settle(t, d.screenshot(t)), "import-checked.png")
	d.keys(t, "Return")
	d.waitTitle(t, `^Imported: 3 people added, 3 joined `+circle+` · Import roster — Circlebook$`)
	d.terminate(t)

	out, errOut, code := runCLI(t, env(), "search", "--data", data, "celik")
	if code != 0 || !strings.Contains(out, "Renée Çelik") {
		t.Errorf("the imported person: code %d, %q %q", code, out, errOut)
	}
	after := circleMembersIn(t, data, circle)
	if after != before+3 {
		t.Fatalf("%s has %d members after the import, had %d: want 3 more", circle, after, before)
	}

	// The same file again: the two it made are unchanged, the repeated email
	// is still an error, and there is nothing to import.
	d = checkRosterInWindow(t, data, circle, file, `2 unchanged, 1 error`)
	d.terminate(t)
	if again := circleMembersIn(t, data, circle); again != after {
		t.Errorf("the second import changed %s: %d members, was %d", circle, again, after)
	}
}

// checkRosterInWindow opens the window on the import into circle, chooses
// file (inscritos.csv) in the system's file chooser and checks its rows
// with Ctrl+Enter, until the title gives the counts want.
func checkRosterInWindow(t *testing.T, data, circle, file, want string) *desktop {
	t.Helper()
	d := launchDesktop(t, data, "--open", "circle/"+circle+"/import")
	d.waitTitle(t, `^Import roster — Circlebook$`)
	d.keys(t, "space")
	chooseFile(t, file)
	d.waitTitle(t, `^inscritos\.csv · Import roster — Circlebook$`)
	d.keys(t, "ctrl+Return")
	d.waitTitle(t, `^`+want+` · Import roster — Circlebook$`)
	return d
}

// circleMembersIn counts the current members of the circle named name in
// the data folder, with the window closed.
func circleMembersIn(t *testing.T, data, name string) int {
	t.Helper()
	st, err := store.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int64
	err = st.DB.Table("memberships m").Joins("JOIN circles c ON c.id = m.circle_id").
		Where("c.name = ? AND m.left_on = ''", name).Count(&n).Error
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
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
