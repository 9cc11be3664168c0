package e2e_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// searchHit is one line of `circlebook search --json`.
type searchHit struct {
	Kind    string `json:"kind"`
	ID      uint   `json:"id"`
	UUID    string `json:"uuid"`
	Circle  string `json:"circle"`
	Date    string `json:"date"`
	Snippet string `json:"snippet"`
}

// searchJSON runs `circlebook search --json` with args on dir and decodes
// its lines, failing on a non-zero exit or a line that is not a hit.
func searchJSON(t *testing.T, dir string, args ...string) []searchHit {
	t.Helper()
	out, errOut, code := runCLI(t, env(), append([]string{"search", "--data", dir, "--json"}, args...)...)
	if code != 0 || errOut != "" {
		t.Fatalf("search %q: code %d, stderr %q", args, code, errOut)
	}
	var hits []searchHit
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var h searchHit
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&h); err != nil && !strings.Contains(err.Error(), "unknown field") {
			t.Fatalf("search %q: line %q: %v", args, line, err)
		}
		if h.Kind == "" || h.ID == 0 || h.UUID == "" || h.Snippet == "" {
			t.Fatalf("search %q: hit without kind, id, uuid or snippet: %q", args, line)
		}
		hits = append(hits, h)
	}
	return hits
}

// `circlebook search` on the demo data: a line a hit with the words marked,
// JSON objects with kind, id, uuid, circle, date and snippet, --circle keeps
// one circle's hits, --limit caps each kind, and bad input (a bad --limit,
// no query, a query over 10,000 characters) exits 2 with one line on stderr
// and nothing on stdout.
func TestSearchCLI(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", dir); code != 0 {
		t.Fatalf("demo: code %d: %s", code, errOut)
	}

	out, errOut, code := runCLI(t, env(), "search", "--data", dir, "munoz", "demo")
	if code != 0 || errOut != "" || !strings.Contains(out, "[Muñoz]") || !strings.Contains(out, "note") {
		t.Fatalf("search munoz demo: code %d, %q %q", code, out, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.Contains(line, " — ") {
			t.Errorf("line without kind, where and snippet: %q", line)
		}
	}

	hits := searchJSON(t, dir, "munoz", "demo")
	note := false
	for _, h := range hits {
		note = note || (h.Kind == "note" && h.Circle != "" && len(h.Date) == 10 && strings.Contains(h.Snippet, "Muñoz"))
	}
	if !note {
		t.Errorf("--json: no note with circle, date and snippet in %+v", hits)
	}

	const craft = "Product Craft Circle"
	all := searchJSON(t, dir, "feedback")
	other, perKind := 0, map[string]int{}
	for _, h := range all {
		perKind[h.Kind]++
		if h.Circle != "" && h.Circle != craft {
			other++
		}
	}
	if other == 0 {
		t.Fatalf("feedback: no hit outside %s to filter out: %+v", craft, all)
	}
	in := searchJSON(t, dir, "--circle", craft, "feedback")
	inCraft := 0
	for _, h := range in {
		if h.Circle != "" && h.Circle != craft {
			t.Errorf("--circle %q gave a hit of %q", craft, h.Circle)
		}
		if h.Circle == craft {
			inCraft++
		}
	}
	if inCraft == 0 {
		t.Errorf("--circle %q found nothing there", craft)
	}

	several := false
	for _, n := range perKind {
		several = several || n > 1
	}
	if !several {
		t.Fatalf("feedback: no kind with more than one hit to cap: %v", perKind)
	}
	capped := map[string]int{}
	for _, h := range searchJSON(t, dir, "feedback", "--limit", "1") {
		if capped[h.Kind]++; capped[h.Kind] > 1 {
			t.Errorf("--limit 1 gave %d %s hits", capped[h.Kind], h.Kind)
		}
	}
	if len(capped) != len(perKind) {
		t.Errorf("--limit 1 kinds %v, want those of %v", capped, perKind)
	}

	if out := searchJSON(t, dir, "zzqxnotaword"); len(out) != 0 {
		t.Errorf("nothing to find gave %+v", out)
	}

	for _, bad := range []struct {
		name, want string
		args       []string
	}{
		{"limit 0", "limit", []string{"--limit", "0", "demo"}},
		{"limit 51", "limit", []string{"--limit", "51", "demo"}},
		{"no query", "query", nil},
		{"too long", "at most 10,000 characters", []string{strings.Repeat("a", 10001)}},
	} {
		out, errOut, code := runCLI(t, env(), append([]string{"search", "--data", dir}, bad.args...)...)
		if code != 2 || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, bad.want) {
			t.Errorf("%s: code %d, stdout %q, stderr %q", bad.name, code, out, errOut)
		}
	}
	if out := searchJSON(t, dir, strings.Repeat("a", 10000)); len(out) != 0 {
		t.Errorf("10,000 characters: %+v", out)
	}
}
