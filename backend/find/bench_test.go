package find_test

import (
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"circlebook/backend/find"
	"circlebook/backend/model"
	"circlebook/backend/notes"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// The scale: 100,000 notes of about 500 characters (about 50
// million) across 1,000 circles (50 sessions each, a shared and a private
// note a session) and 20,000 people.
const (
	benchCircles  = 1000
	benchPeople   = 20000
	benchSessions = 50 // a circle's
	benchNoteLen  = 500
	benchVersion  = 2 // bump when the generator changes: a new cache entry
)

// benchWords are the notes' words, drawn with a Zipf-like skew so a few are
// common and most rare, as in real notes; accented names among them.
var benchWords = append(strings.Fields(`the and to of a we in for on with that is it was our next this
	she he they you have be at as but not what about from by will can more some would there their
	demo day plan planning review feedback goal goals capacity capital captain hiring budget roadmap
	launch customer interview research pricing team manager career promotion conflict delegation
	onboarding mentor mentee session agenda follow up decision decided agreed action owner due week
	month quarter retrospective stakeholder presentation portfolio design prototype metrics growth
	Ana Muñoz Dąbrowska Nguyễn Íñigo Sáenz Łódź Zoë Björn Øyvind Çelik François Siobhán Þóra
	confidence burnout boundaries negotiation salary feedback-loop writing speaking networking
	reading book chapter exercise homework practice habit journal reflection learning scope risk`),
	pseudoWords(3000)...)

// pseudoWords are the long tail of a real vocabulary: n made-up words.
func pseudoWords(n int) []string {
	syl := strings.Fields("ba ke lo mi nu ra se ti vo zu gra ple tro shi dan mer vel kor")
	out := make([]string, n)
	for i := range out {
		out[i] = syl[i%18] + syl[(i/18)%18] + syl[(i/324)%18] + "n"
	}
	return out
}

var benchAdjectives = strings.Fields("Atlas Beacon Cedar Delta Ember Falcon Granite Harbor Iris Juniper Kestrel Lumen Maple Nova Orchid Pioneer Quartz Ridge Summit Tidal")

// everyIndex is the FTS5 index of each kind Search reads, in its order.
var everyIndex = []string{"circles_text_fts", "people_fts", "sessions_fts", "notes_fts", "action_items_fts", "goals_fts", "topics_fts"}

// benchQueries are what leaders type; bare is the same words as an FTS5
// MATCH, and base the baseline's statements, one an index Search reads
// for the query: the kinds a filter leaves (in:notes only notes; is:open
// the kinds with an open state; circle: every kind a circle has).
var benchQueries = []struct {
	name, query, bare string
	base              []base
}{
	{"one-word", "demo", `"demo"*`, plain(everyIndex...)},
	{"two-words", "munoz demo", `"munoz"* AND "demo"*`, plain(everyIndex...)},
	{"prefix", "cap", `"cap"*`, plain(everyIndex...)},
	{"rare-two", "siobhan negotiation", `"siobhan"* AND "negotiation"*`, plain(everyIndex...)},
	{"phrase", `"demo day"`, `"demo"* + "day"*`, plain(everyIndex...)},
	{"circle-filter", "budget circle:atlas", `"budget"*`, inAtlas},
	{"in-notes", "roadmap in:notes", `"roadmap"*`, plain("notes_fts")},
	{"is-open", "hiring is:open", `"hiring"*`, isOpen},
}

// base is one statement of a baseline: a bare MATCH on the index idx for
// the newest rows, and for a filtered query the filter as hand-written
// SQL: join, the cheapest way from the index's rowid to the column the
// filter tests, and cond, the test. No snippet, name, grouping or order
// but the index's own rowid.
type base struct{ idx, join, cond string }

// plain is the baseline of an unfiltered query: the bare MATCH on each index.
func plain(idx ...string) []base {
	out := make([]base, len(idx))
	for i, x := range idx {
		out[i] = base{idx: x}
	}
	return out
}

// inAtlas is circle:atlas's baseline: on each index of a kind a circle
// has, the MATCH kept to the circles whose name key starts with "atlas",
// read once an iteration from the name_key index's range (circleIDsSQL)
// and written into cond as a list of ids (%s), as Search resolves them
// once and tests ids. A circle is its own id; a person has a membership
// in one; sessions, action items and goals carry circle_id; a note's
// circle is its session's.
var inAtlas = []base{
	{"circles_text_fts", "", "circles_text_fts.rowid IN (%s)"},
	{"people_fts", "", "EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = people_fts.rowid AND m.circle_id IN (%s))"},
	{"sessions_fts", "JOIN sessions t ON t.id = sessions_fts.rowid", "t.circle_id IN (%s)"},
	{"notes_fts", "JOIN notes t ON t.id = notes_fts.rowid JOIN sessions s ON s.id = t.session_id", "s.circle_id IN (%s)"},
	{"action_items_fts", "JOIN action_items t ON t.id = action_items_fts.rowid", "t.circle_id IN (%s)"},
	{"goals_fts", "JOIN goals t ON t.id = goals_fts.rowid", "t.circle_id IN (%s)"},
}

// circleIDsSQL reads the ids of the circles circle:atlas keeps to.
const circleIDsSQL = `SELECT id FROM circles WHERE name_key >= 'atlas' AND name_key < 'atlat'`

// isOpen is is:open's baseline: on each kind with an open state, the
// MATCH joined to the row by id and its state tested (SQLite reads the
// index first, then each match's row by its id: EXPLAIN QUERY PLAN).
var isOpen = []base{
	{"sessions_fts", "JOIN sessions t ON t.id = sessions_fts.rowid", "t.status = 'planned'"},
	{"action_items_fts", "JOIN action_items t ON t.id = action_items_fts.rowid", "t.status = 'open'"},
	{"goals_fts", "JOIN goals t ON t.id = goals_fts.rowid", "t.status IN ('draft', 'active', 'at_risk')"},
}

// benchDir returns a data folder holding a private copy of the bench
// database, built once into the scale cache (keyed by the migrations and
// benchVersion) through the app's models and their hooks and triggers.
func benchDir(b *testing.B) string {
	b.Helper()
	if testing.Short() {
		b.Skip("builds 100,000 notes")
	}
	root := os.Getenv("CIRCLEBOOK_SCALE_CACHE")
	if root == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			b.Fatal(err)
		}
		root = filepath.Join(dir, "circlebook-scale")
	}
	sum := sha256.Sum256([]byte(strings.Join(store.MigrationIDs(), "\n") + fmt.Sprint(benchVersion)))
	cached := filepath.Join(root, fmt.Sprintf("find-100k-%x", sum[:4]))
	if _, err := os.Stat(filepath.Join(cached, store.FileName)); err != nil {
		tmp := cached + ".building"
		os.RemoveAll(tmp)
		start := time.Now()
		buildBench(b, tmp)
		b.Logf("built the bench database in %v", time.Since(start).Round(time.Millisecond))
		if err := os.Rename(tmp, cached); err != nil {
			b.Fatal(err)
		}
	}
	dir := b.TempDir()
	copyFile(b, filepath.Join(cached, store.FileName), filepath.Join(dir, store.FileName))
	return dir
}

