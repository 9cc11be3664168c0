package load_test

import (
	"os"
	"slices"
	"strconv"
	"testing"
	"time"
)

// BenchmarkTenClients has one client work alone on the program database
// for the run's length, then ten clients at once on the same database for
// as long, each making a call every clientPace (ten a second: the live
// screen saves at most four times a second while someone types), and
// reports each call's p95 alone and among ten and their ratio. Any error
// or lost write fails it. CIRCLEBOOK_LOAD_SECONDS sets the length (60).
//
//	CIRCLEBOOK_TEST_PG=... go test -run '^$' -bench TenClients -benchtime 1x ./backend/load/
func BenchmarkTenClients(b *testing.B) {
	d := 60 * time.Second
	if s, err := strconv.Atoi(os.Getenv("CIRCLEBOOK_LOAD_SECONDS")); err == nil && s > 0 {
		d = time.Duration(s) * time.Second
	}
	for range b.N {
		p := newProgram(b)
		alone := []*client{p.connect(b, 0)}
		if err := run(alone, d, clientPace); err != nil {
			b.Fatal(err)
		}
		ten := make([]*client, clientCount)
		for i := range ten {
			ten[i] = p.connect(b, i)
		}
		ten[0].body, ten[0].marks = alone[0].body, alone[0].marks
		if err := run(ten, d, clientPace); err != nil {
			b.Fatal(err)
		}
		check(b, ten)
		worst := 0.0
		for _, kind := range calls {
			one, all := p95(alone, kind), p95(ten, kind)
			b.ReportMetric(one, kind+"-alone-p95-ms")
			b.ReportMetric(all, kind+"-ten-p95-ms")
			worst = max(worst, all/one)
		}
		b.ReportMetric(worst, "worst-p95-x-alone")
		b.ReportMetric(float64(calls10(ten))/d.Seconds(), "ten-calls/s")
	}
}

// clientPace is how long a client waits between its calls.
const clientPace = 100 * time.Millisecond

// p95 is the 95th percentile, in milliseconds, of the clients' calls of kind.
func p95(clients []*client, kind string) float64 {
	var all []time.Duration
	for _, c := range clients {
		all = append(all, c.times[kind]...)
	}
	if len(all) == 0 {
		return 0
	}
	slices.Sort(all)
	return float64(all[len(all)*95/100]) / 1e6
}

// calls10 counts the calls the clients made.
func calls10(clients []*client) int {
	n := 0
	for _, c := range clients {
		for _, ts := range c.times {
			n += len(ts)
		}
	}
	return n
}
