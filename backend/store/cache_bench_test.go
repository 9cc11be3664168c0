//go:build unix

package store_test

import (
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"circlebook/backend/internal/scaledb"
	"circlebook/backend/services"

	"gorm.io/gorm"
)

// cacheSettings are the page cache and memory map sizes compared: SQLite's
// defaults (2 MB of cache, no mmap) first, the baseline of the ratios.
var cacheSettings = []struct {
	name        string
	cacheKiB    int // PRAGMA cache_size = -cacheKiB
	mmapSizeMiB int
}{
	{"default", 2000, 0},
	{"cache-64MB", 64 << 10, 0},
	{"mmap-256MB", 2000, 256},
	{"mmap-2GB", 2000, 2048},
	{"cache-64MB+mmap-2GB", 64 << 10, 2048},
}

// BenchmarkCacheSettings runs what a leader's screens ask for on the
// generated data (a circle's page, a session's page and a person's page,
// for circles, sessions and people drawn at random) under each page cache
// and mmap setting, set on the store's one connection as the DSN would set
// them, and reports each setting's time per screen as a ratio to SQLite's
// defaults, in wall time and in the process's CPU time (user and system,
// which a machine busy with other work disturbs less). Each iteration is a
// round that gives every setting, in turn, the same block of screens from
// an emptied page cache. It never runs ANALYZE.
//
//	go test -run XXX -bench CacheSettings -benchtime 10x ./backend/store/
func BenchmarkCacheSettings(b *testing.B) {
	st := scaledb.Open(b)
	svc := services.New(st.DB, scaledb.Now, b.TempDir())
	ids := drawIDs(b, st.DB)
	spent := make([]time.Duration, len(cacheSettings))
	cpu := make([]time.Duration, len(cacheSettings))
	b.ResetTimer()
	for round := 0; round < b.N; round++ {
		for i, s := range cacheSettings {
			// cache_size 0 first empties the page cache: no setting starts with pages another read.
			for _, p := range []string{"cache_size = 0", fmt.Sprintf("cache_size = -%d", s.cacheKiB), fmt.Sprintf("mmap_size = %d", s.mmapSizeMiB<<20)} {
				if err := st.DB.Exec("PRAGMA " + p).Error; err != nil {
					b.Fatal(err)
				}
			}
			start, startCPU := time.Now(), cpuTime(b)
			for k := range ids.circles {
				if _, err := svc.Circles.Get(ids.circles[k]); err != nil {
					b.Fatal(err)
				}
				if _, err := svc.Sessions.Get(ids.sessions[k]); err != nil {
					b.Fatal(err)
				}
				if _, err := svc.People.Get(ids.people[k]); err != nil {
					b.Fatal(err)
				}
			}
			spent[i] += time.Since(start)
			cpu[i] += cpuTime(b) - startCPU
		}
	}
	b.StopTimer()
	screens := float64(b.N * 3 * len(ids.circles))
	for i, s := range cacheSettings {
		b.ReportMetric(float64(spent[i].Microseconds())/screens, s.name+"-us/screen")
		if i > 0 {
			b.ReportMetric(float64(spent[i])/float64(spent[0]), s.name+"-x-default")
			b.ReportMetric(float64(cpu[i])/float64(cpu[0]), s.name+"-cpu-x-default")
		}
	}
}

type screenIDs struct{ circles, sessions, people []uint }

// drawIDs picks circles, sessions and people at random (a fixed seed), many
// enough that the screens touch pages all over the file.
func drawIDs(b *testing.B, db *gorm.DB) screenIDs {
	b.Helper()
	var ids screenIDs
	for _, c := range []struct {
		table string
		dst   *[]uint
	}{{"circles", &ids.circles}, {"sessions", &ids.sessions}, {"people", &ids.people}} {
		var all []uint
		if err := db.Table(c.table).Order("id").Pluck("id", &all).Error; err != nil {
			b.Fatal(err)
		}
		r := rand.New(rand.NewPCG(1, 2))
		for range 300 {
			*c.dst = append(*c.dst, all[r.IntN(len(all))])
		}
	}
	return ids
}

// cpuTime is the user and system time this process has used.
func cpuTime(b *testing.B) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
