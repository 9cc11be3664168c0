package e2e_test

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkKeyLatency types 200 characters at 20 ms a key (faster than
// anyone types) into the live screen's shared notes, and into a bare text
// area in a blank Wails window, in the same run and the same real window
// under Xvfb, and reports how long each key took to reach the screen:
// p50, p95 and max for both, and Circlebook's p95 over the bare text area's.
//
//	xvfb-run -a -s "-screen 0 1440x900x24" go test -run XXX -bench KeyLatency -benchtime 3x ./backend/e2e/
//
// A key's time runs from its own timestamp (the X server's) to the end of
// the frame that shows it (frontend/js/lib/keytrace.js). The two clocks are
// reconciled by taking the quickest key's wait before its handler as zero.
func BenchmarkKeyLatency(b *testing.B) {
	needDisplay(b)
	blank := buildDesktop(b, "circlebook/backend/e2e/testdata/blank")
	text := strings.Repeat(typed+" ", 2)[:200]
	var app, bare []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := launch(b, "^Blank", blank, "--trace-keys")
		d.waitTitle(b, "^Blank ready$")
		bare = append(bare, typeTraced(b, d, text)...)

		data := b.TempDir()
		if _, errOut, code := runCLI(b, env(), "demo", "--data", data); code != 0 {
			b.Fatalf("demo: %s", errOut)
		}
		ses := scheduleNow(b, data, "Product Craft Circle")
		d = launchDesktop(b, data, "--trace-keys", "--open", "session/"+ses.UUID+"/live")
		d.waitTitle(b, `^Live · `)
		app = append(app, typeTraced(b, d, text)...)
	}
	b.StopTimer()
	for _, m := range []struct {
		name string
		v    []float64
	}{{"app", app}, {"bare", bare}} {
		b.ReportMetric(percentile(m.v, 50), m.name+"-p50-ms")
		b.ReportMetric(percentile(m.v, 95), m.name+"-p95-ms")
		b.ReportMetric(percentile(m.v, 100), m.name+"-max-ms")
	}
	b.ReportMetric(percentile(app, 95)/math.Max(percentile(bare, 95), 1), "p95-x-bare")
}

// typeTraced types text into a window started with --trace-keys, closes it
// and returns each key's time to the screen, in milliseconds.
func typeTraced(b *testing.B, d *desktop, text string) []float64 {
	b.Helper()
	d.typeText(b, 20, text)
	time.Sleep(time.Second) // the page sends its samples every 250 ms
	d.terminate(b)
	var samples [][2]float64
	for _, line := range strings.Split(d.stderr.String(), "\n") {
		raw, ok := strings.CutPrefix(line, "key-latency ")
		if !ok {
			continue
		}
		var batches [][][2]float64 // EventsEmit's arguments: one batch
		if err := json.Unmarshal([]byte(raw), &batches); err != nil {
			b.Fatalf("bad trace line %q: %v", line, err)
		}
		for _, batch := range batches {
			samples = append(samples, batch...)
		}
	}
	if len(samples) < len(text)/2 {
		b.Fatalf("traced %d keys of %d typed\n%s", len(samples), len(text), d.stderr)
	}
	offset := math.Inf(1)
	for _, s := range samples {
		offset = math.Min(offset, s[0])
	}
	out := make([]float64, len(samples))
	for i, s := range samples {
		out[i] = s[1] - offset
	}
	return out
}

// percentile returns the p-th percentile (nearest rank) of v.
func percentile(v []float64, p float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}
