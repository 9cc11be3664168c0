package e2e_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// cli is the program built without desktop tags (browser mode and CLI only).
var cli string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "circlebook-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cli = filepath.Join(dir, "circlebook")
	build := exec.Command("go", "build", "-o", cli, "circlebook")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build circlebook:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// required reports whether missing tools must fail the test rather than skip it.
func required() bool { return os.Getenv("CIRCLEBOOK_E2E") == "1" }

// need returns the path of a tool, skipping (or failing under make test) when absent.
func need(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if required() {
			t.Fatalf("%s is not installed; make test installs it", name)
		}
		t.Skipf("%s is not installed; run make test", name)
	}
	return path
}
