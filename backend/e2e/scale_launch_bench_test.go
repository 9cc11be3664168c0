package e2e_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkScaleLaunch measures, in one run, the time from exec to the
// painted circles list (the window's title "Circles — Circlebook", which the
// page sets once the list has painted) and the memory of the process tree
// (the app and its WebKit processes, as PSS and RSS) for Circlebook on the
// generated data set, Circlebook on the sample program, and a blank Wails
// app (title "Blank ready", set after its first paint). It reports the
// generated data set's figures as ratios to the blank app's (targets: 1.5x
// time, 1.3x memory) and to the sample's. Figures are medians over the
// runs; a ratio is the median of the ratios within each run.
//
// It also times the launch a leader meets, with no --open: with data the
// app opens on Today, whose title "Today — Circlebook" comes once its lists
// have painted (today-*: the data set's, and its ratios to the blank app
// and to the sample's own launch to Today).
//
//	CIRCLEBOOK_E2E=1 xvfb-run -a -s "-screen 0 1440x900x24" go test -run XXX -bench ScaleLaunch -benchtime 3x -timeout 60m ./backend/e2e/
//
// CIRCLEBOOK_SCALE=program runs it on the program-scale data set (tenth otherwise).
func BenchmarkScaleLaunch(b *testing.B) {
	needDisplay(b)
	blankBin := buildDesktop(b, "circlebook/backend/e2e/testdata/blank")
	app := buildDesktop(b, "circlebook")
	scaleDir := scaleData(b)
	sampleDir := sampleData(b)
	var blank, sample, scale, sampleToday, scaleToday []launched
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bl := launchToTitle(b, blankBin, "^Blank", "^Blank ready$")
		// --open circles: the figure stays the launch to the circles list it
		// always was; the launches to Today follow.
		sa := launchToTitle(b, app, "Circlebook$", `^Circles — Circlebook$`, "--data", sampleDir, "--open", "circles")
		sc := launchToTitle(b, app, "Circlebook$", `^Circles — Circlebook$`, "--data", scaleDir, "--open", "circles")
		sat := launchToTitle(b, app, "Circlebook$", `^Today — Circlebook$`, "--data", sampleDir)
		sct := launchToTitle(b, app, "Circlebook$", `^Today — Circlebook$`, "--data", scaleDir)
		blank, sample, scale = append(blank, bl), append(sample, sa), append(scale, sc)
		sampleToday, scaleToday = append(sampleToday, sat), append(scaleToday, sct)
		b.Logf("run %d: blank %v, sample %v, %s %v; to Today: sample %v, %s %v", i+1, bl, sa, scaleName(), sc, sat, scaleName(), sct)
	}
	b.StopTimer()
	for _, m := range []struct {
		name string
		runs []launched
	}{{"blank", blank}, {"sample", sample}, {"scale", scale}, {"today-sample", sampleToday}, {"today-scale", scaleToday}} {
		b.ReportMetric(medianOf(m.runs, func(l launched) float64 { return float64(l.time.Milliseconds()) }), m.name+"-ms")
		b.ReportMetric(medianOf(m.runs, func(l launched) float64 { return float64(l.pss) / 1024 }), m.name+"-MB")
	}
	b.ReportMetric(pairedRatio(scale, blank, func(l launched) float64 { return float64(l.time) }), "launch-x-blank")
	b.ReportMetric(pairedRatio(scale, sample, func(l launched) float64 { return float64(l.time) }), "launch-x-sample")
	b.ReportMetric(pairedRatio(scale, blank, func(l launched) float64 { return float64(l.pss) }), "mem-x-blank")
	b.ReportMetric(pairedRatio(scale, sample, func(l launched) float64 { return float64(l.pss) }), "mem-x-sample")
	b.ReportMetric(pairedRatio(scale, blank, func(l launched) float64 { return float64(l.rss) }), "rss-x-blank")
	b.ReportMetric(pairedRatio(scaleToday, blank, func(l launched) float64 { return float64(l.time) }), "today-x-blank")
	b.ReportMetric(pairedRatio(scaleToday, sampleToday, func(l launched) float64 { return float64(l.time) }), "today-x-sample")
	b.ReportMetric(pairedRatio(scaleToday, blank, func(l launched) float64 { return float64(l.pss) }), "today-mem-x-blank")
}

// medianOf is the median of f over runs.
func medianOf(runs []launched, f func(launched) float64) float64 {
	v := make([]float64, len(runs))
	for i, r := range runs {
		v[i] = f(r)
	}
	return percentile(v, 50)
}

// pairedRatio is the median over runs of a's figure over b's in the same
// run: launches a few seconds apart share the machine's mood, so a busy
// moment shifts both.
func pairedRatio(a, b []launched, f func(launched) float64) float64 {
	v := make([]float64, len(a))
	for i := range a {
		v[i] = f(a[i]) / f(b[i])
	}
	return percentile(v, 50)
}

// launched is what one launch measured: the time to the painted first
// screen, and the memory of the process tree in KiB, as PSS (what the README
// reports) and as RSS, which, unlike PSS, does not shrink when other
// programs on the machine map the same WebKit libraries.
type launched struct {
	time     time.Duration
	pss, rss int
}

func (l launched) String() string {
	return fmt.Sprintf("%v (PSS %d MB, RSS %d MB)", l.time.Round(time.Millisecond), l.pss/1024, l.rss/1024)
}

// launchToTitle starts a window program, times it from exec to the title
// that says its first screen has painted, reads its tree's memory once the
// page has settled, as BenchmarkLaunch does, and closes it.
func launchToTitle(b *testing.B, bin, window, painted string, args ...string) launched {
	b.Helper()
	start := time.Now()
	d := launch(b, window, bin, args...)
	d.waitTitleWithin(b, painted, scaleStepLimit)
	elapsed := time.Since(start)
	time.Sleep(500 * time.Millisecond) // let the page settle before reading memory
	pss, rss := treeMemory(b, d.cmd.Process.Pid)
	d.terminate(b)
	return launched{elapsed, pss, rss}
}

// treeMemory sums the PSS and the RSS, in KiB, of pid and all its descendants.
func treeMemory(b *testing.B, pid int) (pss, rss int) {
	b.Helper()
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
		fields := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		if len(fields) > 1 {
			ppid, _ := strconv.Atoi(fields[1])
			children[ppid] = append(children[ppid], p)
		}
	}
	for queue := []int{pid}; len(queue) > 0; queue = append(queue[1:], children[queue[0]]...) {
		p, r := smapsRollup(queue[0])
		pss, rss = pss+p, rss+r
	}
	if pss == 0 || rss == 0 {
		b.Fatalf("no memory figures for pid %d", pid)
	}
	return pss, rss
}

// smapsRollup reads a process's PSS and RSS, in KiB, from /proc/PID/smaps_rollup.
func smapsRollup(pid int) (pss, rss int) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/smaps_rollup", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(value), " kB"))
		switch name {
		case "Pss":
			pss = kb
		case "Rss":
			rss = kb
		}
	}
	return pss, rss
}
