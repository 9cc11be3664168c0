package e2e_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// desktop is the real window, built with the desktop tags.
type desktop struct {
	cmd    *exec.Cmd
	window string // X window id
	data   string
	stderr *bytes.Buffer
}

// buildDesktop compiles a window program (a package path) with the desktop
// tags, once per test binary run.
func buildDesktop(t testing.TB, pkg string) string {
	t.Helper()
	out := filepath.Join(filepath.Dir(cli), filepath.Base(pkg)+"-desktop")
	if _, err := os.Stat(out); err == nil {
		return out
	}
	tags := "desktop,production,webkit2_41"
	build := exec.Command("go", "build", "-tags", tags, "-ldflags", "-s -w", "-o", out, pkg)
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build desktop binary (needs libgtk-3-dev and libwebkit2gtk-4.1-dev): %v\n%s", err, b)
	}
	return out
}

// launchDesktop starts the Circlebook window on data and waits until it is mapped.
func launchDesktop(t testing.TB, data string) *desktop {
	t.Helper()
	needDisplay(t)
	d := launch(t, "Circlebook", buildDesktop(t, "circlebook"), "--data", data)
	d.data = data
	return d
}

// needDisplay skips (or fails under make test) without an X display and the X tools.
func needDisplay(t testing.TB) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" {
		if required() {
			t.Fatal("no DISPLAY: make test runs the tests under xvfb-run")
		}
		t.Skip("no DISPLAY; run make test")
	}
	need(t, "xdotool")
	need(t, "import")
}

// launch starts a window program and waits until a window with the title is mapped.
func launch(t testing.TB, title, bin string, args ...string) *desktop {
	t.Helper()
	d := &desktop{stderr: &bytes.Buffer{}}
	d.cmd = exec.Command(bin, args...)
	d.cmd.Stderr = d.stderr
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if d.cmd.ProcessState == nil {
			d.cmd.Process.Kill()
			d.cmd.Wait()
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "xdotool", "search", "--sync", "--onlyvisible", "--name", "^"+title+"$").Output()
	if err != nil {
		t.Fatalf("the window did not appear: %v\n%s", err, d.stderr)
	}
	d.window = strings.Fields(string(out))[0]
	return d
}

// screenshot grabs the window's pixels.
func (d *desktop) screenshot(t testing.TB) image.Image {
	t.Helper()
	out, err := exec.Command("import", "-window", d.window, "png:-").Output()
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("decode screenshot: %v", err)
	}
	return img
}

// waitPainted polls screenshots until paint(img) holds, and returns that image.
func (d *desktop) waitPainted(t testing.TB, what string, paint func(image.Image) bool) image.Image {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		img := d.screenshot(t)
		if paint(img) {
			return img
		}
		if time.Now().After(deadline) {
			path := filepath.Join(os.TempDir(), "circlebook-"+strings.ReplaceAll(t.Name(), "/", "-")+"-last.png")
			savePNG(t, img, path) // kept after the test, to look at
			t.Fatalf("the window never showed %s (last screenshot: %s)\n%s", what, path, d.stderr)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// click clicks at window coordinates.
func (d *desktop) click(t testing.TB, x, y int) {
	t.Helper()
	args := []string{"mousemove", "--window", d.window, strconv.Itoa(x), strconv.Itoa(y), "click", "1"}
	if b, err := exec.Command("xdotool", args...).CombinedOutput(); err != nil {
		t.Fatalf("xdotool %v: %v %s", args, err, b)
	}
}

// terminate sends SIGTERM and requires a clean exit.
func (d *desktop) terminate(t testing.TB) {
	t.Helper()
	d.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- d.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the window did not exit cleanly on SIGTERM: %v\n%s", err, d.stderr)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the window did not exit within 15 s of SIGTERM")
	}
}

func savePNG(t testing.TB, img image.Image, path string) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// colours counts the distinct colours in an image, up to limit.
func colours(img image.Image, limit int) int {
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[(r>>8)<<16|(g>>8)<<8|bl>>8] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}
