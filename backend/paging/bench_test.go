package paging_test

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"circlebook/backend/circles"
	"circlebook/backend/demo"
	"circlebook/backend/internal/plantest"
	"circlebook/backend/internal/scaledb"
	"circlebook/backend/model"
	"circlebook/backend/people"
	"circlebook/backend/store"
)

// The benchmarks time each list call on a generated program (scaledb: a
// tenth by default, CIRCLEBOOK_SCALE=program for 159,000 people and 16,000
// circles) and report it as a multiple of the same call on the sample
// program (demo: 4 circles, 25 people), measured in the same run. Neither
// file is ANALYZEd.
//
//	CIRCLEBOOK_SCALE=program go test -run '^$' -bench . ./backend/paging/

var bench struct {
	once          sync.Once
	scale, sample *store.Store
	dirs          []string
	err           error
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, st := range []*store.Store{bench.scale, bench.sample} {
		if st != nil {
			st.Close()
		}
	}
	for _, dir := range bench.dirs {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// stores opens, once a run, a private copy of the generated program and a
// new file with the sample program.
func stores(b *testing.B) (scale, sample *store.Store) {
	b.Helper()
	bench.once.Do(func() {
		bench.scale, bench.err = openScale()
		if bench.err == nil {
			bench.sample, bench.err = openSample()
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.scale, bench.sample
}

func tempDir() (string, error) {
	dir, err := os.MkdirTemp("", "circlebook-paging-")
	if err == nil {
		bench.dirs = append(bench.dirs, dir)
	}
	return dir, err
}

func openScale() (*store.Store, error) {
	src, err := scaledb.Cached(scaledb.Size(), os.Stderr)
	if err != nil {
		return nil, err
	}
	dir, err := tempDir()
	if err != nil {
		return nil, err
	}
	if err := copyFile(src, filepath.Join(dir, store.FileName)); err != nil {
		return nil, err
	}
	return store.Open(dir)
}

func openSample() (*store.Store, error) {
	dir, err := tempDir()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(dir)
	if err != nil {
		return nil, err
	}
	_, err = demo.New(st.DB, scaledb.Now).Load()
	return st, err
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// pair times call on the generated program and, outside the measured time,
// the same call on the sample, and reports the ratio as x-sample. On Linux
// it also reports the CPU time of each call (the thread's, so time spent
// waiting for a core on a busy machine is left out): cpu-us and cpu-x-sample.
func pair(b *testing.B, call func(st *store.Store) error) {
	scale, sample := stores(b)
	for _, st := range []*store.Store{scale, sample} { // warm both the same way
		if err := call(st); err != nil {
			b.Fatal(err)
		}
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var base, cpu, cpuBase time.Duration
	for b.Loop() {
		c0 := plantest.ThreadCPU()
		if err := call(scale); err != nil {
			b.Fatal(err)
		}
		c1 := plantest.ThreadCPU()
		b.StopTimer() // reads the memory statistics, stopping the world: after c1, before c2
		c2, start := plantest.ThreadCPU(), time.Now()
		if err := call(sample); err != nil {
			b.Fatal(err)
		}
		base += time.Since(start)
		cpu, cpuBase = cpu+c1-c0, cpuBase+plantest.ThreadCPU()-c2
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed())/float64(base), "x-sample")
	if cpuBase > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-us/op")
		b.ReportMetric(float64(cpu)/float64(cpuBase), "cpu-x-sample")
	}
}

// end asks for an offset past any list: the call answers with its last page.
const end = 1 << 30

func BenchmarkCirclesList(b *testing.B) {
	for _, c := range []struct {
		name string
		req  circles.ListRequest
	}{
		{"first", circles.ListRequest{}},
		{"first-4", circles.ListRequest{Limit: 4}}, // the sample's size: what the program's scale alone costs
		{"last", circles.ListRequest{Offset: end}},
		{"archived-last", circles.ListRequest{IncludeArchived: true, Offset: end}},
		{"prefix", circles.ListRequest{Query: "pro"}},
		{"letter", circles.ListRequest{Query: "a"}},
		{"letter-last", circles.ListRequest{Query: "a", Offset: end}},
	} {
		b.Run(c.name, func(b *testing.B) {
			pair(b, func(st *store.Store) error {
				_, err := circles.New(st.DB, scaledb.Now).List(c.req)
				return err
			})
		})
	}
}

func BenchmarkCirclesSidebar(b *testing.B) {
	recent := make([]uint, circles.SidebarMax)
	for i := range recent {
		recent[i] = uint(len(recent) - i)
	}
	pair(b, func(st *store.Store) error {
		_, err := circles.New(st.DB, scaledb.Now).Sidebar(recent)
		return err
	})
}

func BenchmarkPeopleList(b *testing.B) {
	for _, c := range []struct {
		name string
		req  people.ListRequest
	}{
		{"first", people.ListRequest{}},
		{"first-25", people.ListRequest{Limit: 25}}, // the sample's size
		{"last", people.ListRequest{Offset: end}},
		{"middle", people.ListRequest{Offset: 0}}, // set below: half the list
		{"prefix", people.ListRequest{Query: "mar"}},
		{"letter", people.ListRequest{Query: "a"}},
		{"picker", people.ListRequest{Query: "garc", Limit: 8}},
		{"two-words", people.ListRequest{Query: "ana gar"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			pair(b, func(st *store.Store) error {
				svc := people.New(st.DB, scaledb.Now)
				req := c.req
				if c.name == "middle" {
					first, err := svc.List(people.ListRequest{Limit: 1})
					if err != nil {
						return err
					}
					req.Offset = first.Total / 2
				}
				_, err := svc.List(req)
				return err
			})
		})
	}
}

// searches are the queries the search benchmarks ask, each for a first
// page and for a jump (an offset, as a scrollbar drag asks): short prefixes
// whose matches lie early ("a", "ana"), late ("z", "zo", "zoe": Zoë sorts
// last) or both, and a word that matches names near the end of the list
// only (people: Ximena, a first name; circles: "r", whose matches start
// two thirds down the list at program scale).
var searches = []struct{ name, people, circles string }{
	{"z", "z", "z"},
	{"zo", "zo", "zo"},
	{"zoe", "zoe", "zoe"},
	{"ana", "ana", "ana"},
	{"a", "a", "a"},
	{"end", "ximena", "r"},
}

// jump is the offset the search benchmarks jump to: near the end of a
// capped search, the farthest a jump can ask to walk.
const jump = 900

func BenchmarkPeopleSearch(b *testing.B) {
	for _, s := range searches {
		for _, at := range []struct {
			name   string
			offset int
		}{{"first", 0}, {"jump", jump}, {"rows", 0}} {
			b.Run(s.name+"/"+at.name, func(b *testing.B) {
				req := people.ListRequest{Query: s.people, Offset: at.offset}
				if at.name == "rows" {
					req.Limit = sampleRows(b, func(st *store.Store) (int, error) {
						p, err := people.New(st.DB, scaledb.Now).List(req)
						return len(p.People), err
					})
				}
				pair(b, func(st *store.Store) error {
					_, err := people.New(st.DB, scaledb.Now).List(req)
					return err
				})
			})
		}
	}
}

// sampleRows is how many rows a first page holds on the sample (at least
// one): the "rows" searches ask the program for a page of that size, so
// that both answer with as many rows and the ratio is what the program's
// scale alone costs, where "first" also counts the 50 rows the sample has
// not got to give.
func sampleRows(b *testing.B, count func(st *store.Store) (int, error)) int {
	b.Helper()
	_, sample := stores(b)
	n, err := count(sample)
	if err != nil {
		b.Fatal(err)
	}
	return max(n, 1)
}

func BenchmarkCirclesSearch(b *testing.B) {
	for _, s := range searches {
		for _, at := range []struct {
			name   string
			offset int
		}{{"first", 0}, {"jump", jump}, {"rows", 0}} {
			b.Run(s.name+"/"+at.name, func(b *testing.B) {
				req := circles.ListRequest{Query: s.circles, Offset: at.offset}
				if at.name == "rows" {
					req.Limit = sampleRows(b, func(st *store.Store) (int, error) {
						p, err := circles.New(st.DB, scaledb.Now).List(req)
						return len(p.Circles), err
					})
				}
				pair(b, func(st *store.Store) error {
					_, err := circles.New(st.DB, scaledb.Now).List(req)
					return err
				})
			})
		}
	}
}

// BenchmarkListWrites times what keeping the lists costs a write (the kept
// counts, the search index and the rows' places in list order): adding a
// person, renaming them and deleting them, and adding a circle, archiving
// it and deleting it, through the services, each its own transaction.
func BenchmarkListWrites(b *testing.B) {
	pair(b, func(st *store.Store) error {
		ps, cs := people.New(st.DB, scaledb.Now), circles.New(st.DB, scaledb.Now)
		p, err := ps.Create(people.PersonInput{Name: "Mónica Bench", Team: "Lists"})
		if err == nil {
			_, err = ps.Update(p.ID, people.PersonInput{Name: "Mónica Bench Ortiz", Team: "Lists"})
		}
		if err == nil {
			err = ps.Delete(p.ID)
		}
		if err != nil {
			return err
		}
		c, err := cs.Create(circles.CircleInput{Name: "Bench Circle", Status: model.CircleActive,
			Kind: model.KindGroup, Cadence: model.CadenceBiweekly, MeetingDay: -1, DurationMinutes: 60})
		if err == nil {
			_, err = cs.Archive(c.ID)
		}
		if err == nil {
			err = cs.Delete(c.ID)
		}
		return err
	})
}
