package notes_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"circlebook/backend/internal/pgtest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/notes"
	"circlebook/backend/store"

	_ "github.com/glebarez/go-sqlite"  // the "sqlite" driver, for the bare-insert baseline
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for the same on PostgreSQL
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// benchNotes is a notes service over a fresh store with one session of a
// circle of three, whose clock moves a second per save (a debounced typist),
// so typing leaves a revision every few minutes as it does for real.
type benchNotes struct {
	svc     *notes.Notes
	session uint
	clock   time.Time
}

func newBenchNotes(b *testing.B) *benchNotes {
	b.Helper()
	st, f := testdb.New(b)
	c := f.Circle("Design leads")
	for _, name := range []string{"Ana Muñoz", "Ben Okafor", "Chen Wei"} {
		f.Member(c, f.Person(name), model.RoleMentee)
	}
	ses := f.Session(c, "2026-11-25T18:00", model.SessionHeld)
	bn := &benchNotes{session: ses.ID, clock: testdb.Today}
	bn.svc = notes.New(st.DB, func() time.Time { return bn.clock }, notes.NewJournal(filepath.Join(b.TempDir(), "drafts")))
	return bn
}

// save saves body as the shared note, one second after the last save.
func (bn *benchNotes) save(b *testing.B, body string) {
	bn.clock = bn.clock.Add(time.Second)
	if _, err := bn.svc.Save(bn.session, model.Shared, body); err != nil {
		b.Fatalf("Save: %v", err)
	}
}

// bareInserts is the baseline: a one-table database on the test engine,
// taking one autocommit INSERT per call through database/sql. On SQLite it
// is a file opened with the store's durability pragmas; on PostgreSQL a
// database of its own on the same server.
type bareInserts struct {
	db     *sql.DB
	insert string
}

func newBareInserts(b *testing.B) bareInserts {
	b.Helper()
	if testdb.Engine() == store.Postgres {
		return newBarePostgres(b)
	}
	path := filepath.Join(b.TempDir(), "bare.db")
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", "foreign_keys(1)", "busy_timeout(5000)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	var mode, sync string
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		b.Fatalf("baseline journal_mode = %q, %v", mode, err)
	}
	if err := db.QueryRow("PRAGMA synchronous").Scan(&sync); err != nil || sync != "2" {
		b.Fatalf("baseline synchronous = %q, %v", sync, err)
	}
	if _, err := db.Exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	return bareInserts{db: db, insert: `INSERT INTO notes (body) VALUES (?)`}
}

func newBarePostgres(b *testing.B) bareInserts {
	b.Helper()
	db, err := sql.Open("pgx", pgtest.NewDatabase(b, testdb.PostgresServer(b)))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	return bareInserts{db: db, insert: `INSERT INTO notes (body) VALUES ($1)`}
}

func (bi bareInserts) add(b *testing.B, body string) {
	if _, err := bi.db.Exec(bi.insert, body); err != nil {
		b.Fatalf("baseline insert: %v", err)
	}
}

// percentile returns the q-quantile (nearest rank) of sorted durations, in ms.
func percentile(sorted []time.Duration, q float64) float64 {
	i := int(q*float64(len(sorted))+0.999999) - 1
	return float64(sorted[max(0, min(i, len(sorted)-1))]) / float64(time.Millisecond)
}

// timed runs f and returns how long it took.
func timed(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}

// BenchmarkSaveKeystroke is a keystroke reaching a durable commit through the
// bound method: Notes.Save of a 2-5 KB note one character longer each call.
// Each call is paired with a bare INSERT of the same text (the baseline, not
// counted in ns/op); it reports both p50/p99 and the ratio of the p99s.
func BenchmarkSaveKeystroke(b *testing.B) {
	bn, bare := newBenchNotes(b), newBareInserts(b)
	full := benchMarkdown(1_000) // about 10 KB to type from
	const from, to = 2 << 10, 5 << 10
	n := from
	bn.save(b, full[:n])
	saves, inserts := make([]time.Duration, 0, b.N), make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		if n++; n > to {
			n = from
		}
		for !utf8.RuneStart(full[n]) { // a keystroke adds a whole character
			n++
		}
		body := full[:n]
		saves = append(saves, timed(func() { bn.save(b, body) }))
		b.StopTimer()
		inserts = append(inserts, timed(func() { bare.add(b, body) }))
		b.StartTimer()
	}
	b.StopTimer()
	slices.Sort(saves)
	slices.Sort(inserts)
	b.ReportMetric(percentile(saves, 0.50), "save-p50-ms")
	b.ReportMetric(percentile(saves, 0.99), "save-p99-ms")
	b.ReportMetric(percentile(inserts, 0.50), "insert-p50-ms")
	b.ReportMetric(percentile(inserts, 0.99), "insert-p99-ms")
	b.ReportMetric(percentile(saves, 0.99)/percentile(inserts, 0.99), "save/insert-p99")
}

