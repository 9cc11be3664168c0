package e2e_test

import (
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// scaleStepLimit bounds one step of a window at scale: far above the targets,
// so a slow step is measured and reported rather than cut short.
const scaleStepLimit = 3 * time.Minute

// waitTitleWithin is waitTitle with a deadline of its own, and reports how
// long the title took from since.
func (d *desktop) waitTitleWithin(t testing.TB, pattern string, within time.Duration) string {
	t.Helper()
	re := regexp.MustCompile(pattern)
	deadline := time.Now().Add(within)
	title := ""
	for {
		out, err := exec.Command("xdotool", "getwindowname", d.window).Output()
		if err == nil {
			title = strings.TrimSpace(string(out))
			if re.MatchString(title) {
				return title
			}
		}
		if d.hasExited() {
			t.Fatalf("the window exited while its title was %q, waiting for %q\n%s", title, pattern, d.stderr)
		}
		if time.Now().After(deadline) {
			path := d.saveShot(t)
			t.Fatalf("the window's title is %q, not %q after %v (last screenshot: %s)\n%s", title, pattern, within, path, d.stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitTitleLeaves waits until the window's title is none of those given (a
// screen between two others titles itself "Circlebook"), and returns it.
func (d *desktop) waitTitleLeaves(t testing.TB, within time.Duration, titles ...string) string {
	t.Helper()
	pattern := "^(?:" + strings.Join(mapQuote(titles), "|") + ")$"
	re := regexp.MustCompile(pattern)
	deadline := time.Now().Add(within)
	for {
		out, err := exec.Command("xdotool", "getwindowname", d.window).Output()
		title := strings.TrimSpace(string(out))
		if err == nil && !re.MatchString(title) {
			return title
		}
		if d.hasExited() {
			t.Fatalf("the window exited while its title was %q\n%s", title, d.stderr)
		}
		if time.Now().After(deadline) {
			t.Fatalf("the window's title is still %q after %v (last screenshot: %s)\n%s", title, within, d.saveShot(t), d.stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func mapQuote(titles []string) []string {
	out := make([]string, len(titles))
	for i, s := range titles {
		out[i] = regexp.QuoteMeta(s)
	}
	return out
}

// walkSteps times a walk's steps, each from the end of the one before.
type walkSteps struct {
	t    testing.TB
	last time.Time
	log  []string
}

func newWalkSteps(t testing.TB) *walkSteps { return &walkSteps{t: t, last: time.Now()} }

// done ends a step, logs its time and returns it.
func (s *walkSteps) done(what string) time.Duration {
	d := time.Since(s.last)
	s.last = time.Now()
	line := fmt.Sprintf("%-48s %8.0f ms", what, float64(d.Microseconds())/1000)
	s.log = append(s.log, line)
	s.t.Log(line)
	return d
}

// restart starts the next step's clock now (after work that is no step).
func (s *walkSteps) restart() { s.last = time.Now() }
