package e2e_test

import "testing"

// Issue 12 in the real window, by keyboard only, on the sample program and
// the sample cohort: --open match, Ctrl+Enter suggests the cohort's pairs,
// Shift+Tab from the summary reaches Publish and Enter publishes them;
// then --open form, Ctrl+Enter proposes circles (as many as the cohort
// suggests), and Create makes them. Each step is known by the window's
// title, which each screen sets once it has drawn the result.
func TestMatchAndFormWindow(t *testing.T) {
	data := t.TempDir()
	for _, args := range [][]string{{"demo"}, {"demo", "--cohort"}} {
		if _, errOut, code := runCLI(t, env(), append(args, "--data", data)...); code != 0 {
			t.Fatalf("%v: code %d: %s", args, code, errOut)
		}
	}
	d := launchDesktop(t, data, "--open", "match")
	d.waitTitle(t, `^Match pairs — Circlebook$`)
	d.keys(t, "ctrl+Return")
	d.waitTitle(t, `^28 pairs suggested · Match pairs — Circlebook$`)
	d.keys(t, "shift+Tab", "Return")
	d.waitTitle(t, `^Published 28 pairs · Match pairs — Circlebook$`)
	savePNGIf(t, d.settle(t, d.screenshot(t)), "match-published.png")
	d.terminate(t)

	d = launchDesktop(t, data, "--open", "form")
	d.waitTitle(t, `^Form circles — Circlebook$`)
	d.keys(t, "ctrl+Return")
	d.waitTitle(t, `^6 circles proposed · Form circles — Circlebook$`)
	savePNGIf(t, d.settle(t, d.screenshot(t)), "form-proposed.png")
	d.keys(t, "shift+Tab", "Return")
	d.waitTitle(t, `^Created 6 circles · Form circles — Circlebook$`)
	d.terminate(t)

	out, _, _ := runCLI(t, env(), "program", "--data", data, "--cohort", "2026 spring cohort")
	if want := "34 of 34 circles\n"; len(out) < len(want) || out[:len(want)] != want {
		t.Errorf("the cohort's circles after the window: %q", out)
	}
}
