package e2e_test

import (
	"image"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// accent is the primary button colour in the light theme (css --accent).
var accent = [3]uint8{0x4b, 0x4f, 0xd8}

// TestDesktopWindow launches the real window on a fresh data folder, checks it
// paints the first-run screen, clicks "Load a sample program" with xdotool,
// waits for the circles list, and requires a clean SIGTERM exit and a sound file.
func TestDesktopWindow(t *testing.T) {
	data := t.TempDir()
	d := launchDesktop(t, data)

	var row, start, end int
	first := d.waitPainted(t, "the first-run screen", func(img image.Image) bool {
		row, start, end = widestRun(img, accent)
		return end-start > 120 && colours(img, 100) >= 50 // "Create a circle" and rendered text
	})
	savePNGIf(t, first, "first-run.png")

	// "Load a sample program" stands just right of "Create a circle".
	d.click(t, end+60, row)
	list := d.waitPainted(t, "the sample program's circles list", hasColour(0x2f, 0x7d, 0xe1))
	savePNGIf(t, list, "circles.png")

	// Open the Product Craft Circle by clicking its row (its colour bar is the
	// tallest run of that colour on screen).
	x, y := tallestRun(list, [3]uint8{0x2f, 0x7d, 0xe1})
	d.click(t, x+200, y)
	circle := d.waitPainted(t, "the circle page", func(img image.Image) bool { return !same(img, list) })
	circle = d.settle(t, circle)
	savePNGIf(t, circle, "circle.png")

	db := openDB(t, data)
	deadline := time.Now().Add(10 * time.Second)
	for count(t, db, "SELECT COUNT(*) FROM circles") != 4 {
		if time.Now().After(deadline) {
			t.Fatal("the click did not load the sample program into the database")
		}
		time.Sleep(100 * time.Millisecond)
	}
	db.Close()

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
func (d *desktop) settle(t *testing.T, last image.Image) image.Image {
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

// tallestRun finds the longest vertical run of one colour and returns its column and middle row.
func tallestRun(img image.Image, c [3]uint8) (x, y int) {
	b := img.Bounds()
	best := 0
	for col := b.Min.X; col < b.Max.X; col++ {
		run := 0
		for row := b.Min.Y; row < b.Max.Y; row++ {
			if near(img, col, row, c) {
				run++
				if run > best {
					best, x, y = run, col, row-run/2
				}
			} else {
				run = 0
			}
		}
	}
	return x, y
}

// widestRun finds the longest horizontal run of one colour (±6 per channel)
// and returns its row and its first and last column.
func widestRun(img image.Image, c [3]uint8) (row, start, end int) {
	b := img.Bounds()
	best := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		run := 0
		for x := b.Min.X; x < b.Max.X; x++ {
			if near(img, x, y, c) {
				run++
				if run > best {
					best, row, start, end = run, y, x-run+1, x
				}
			} else {
				run = 0
			}
		}
	}
	return row, start, end
}

func near(img image.Image, x, y int, c [3]uint8) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	d := func(a uint32, want uint8) bool { v := int(a>>8) - int(want); return v >= -6 && v <= 6 }
	return d(r, c[0]) && d(g, c[1]) && d(b, c[2])
}

// savePNGIf writes a screenshot into $CIRCLEBOOK_SCREENSHOTS when set (make screenshots).
func savePNGIf(t *testing.T, img image.Image, name string) {
	dir := os.Getenv("CIRCLEBOOK_SCREENSHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	savePNG(t, img, filepath.Join(dir, name))
}
