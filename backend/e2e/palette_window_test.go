package e2e_test

import "testing"

// Issue 11 in the real window: it opens on Today (the sample program is
// there); Ctrl+K, "munoz demo" and Enter land on the session whose note has
// the words, marked. The session page names what it marked in its title
// once the note is drawn with the marks (the window's title follows), which
// is how the test knows; no pixels are compared.
func TestSearchPaletteWindow(t *testing.T) {
	data := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", data); code != 0 {
		t.Fatalf("demo: code %d: %s", code, errOut)
	}
	d := launchDesktop(t, data)
	d.waitTitle(t, `^Today — Circlebook$`)
	d.keys(t, "ctrl+k")
	d.typeText(t, 30, "munoz demo")
	d.keys(t, "Return") // waits for the answer to what is typed, then opens the first hit
	d.waitTitle(t, `^[0-9]+ match(es)? for “munoz demo” · Session [0-9]+ · .+ — Circlebook$`)
	savePNGIf(t, d.settle(t, d.screenshot(t)), "search-landed.png")
	d.terminate(t)
}
