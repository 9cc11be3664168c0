package e2e_test

import (
	"image"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestDesktopWindow drives the real window on a fresh data folder by keyboard,
// as a new user could: the first-run screen has "Create a circle" focused;
// Tab and Enter load the sample program; "/", a few letters and Enter open a
// circle. Each screen names itself in the window title once it has rendered,
// which is how the test knows where it is. It also shrinks the window to
// 700 px, then requires a clean SIGTERM exit and a sound file.
func TestDesktopWindow(t *testing.T) {
	data := t.TempDir()
	d := launchDesktop(t, data)

	d.waitTitle(t, `^Welcome — Circlebook$`)
	savePNGIf(t, d.settle(t, d.screenshot(t)), "first-run.png")
	d.keys(t, "Tab", "Return") // from "Create a circle" to "Load a sample program"
	d.waitTitle(t, `^Circles — Circlebook$`)
	db := openDB(t, data)
	if n := count(t, db, "SELECT COUNT(*) FROM circles"); n != 4 {
		t.Fatalf("circles after loading the sample = %d, want 4", n)
	}
	db.Close()
	savePNGIf(t, d.settle(t, d.screenshot(t)), "circles.png")

	d.keys(t, "slash")
	d.typeText(t, 30, "product craft")
	d.keys(t, "Return")
	d.waitTitle(t, `^Product Craft Circle — Circlebook$`)
	savePNGIf(t, d.settle(t, d.screenshot(t)), "circle.png")

	// A laptop split screen: the window at 700 px wide.
	d.xdotool(t, "windowsize", "--sync", d.window, "700", "800")
	narrow := d.settle(t, d.screenshot(t))
	if w := narrow.Bounds().Dx(); w != 700 {
		t.Fatalf("window is %d px wide after resizing, want 700", w)
	}
	savePNGIf(t, narrow, "circle-700.png")

	d.terminate(t)
	after := openDB(t, data)
	if got := integrity(t, after); got != "ok" {
		t.Errorf("integrity_check after exit: %s", got)
	}
	if n := count(t, after, "SELECT COUNT(*) FROM people"); n != 25 {
		t.Errorf("people after exit = %d, want 25", n)
	}
}

// settle waits until two screenshots in a row are the same, and returns the last.
func (d *desktop) settle(t testing.TB, last image.Image) image.Image {
	for range 20 {
		time.Sleep(250 * time.Millisecond)
		img := d.screenshot(t)
		if same(img, last) {
			return img
		}
		last = img
	}
	return last
}

// same reports whether two screenshots have identical pixels.
func same(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	bounds := a.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// savePNGIf writes a screenshot into $CIRCLEBOOK_SCREENSHOTS when set (make screenshots).
func savePNGIf(t testing.TB, img image.Image, name string) {
	dir := os.Getenv("CIRCLEBOOK_SCREENSHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	savePNG(t, img, filepath.Join(dir, name))
}
