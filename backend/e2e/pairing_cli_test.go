package e2e_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// `circlebook match` and `circlebook form` on the sample cohort: the pairs
// and why, --publish makes them circles of two (and again, nothing new);
// the circles and their mix, --create makes them; a cohort that cannot be
// split as asked, or no cohort, exits 2 with one line.
func TestMatchAndFormCLI(t *testing.T) {
	dir := t.TempDir()
	if out, errOut, code := runCLI(t, env(), "demo", "--cohort", "--data", dir); code != 0 || !strings.Contains(out, "40 people, 12 of them mentors") {
		t.Fatalf("demo --cohort: code %d: %q %q", code, out, errOut)
	}
	const cohort = "2026 spring cohort"
	out, errOut, code := runCLI(t, env(), "match", "--data", dir, "--cohort", cohort)
	if code != 0 || !strings.HasPrefix(out, "28 pairs from 28 mentees and 12 mentors") || !strings.Contains(out, "working-time overlap") {
		t.Fatalf("match: code %d, %q %q", code, out, errOut)
	}
	if _, errOut, code := runCLI(t, env(), "match", "--data", dir, "--cohort", cohort, "--publish", "--first-session", "2027-01-11"); code != 0 ||
		!strings.Contains(errOut, "Published 28 pairs") {
		t.Fatalf("match --publish: code %d, %q", code, errOut)
	}
	if _, errOut, _ := runCLI(t, env(), "match", "--data", dir, "--cohort", cohort, "--publish"); !strings.Contains(errOut, "Published 0 pairs as circles; 28 were already pairs") {
		t.Errorf("publishing again: %q", errOut)
	}
	out, _, _ = runCLI(t, env(), "program", "--data", dir, "--cohort", cohort, "--kind", "pair")
	if !strings.HasPrefix(out, "28 of 28 circles") {
		t.Errorf("the program's pairs of the cohort: %q", out)
	}
	out, errOut, code = runCLI(t, env(), "form", "--data", dir, "--cohort", cohort, "--circles", "6", "--json")
	var prop struct {
		Circles []struct {
			Members     []string `json:"members"`
			Explanation struct {
				Sentences []string `json:"sentences"`
			} `json:"explanation"`
		} `json:"circles"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &prop) != nil || len(prop.Circles) != 6 || len(prop.Circles[0].Explanation.Sentences) == 0 {
		t.Fatalf("form --json: code %d, %q %q", code, out, errOut)
	}
	if _, errOut, code := runCLI(t, env(), "form", "--data", dir, "--cohort", cohort, "--circles", "6", "--create"); code != 0 || !strings.Contains(errOut, "Created 6 circles") {
		t.Fatalf("form --create: code %d, %q", code, errOut)
	}
	out, _, _ = runCLI(t, env(), "program", "--data", dir, "--cohort", cohort, "--kind", "group")
	if !strings.HasPrefix(out, "6 of 6 circles") || !strings.Contains(out, cohort+" · Circle 1") {
		t.Errorf("the cohort's circles: %q", out)
	}
	for _, args := range [][]string{
		{"form", "--cohort", cohort, "--circles", "5"}, // 12 who lead are too many for 5 circles of 2 leaders
		{"match", "--cohort", "nobody"},
		{"match"},
		{"form", "--cohort", cohort},
		{"form", "--cohort", cohort, "--size", "9-3"},
	} {
		out, errOut, code := runCLI(t, env(), append(args, "--data", dir)...)
		if code != 2 || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || errOut == "" {
			t.Errorf("%v: code %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}