func copyFile(b *testing.B, from, to string) {
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}

// buildBench writes the data set into a new store in dir.
func buildBench(b *testing.B, dir string) {
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.CloseWithoutOptimize()
	r := rand.New(rand.NewPCG(7, 11))
	zipf := rand.NewZipf(r, 1.05, 3, uint64(len(benchWords)-1))
	text := func(n int) string {
		var sb strings.Builder
		for sb.Len() < n {
			sb.WriteString(benchWords[zipf.Uint64()])
			sb.WriteByte(' ')
		}
		return sb.String()
	}
	create := func(rows any) {
		if err := st.DB.Transaction(func(tx *gorm.DB) error { return tx.CreateInBatches(rows, 500).Error }); err != nil {
			b.Fatal(err)
		}
	}
	people := make([]model.Person, benchPeople)
	for i := range people {
		people[i] = model.Person{Name: fmt.Sprintf("%s %s %d", benchWords[slices.Index(benchWords, "Ana")+r.IntN(14)], benchAdjectives[r.IntN(20)], i)}
	}
	create(&people)
	circles := make([]model.Circle, benchCircles)
	for i := range circles {
		circles[i] = model.Circle{Name: fmt.Sprintf("%s Circle %04d", benchAdjectives[i%20], i), Purpose: text(80),
			Kind: model.KindGroup, Cadence: model.CadenceBiweekly, MeetingDay: -1, DurationMinutes: 60, Status: model.CircleActive}
	}
	create(&circles)
	var members []model.Membership
	for i := range people {
		members = append(members, model.Membership{CircleID: circles[i%benchCircles].ID, PersonID: people[i].ID, Role: model.RoleMentee})
	}
	create(&members)
	for chunk := 0; chunk < benchSessions; chunk += 5 {
		var sessions []model.Session
		for n := chunk; n < chunk+5; n++ {
			day := time.Date(2025, 1, 6, 10, 0, 0, 0, time.UTC).AddDate(0, 0, 14*n)
			for _, c := range circles {
				sessions = append(sessions, model.Session{CircleID: c.ID, Number: n + 1, StartsAt: day.Format("2006-01-02T15:04"),
					DurationMinutes: 60, Topic: text(20), Status: model.SessionHeld})
			}
		}
		create(&sessions)
		var ns []model.Note
		for _, s := range sessions {
			for _, vis := range []string{model.Shared, model.Private} {
				ns = append(ns, model.Note{SessionID: s.ID, Visibility: vis, Body: text(benchNoteLen), Version: 1})
			}
		}
		create(&ns)
		var acts []model.ActionItem
		for i, s := range sessions {
			if i%2 == 0 {
				acts = append(acts, model.ActionItem{CircleID: s.CircleID, SessionID: &s.ID, Text: text(40), Source: model.SourceManual, Status: []string{"open", "done"}[i%4/2]})
			}
		}
		create(&acts)
	}
}

