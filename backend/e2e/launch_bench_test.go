package e2e_test

import (
	"bufio"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkLaunch measures, in one run, the time from exec to a painted
// window and the memory of the process tree (the app and its WebKit
// processes, as PSS) for a blank Wails app and for Circlebook showing the
// circles list of the sample program, and reports Circlebook's figures as
// ratios to the blank app's.
//
//	xvfb-run -a go test -run XXX -bench Launch -benchtime 5x ./backend/e2e/
func BenchmarkLaunch(b *testing.B) {
	needDisplay(b)
	blank := buildDesktop(b, "circlebook/backend/e2e/testdata/blank")
	app := buildDesktop(b, "circlebook")
	data := b.TempDir()
	if _, errOut, code := runCLI(b, env(), "demo", "--data", data); code != 0 {
		b.Fatalf("demo: %s", errOut)
	}
	blankPanel := hasColour(0x2f, 0x7d, 0xe1) // the blank page's panel
	circleList := hasColour(0x2f, 0x7d, 0xe1) // the Product Craft Circle's colour in the list
	var blankTime, appTime time.Duration
	var blankMem, appMem int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, mem := measure(b, "Blank", blankPanel, blank)
		blankTime, blankMem = blankTime+d, blankMem+mem
		d, mem = measure(b, "Circlebook", circleList, app, "--data", data)
		appTime, appMem = appTime+d, appMem+mem
	}
	n := float64(b.N)
	b.ReportMetric(float64(blankTime.Milliseconds())/n, "blank-ms")
	b.ReportMetric(float64(appTime.Milliseconds())/n, "app-ms")
	b.ReportMetric(float64(appTime)/float64(blankTime), "launch-x-blank")
	b.ReportMetric(float64(blankMem)/n/1024, "blank-MB")
	b.ReportMetric(float64(appMem)/n/1024, "app-MB")
	b.ReportMetric(float64(appMem)/float64(blankMem), "mem-x-blank")
}

// measure launches a window program, times it to the painted state, reads
// its tree's memory once painted, and closes it.
func measure(b *testing.B, title string, painted func(image.Image) bool, bin string, args ...string) (time.Duration, int) {
	start := time.Now()
	d := launch(b, title, bin, args...)
	d.waitPainted(b, title+" painted", painted)
	elapsed := time.Since(start)
	time.Sleep(500 * time.Millisecond) // let the page settle before reading memory
	mem := treePSS(b, d.cmd.Process.Pid)
	d.terminate(b)
	return elapsed, mem
}

// hasColour returns a paint check for a pixel of exactly this colour.
func hasColour(r, g, bl uint8) func(image.Image) bool {
	return func(img image.Image) bool {
		bounds := img.Bounds()
		for y := bounds.Min.Y; y < bounds.Max.Y; y += 2 {
			for x := bounds.Min.X; x < bounds.Max.X; x += 2 {
				pr, pg, pb, _ := img.At(x, y).RGBA()
				if uint8(pr>>8) == r && uint8(pg>>8) == g && uint8(pb>>8) == bl {
					return true
				}
			}
		}
		return false
	}
}

// treePSS sums the proportional set size, in KiB, of pid and all its descendants.
func treePSS(b *testing.B, pid int) int {
	children := map[int][]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		if len(fields) > 1 {
			ppid, _ := strconv.Atoi(fields[1])
			children[ppid] = append(children[ppid], p)
		}
	}
	total := 0
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = append(queue[1:], children[p]...)
		total += pss(p)
	}
	if total == 0 {
		b.Fatalf("no memory figures for pid %d", pid)
	}
	return total
}

func pss(pid int) int {
	f, err := os.Open(fmt.Sprintf("/proc/%d/smaps_rollup", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if kb, ok := strings.CutPrefix(sc.Text(), "Pss:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(kb), " kB"))
			return n
		}
	}
	return 0
}
