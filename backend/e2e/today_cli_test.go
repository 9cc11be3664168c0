package e2e_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// `circlebook today` lists what the Today screen lists: on the demo data, a
// drifting member with the reason; --json is the screen's JSON; a bad flag
// exits 2 with one line on stderr and no output.
func TestTodayCLI(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", dir); code != 0 {
		t.Fatalf("demo: code %d: %s", code, errOut)
	}
	out, errOut, code := runCLI(t, env(), "today", "--data", dir)
	if code != 0 || !strings.Contains(out, "Needs attention") || !strings.Contains(out, "drifting") {
		t.Fatalf("today: code %d, %q %q", code, out, errOut)
	}
	out, errOut, code = runCLI(t, env(), "--data", dir, "today", "--json")
	var v struct {
		Date      string `json:"date"`
		Count     int    `json:"count"`
		Attention []struct {
			Key, Kind, Title, Reason, Route string
		} `json:"attention"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v.Date == "" || v.Count == 0 {
		t.Fatalf("today --json: code %d, %q %q", code, out, errOut)
	}
	drifting := false
	for _, it := range v.Attention {
		drifting = drifting || (it.Kind == "drifting" && it.Reason != "" && strings.HasPrefix(it.Key, "drifting:p"))
	}
	if !drifting {
		t.Errorf("no drifting member with a reason in %+v", v.Attention)
	}
	out, errOut, code = runCLI(t, env(), "today", "--data", dir, "--week")
	if code != 2 || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, "-week") {
		t.Errorf("bad flag: code %d, stdout %q, stderr %q", code, out, errOut)
	}
}