// p95 is the 95th percentile of ds.
func p95(ds []time.Duration) time.Duration { return pct(ds, 95) }

// pct is the p-th percentile of ds.
func pct(ds []time.Duration, p int) time.Duration {
	slices.Sort(ds)
	return ds[(len(ds)*p+99)/100-1]
}

// BenchmarkSearchScale measures, on the 100,000-note data set, find.Search
// against the baseline, in the same run: bare FTS5 MATCHes for the same
// words on the indexes Search reads for the query, each asked for the
// newest rows as Search asks each kind (its limit and one more), and
// nothing else (no join, order by name, or snippet) but, for a filtered
// query, the filter itself (see base): the baseline answers the same
// question as Search, so a filter that keeps few matches costs both. Each
// sub-benchmark reports both p95s and their ratio, and for comparison
// with earlier figures a lone MATCH on notes_fts (LIMIT 20) and ours'
// ratio to it (notes-ratio).
func BenchmarkSearchScale(b *testing.B) {
	dir := benchDir(b)
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.CloseWithoutOptimize()
	f := find.New(st.DB, time.Now)
	sqlDB, err := st.DB.DB()
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range benchQueries {
		b.Run(q.name, func(b *testing.B) {
			var ours, bare, notes []time.Duration
			for b.Loop() {
				start := time.Now()
				res, err := f.Search(find.Request{Query: q.query})
				if err != nil {
					b.Fatal(err)
				}
				ours = append(ours, time.Since(start))
				start = time.Now()
				n := 0
				ids := ""
				if q.name == "circle-filter" {
					ids = circleIDs(b, sqlDB)
				}
				for _, x := range q.base {
					n += bareMatch(b, sqlDB, x, ids, q.bare, find.DefaultLimit+1)
				}
				bare = append(bare, time.Since(start))
				start = time.Now()
				bareMatch(b, sqlDB, base{idx: "notes_fts"}, "", q.bare, 20)
				notes = append(notes, time.Since(start))
				if len(res.Groups) == 0 || n == 0 {
					b.Fatalf("%q found nothing (%d bare)", q.query, n)
				}
			}
			po, pb, pn := p95(ours), p95(bare), p95(notes)
			b.ReportMetric(float64(po.Microseconds())/1000, "p95-ms")
			b.ReportMetric(float64(pb.Microseconds())/1000, "bare-p95-ms")
			b.ReportMetric(float64(po)/float64(pb), "ratio")
			// the medians' ratio: on a shared machine, p95 is often another process's pause
			b.ReportMetric(float64(pct(ours, 50))/float64(pct(bare, 50)), "p50-ratio")
			b.ReportMetric(float64(po)/float64(pn), "notes-ratio")
		})
	}
}

// bareMatch runs a baseline statement, x's MATCH (with its filter, the
// circles' ids written in as ids), for the newest limit rows, and counts them.
func bareMatch(b *testing.B, db *sql.DB, x base, ids, match string, limit int) int {
	q := `SELECT ` + x.idx + `.rowid FROM ` + x.idx + ` ` + x.join + ` WHERE ` + x.idx + ` MATCH ?`
	if x.cond != "" {
		q += ` AND ` + strings.ReplaceAll(x.cond, "%s", ids)
	}
	rows, err := db.Query(q+` ORDER BY `+x.idx+`.rowid DESC LIMIT ?`, match, limit)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n
}

