package e2e_test

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// oneLine reports whether stderr is the one line a mistake prints.
func oneLine(stderr string) bool {
	return strings.Count(stderr, "\n") == 1 && strings.HasPrefix(stderr, "circlebook: ")
}

func TestDemoScaleRefusesAFileWithCircles(t *testing.T) {
	data := sampleData(t)
	before, err := os.ReadFile(filepath.Join(data, "circlebook.db"))
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, env(), "demo", "--scale", "tenth", "--data", data)
	if code != 2 || !oneLine(errOut) || !strings.Contains(errOut, "already has 4 circles") || out != "" {
		t.Errorf("demo --scale on the sample: code %d, stdout %q, stderr %q; want 2 and one line", code, out, errOut)
	}
	after, _ := os.ReadFile(filepath.Join(data, "circlebook.db"))
	if string(after) != string(before) {
		t.Error("the refused generator changed the file")
	}
	if _, errOut, code := runCLI(t, env(), "demo", "--scale", "huge", "--data", t.TempDir()); code != 2 || !oneLine(errOut) {
		t.Errorf("demo --scale huge: code %d, stderr %q; want 2 and one line", code, errOut)
	}
}

func TestCheckCommand(t *testing.T) {
	data := sampleData(t)
	if out, errOut, code := runCLI(t, env(), "check", "--data", data); code != 0 || out != "ok\n" {
		t.Errorf("check on the sample: code %d, %q %q; want 0 and ok", code, out, errOut)
	}

	// Random bytes over every page but the first (the schema): only reading
	// the whole file finds it, which check does.
	path := filepath.Join(data, "circlebook.db")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	if len(b) < 8*page {
		t.Fatalf("the sample file is only %d bytes", len(b))
	}
	rand.Read(b[len(b)/2/page*page : len(b)/2/page*page+2*page])
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, env(), "check", "--data", data)
	if code != 1 || out != "" || !oneLine(errOut) || !strings.Contains(errOut, "damaged") {
		t.Errorf("check on a damaged file: code %d, stdout %q, stderr %q; want 1 and the reason on one line", code, out, errOut)
	}
	if after, _ := os.ReadFile(path); string(after) != string(b) {
		t.Error("check wrote to the file")
	}

	empty := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "check", "--data", empty); code != 1 || !oneLine(errOut) {
		t.Errorf("check on an empty folder: code %d, stderr %q; want 1", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(empty, "circlebook.db")); err == nil {
		t.Error("check made a database file")
	}
}