// BenchmarkPreview50k renders a 50,000-word note through Notes.Preview; the
// baseline, timed apart in the same loop, is goldmark with the same
// extensions and no sanitizing.
func BenchmarkPreview50k(b *testing.B) {
	bn := newBenchNotes(b)
	src := benchMarkdown(50_000)
	plain := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var base time.Duration
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for range b.N {
		if _, err := bn.svc.Preview(src); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		base += timed(func() {
			var buf bytes.Buffer
			if err := plain.Convert([]byte(src), &buf); err != nil {
				b.Fatal(err)
			}
		})
		b.StartTimer()
	}
	b.StopTimer()
	perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	baseOp := float64(base.Nanoseconds()) / float64(b.N)
	b.ReportMetric(baseOp, "goldmark-ns/op")
	b.ReportMetric(perOp/baseOp, "x-goldmark")
}

// BenchmarkSave50k saves a 50,000-word note (with its task lines) one
// character longer each call, to show a long session's saves do not balloon;
// the baseline is a bare INSERT of the same text, timed apart in the same loop.
func BenchmarkSave50k(b *testing.B) {
	bn, bare := newBenchNotes(b), newBareInserts(b)
	body := benchMarkdown(50_000)
	bn.save(b, body) // the first save creates the action items
	var base time.Duration
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := range b.N {
		body := body + string(rune('a'+i%26))
		bn.save(b, body)
		b.StopTimer()
		base += timed(func() { bare.add(b, body) })
		b.StartTimer()
	}
	b.StopTimer()
	perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(perOp/1e6, "ms/op")
	b.ReportMetric(float64(base.Nanoseconds())/float64(b.N)/1e6, "insert-ms/op")
	b.ReportMetric(perOp/(float64(base.Nanoseconds())/float64(b.N)), "x-insert")
}

// benchWords is the vocabulary of the generated notes.
var benchWords = strings.Fields(`the team discussed how to prioritize roadmap work against customer
requests and agreed that onboarding friction matters most this quarter we reviewed
last session's actions Ana shared a draft of the interview guide Ben raised concerns
about scope creep in the analytics project Chen proposed weekly check-ins with
stakeholders mentoring feedback growth goals career conversations delegation
hiring metrics retention experiment hypothesis launch decision tradeoffs café
naïve Muñoz día résumé deadline budget ownership clarity trust`)

// benchMarkdown is a deterministic session note of about words words:
// sections with headings, paragraphs with emphasis, code and links,
// bullet lists and task lines with owners and dues.
func benchMarkdown(words int) string {
	r := rand.New(rand.NewPCG(2026, 11))
	var b strings.Builder
	n := 0
	phrase := func(k int) {
		for i := range k {
			if i > 0 {
				b.WriteByte(' ')
			}
			w := benchWords[r.IntN(len(benchWords))]
			switch r.IntN(40) {
			case 0:
				fmt.Fprintf(&b, "**%s**", w)
			case 1:
				fmt.Fprintf(&b, "`%s`", w)
			case 2:
				fmt.Fprintf(&b, "[%s](https://example.org/wiki/%s-%d)", w, w, r.IntN(1000))
			default:
				b.WriteString(w)
			}
		}
		n += k
	}
	owners := []string{"@Ana", "@Ben", "@Chen", "@all", "@Dana"}
	dues := []string{"", " due:friday", " due:2026-12-09", " due:tomorrow"}
	for section := 1; n < words; section++ {
		fmt.Fprintf(&b, "## %d. ", section)
		phrase(3 + r.IntN(4))
		b.WriteString("\n\n")
		for range 1 + r.IntN(3) {
			phrase(40 + r.IntN(80))
			b.WriteString(".\n\n")
		}
		for range 2 + r.IntN(5) {
			b.WriteString("- ")
			phrase(5 + r.IntN(10))
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
		for t := range 1 + r.IntN(3) {
			box := " "
			if t == 0 && r.IntN(4) == 0 {
				box = "x"
			}
			fmt.Fprintf(&b, "- [%s] %s ", box, owners[r.IntN(len(owners))])
			phrase(4 + r.IntN(6))
			fmt.Fprintf(&b, " (section %d)%s\n", section, dues[r.IntN(len(dues))])
		}
		b.WriteByte('\n')
	}
	return b.String()
}