// circleIDs reads circleIDsSQL's ids as a list for an IN (1, 2, ...).
func circleIDs(b *testing.B, db *sql.DB) string {
	rows, err := db.Query(circleIDsSQL)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, fmt.Sprint(id))
	}
	if len(ids) == 0 {
		b.Fatal("no circle named atlas")
	}
	return strings.Join(ids, ", ")
}

// BenchmarkIndexBuild measures migration 2026-12-04-search-everything on
// the data set: a copy has the migration taken out (its tables, triggers
// and columns dropped, its record deleted), then MigratePending runs it.
// index-s is from the first "Building the search index" report to the end.
func BenchmarkIndexBuild(b *testing.B) {
	src := benchDir(b)
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		copyFile(b, filepath.Join(src, store.FileName), filepath.Join(dir, store.FileName))
		unmigrate(b, dir)
		st, err := store.OpenPending(dir)
		if err != nil {
			b.Fatal(err)
		}
		var first time.Time
		reports := 0
		b.StartTimer()
		start := time.Now()
		err = st.MigratePending(func(p store.Progress) {
			if p.Step == "Building the search index" {
				if first.IsZero() {
					first = time.Now()
				}
				reports++
			}
		})
		end := time.Now()
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		st.CloseWithoutOptimize()
		b.ReportMetric(end.Sub(first).Seconds(), "index-s")
		b.ReportMetric(end.Sub(start).Seconds(), "with-backup-s")
		b.ReportMetric(float64(reports), "reports")
		b.StartTimer()
	}
}

// unmigrate takes migration 2026-12-04-search-everything out of the file in dir.
func unmigrate(b *testing.B, dir string) {
	db, err := sql.Open("sqlite", filepath.Join(dir, store.FileName))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	stmts := []string{"DROP TABLE search_recent", "DROP TABLE search_opened"}
	for _, t := range []string{"notes", "action_items", "sessions", "goals", "topics", "circles"} {
		fts := t + "_fts"
		if t == "circles" {
			fts = "circles_text_fts"
		}
		stmts = append(stmts, "DROP TRIGGER "+fts+"_insert", "DROP TRIGGER "+fts+"_delete", "DROP TRIGGER "+fts+"_update",
			"DROP TABLE "+fts, "ALTER TABLE "+t+" DROP COLUMN search_key")
	}
	stmts = append(stmts, "DELETE FROM schema_migrations WHERE id = '2026-12-04-search-everything'")
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			b.Fatalf("%s: %v", s, err)
		}
	}
}

// BenchmarkNoteSaveScale saves one note through the notes service on the
// data set with the search index, and on a copy whose notes_fts triggers
// are dropped (today's save), alternating; ratio is with/without. Both
// files' indexes are merged first, as the store merges them when writes
// pause (store/merge.go): the saves measure their own index work, not the
// merges the bulk build left.
func BenchmarkNoteSaveScale(b *testing.B) {
	with := benchDir(b)
	without := b.TempDir()
	copyFile(b, filepath.Join(with, store.FileName), filepath.Join(without, store.FileName))
	open := func(dir string, drop bool) *notes.Notes {
		st, err := store.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.CloseWithoutOptimize() })
		if err := st.MergeSearch(); err != nil {
			b.Fatal(err)
		}
		if drop {
			for _, tr := range []string{"insert", "delete", "update"} {
				if err := st.DB.Exec("DROP TRIGGER notes_fts_" + tr).Error; err != nil {
					b.Fatal(err)
				}
			}
		}
		return notes.New(st.DB, time.Now, notes.NewJournal(b.TempDir()))
	}
	a, base := open(with, false), open(without, true)
	r := rand.New(rand.NewPCG(3, 4))
	var tWith, tWithout time.Duration
	i := 0
	for b.Loop() {
		i++
		session := uint(1 + r.IntN(benchCircles*benchSessions))
		body := fmt.Sprintf("Ana Muñoz demo day %d: capacity planning and the roadmap review, %s", i, strings.Repeat("notes and follow up ", 22))
		for _, s := range []struct {
			n   *notes.Notes
			acc *time.Duration
		}{{a, &tWith}, {base, &tWithout}} {
			start := time.Now()
			if _, err := s.n.Save(session, model.Shared, body); err != nil {
				b.Fatal(err)
			}
			*s.acc += time.Since(start)
		}
	}
	b.ReportMetric(float64(tWith.Microseconds())/float64(i)/1000, "with-ms")
	b.ReportMetric(float64(tWithout.Microseconds())/float64(i)/1000, "without-ms")
	b.ReportMetric(float64(tWith)/float64(tWithout), "ratio")
}
