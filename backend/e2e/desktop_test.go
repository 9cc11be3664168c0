package e2e_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// desktop is the real window, built with the desktop tags.
type desktop struct {
	cmd    *exec.Cmd
	exited chan struct{} // closed once the program has exited
	err    error         // how it exited, once exited is closed
	window string        // X window id
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

// launchDesktop starts the Circlebook window on data (with any further
// flags, such as --open) and waits until it is mapped. Every screen names
// itself in the window title, "... — Circlebook".
func launchDesktop(t testing.TB, data string, args ...string) *desktop {
	t.Helper()
	needDisplay(t)
	d := launch(t, "Circlebook$", buildDesktop(t, "circlebook"), append([]string{"--data", data}, args...)...)
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

// launch starts a window program and waits until a window whose title
// matches the pattern (xdotool's regular expression) is mapped.
func launch(t testing.TB, title, bin string, args ...string) *desktop {
	t.Helper()
	d, gtk := start(t, title, bin, args...)
	if gtk {
		// GTK could not open the X display (seen once in CI under load, never
		// alone): an environment fault, not the app's; try once more.
		t.Logf("the window's GTK could not open the display; starting it once more:\n%s", d.stderr)
		d, gtk = start(t, title, bin, args...)
	}
	if gtk {
		t.Fatalf("no window titled %q appeared: GTK could not open the display\n%s", title, d.stderr)
	}
	return d
}

// start starts a window program and waits for its window as launch does;
// gtk reports that it exited because GTK could not open the display.
func start(t testing.TB, title, bin string, args ...string) (d *desktop, gtk bool) {
	t.Helper()
	d = &desktop{stderr: &bytes.Buffer{}}
	d.cmd = exec.Command(bin, args...)
	d.cmd.Stderr = d.stderr
	// WebKit keeps the page's storage under the XDG folders: give each window
	// its own, so tests never see each other's (or the user's) drafts.
	home := t.TempDir()
	d.cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+home+"/data", "XDG_CACHE_HOME="+home+"/cache", "XDG_CONFIG_HOME="+home+"/config")
	d.cmd.WaitDelay = 5 * time.Second // WebKit's helpers may hold stderr open a moment longer
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	d.exited = make(chan struct{})
	go func() {
		d.err = d.cmd.Wait()
		close(d.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-d.exited:
		default:
			d.cmd.Process.Kill()
			<-d.exited
		}
	})
	// Poll rather than `search --sync`: a search fails outright (BadWindow)
	// when another window vanishes while it looks.
	deadline := time.Now().Add(30 * time.Second)
	for {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", title).Output()
		if ids := strings.Fields(string(out)); len(ids) > 0 {
			d.window = ids[0]
			return d, false
		}
		if d.hasExited() && strings.Contains(d.stderr.String(), "failed to init GTK") {
			return d, true
		}
		if time.Now().After(deadline) || d.hasExited() {
			t.Fatalf("no window titled %q appeared\n%s", title, d.stderr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitTitle waits until the window's title matches the pattern: each screen
// sets its title once it has rendered (and placed the focus), so this is how
// a test knows where it is. It returns the title.
func (d *desktop) waitTitle(t testing.TB, pattern string) string {
	t.Helper()
	re := regexp.MustCompile(pattern)
	deadline := time.Now().Add(30 * time.Second)
	title := ""
	for {
		out, err := exec.Command("xdotool", "getwindowname", d.window).Output()
		if err == nil {
			title = strings.TrimSpace(string(out))
			if re.MatchString(title) {
				return title
			}
		}
		if time.Now().After(deadline) {
			path := d.saveShot(t)
			t.Fatalf("the window's title is %q, never %q (last screenshot: %s)\n%s", title, pattern, path, d.stderr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// focus gives the window the keyboard, as clicking into it would.
func (d *desktop) focus(t testing.TB) {
	t.Helper()
	d.xdotool(t, "windowfocus", "--sync", d.window)
}

// keys presses keys in the window, e.g. "Tab", "Return", "ctrl+q".
func (d *desktop) keys(t testing.TB, keys ...string) {
	t.Helper()
	d.focus(t)
	d.xdotool(t, append([]string{"key", "--clearmodifiers", "--delay", "30"}, keys...)...)
}

// typeText types text in the window, delay milliseconds a key.
func (d *desktop) typeText(t testing.TB, delay int, text string) {
	t.Helper()
	d.focus(t)
	d.xdotool(t, "type", "--delay", strconv.Itoa(delay), "--", text)
}

func (d *desktop) xdotool(t testing.TB, args ...string) {
	t.Helper()
	if b, err := exec.Command("xdotool", args...).CombinedOutput(); err != nil {
		t.Fatalf("xdotool %v: %v %s", args, err, b)
	}
}

// saveShot keeps a screenshot of the window for a failure message and returns its path.
func (d *desktop) saveShot(t testing.TB) string {
	out, err := exec.Command("import", "-window", d.window, "png:-").Output()
	if err != nil {
		return "none: " + err.Error()
	}
	path := filepath.Join(os.TempDir(), "circlebook-"+strings.ReplaceAll(t.Name(), "/", "-")+"-last.png")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		return "none: " + err.Error()
	}
	return path
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
	d.waitExit(t)
}

// waitExit waits for the window program to exit, and requires a clean exit
// in which the page answered the close.
func (d *desktop) waitExit(t testing.TB) {
	t.Helper()
	select {
	case <-d.exited:
	case <-time.After(70 * time.Second): // the window waits up to 60 s for a busy page
		path := d.saveShot(t)
		t.Fatalf("the window did not exit within 70 s (last screenshot: %s)\n%s", path, d.stderr)
	}
	if d.err != nil {
		t.Fatalf("the window did not exit cleanly: %v\n%s", d.err, d.stderr)
	}
	if strings.Contains(d.stderr.String(), "without the page's answer") {
		t.Errorf("the window closed before the page saved:\n%s", d.stderr)
	}
}

// hasExited reports whether the program has exited.
func (d *desktop) hasExited() bool {
	select {
	case <-d.exited:
		return true
	default:
		return false
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
