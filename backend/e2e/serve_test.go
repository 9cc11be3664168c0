package e2e_test

import (
	"bufio"
	"context"
	"io"
	"net/url"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// server is a running `circlebook serve`.
type server struct {
	URL   string // with the token
	Base  string // scheme and host
	Token string
	Data  string
}

// startServe runs `circlebook serve` on a fresh data folder (or dir, when given)
// and stops it with SIGTERM when the test ends, failing if it does not exit cleanly.
func startServe(t *testing.T, dir string) server {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	return serveFor(t, dir, 20*time.Second)
}

// serveFor starts `circlebook serve` on dir and waits up to wait for its URL;
// the server is stopped when the test or benchmark ends, failing if it does
// not exit cleanly.
func serveFor(t testing.TB, dir string, wait time.Duration) server {
	t.Helper()
	cmd := exec.Command(cli, "serve", "--data", dir, "--addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil {
			t.Errorf("serve did not exit cleanly: %v\n%s", err, stderr.String())
		}
	})
	link := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "http://") {
				link <- sc.Text()
				break
			}
		}
		io.Copy(io.Discard, out)
	}()
	select {
	case raw := <-link:
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		return server{URL: raw, Base: "http://" + u.Host, Token: u.Query().Get("token"), Data: dir}
	case <-time.After(wait):
		t.Fatalf("serve printed no URL; stderr: %s", stderr.String())
	}
	return server{}
}

// runCLI runs the program with args and returns stdout, stderr and the exit code.
func runCLI(t testing.TB, env []string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, cli, args...)
	cmd.Env = env
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), code
}
