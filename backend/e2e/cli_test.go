package e2e_test

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// env returns a minimal environment with no display and the given extras.
func env(extra ...string) []string {
	return append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.TempDir()}, extra...)
}

func TestVersion(t *testing.T) {
	out, _, code := runCLI(t, env(), "version")
	if code != 0 || !strings.HasPrefix(out, "circlebook ") {
		t.Fatalf("version: code %d, %q", code, out)
	}
}

func TestDemoTwiceDoesNotDuplicate(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := runCLI(t, env(), "demo", "--data", dir)
	if code != 0 || !strings.Contains(out, "4 circles, 25 people") {
		t.Fatalf("first demo: code %d, %q %q", code, out, errOut)
	}
	out, _, code = runCLI(t, env(), "--data", dir, "demo")
	if code != 0 || !strings.Contains(out, "already loaded") {
		t.Fatalf("second demo: code %d, %q", code, out)
	}
	db := openDB(t, dir)
	if n := count(t, db, "SELECT COUNT(*) FROM circles"); n != 4 {
		t.Errorf("circles = %d, want 4", n)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM people"); n != 25 {
		t.Errorf("people = %d, want 25", n)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM circles WHERE kind = 'pair'"); n != 1 {
		t.Errorf("pairs = %d, want 1", n)
	}
	if n := count(t, db, "SELECT COUNT(DISTINCT session_id) FROM attendance"); n < 20 {
		t.Errorf("sessions with attendance = %d, want at least 20", n)
	}
}

func TestDataFolderFromEnvironment(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "data")
	_, errOut, code := runCLI(t, env("CIRCLEBOOK_DATA="+dir), "demo")
	if code != 0 {
		t.Fatalf("demo: code %d: %s", code, errOut)
	}
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o700 {
		t.Errorf("data folder mode = %v, want 0700", info.Mode().Perm())
	}
	db, err := os.Stat(filepath.Join(dir, "circlebook.db"))
	if err != nil {
		t.Fatal(err)
	}
	if db.Mode().Perm() != 0o600 {
		t.Errorf("database mode = %v, want 0600", db.Mode().Perm())
	}
}

func TestNoDisplayPointsToServe(t *testing.T) {
	_, errOut, code := runCLI(t, env(), "--data", t.TempDir())
	if code == 0 || !strings.Contains(errOut, "circlebook serve") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("no display: code %d, stderr %q", code, errOut)
	}
}

func TestBadUsageExitsTwo(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"serve", "--addr", "0.0.0.0:0"},
		{"serve", "--addr", "192.168.1.10:8080"},
		{"demo", "--nope"},
	} {
		_, errOut, code := runCLI(t, env(), append(args, "--data", t.TempDir())...)
		if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "circlebook: ") {
			t.Errorf("%v: code %d, stderr %q; want 2 and one line", args, code, errOut)
		}
	}
}

func TestDamagedFileIsRefusedAndUntouched(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "circlebook.db")
	junk := []byte(strings.Repeat("not a database ", 400))
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCLI(t, env(), "demo", "--data", dir)
	if code == 0 || !strings.Contains(errOut, "damaged") {
		t.Fatalf("damaged file: code %d, stderr %q", code, errOut)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(junk) {
		t.Error("the damaged file was written to")
	}
}

func TestServeRefusesWithoutToken(t *testing.T) {
	srv := startServe(t, "")
	cases := []struct {
		name   string
		path   string
		host   string
		header map[string]string
		want   int
	}{
		{"no token", "/", "", nil, http.StatusUnauthorized},
		{"no token api", "/api/call", "", nil, http.StatusUnauthorized},
		{"wrong token", "/?token=deadbeef", "", nil, http.StatusUnauthorized},
		{"foreign host", "/?token=" + srv.Token, "evil.example", nil, http.StatusForbidden},
		{"foreign origin", "/", "", map[string]string{"X-Circlebook-Token": srv.Token, "Origin": "http://evil.example"}, http.StatusForbidden},
		{"token header is no key", "/", "", map[string]string{"X-Circlebook-Token": srv.Token}, http.StatusUnauthorized},
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, c := range cases {
		req, _ := http.NewRequest(http.MethodGet, srv.Base+c.path, nil)
		if c.host != "" {
			req.Host = c.host
		}
		for k, v := range c.header {
			req.Header.Set(k, v)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("%s: status %d, want %d", c.name, resp.StatusCode, c.want)
		}
	}
}
