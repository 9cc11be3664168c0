// Package scale builds a program-scale database through the app's own code
// paths: the GORM models (so every hook and trigger fires), people.Insert,
// sessions.Dates and notes.SaveTx (so notes, revisions and action items are
// made as a save makes them). The data comes from a PRNG with a fixed seed:
// the same size and day give the same people, circles, sessions and text.
// It never runs ANALYZE.
package scale

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"circlebook/backend/model"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// Version changes whenever Generate makes different data, so that caches of
// generated files (backend/internal/scaledb) know theirs is stale.
const Version = 2 // 2: the caches merge the search indexes after generating, as the app does when writes pause

// Size is how much a generated program holds.
type Size struct {
	Name              string // "program" or "tenth"
	People            int
	Circles           int
	Memberships       int
	SessionsPerCircle int
}

// The sizes: the program of issue 8, and a tenth of it for CI.
var (
	Program = Size{Name: "program", People: 159_000, Circles: 16_000, Memberships: 160_000, SessionsPerCircle: 13}
	Tenth   = Size{Name: "tenth", People: 15_900, Circles: 1_600, Memberships: 16_000, SessionsPerCircle: 13}
)

// ParseSize returns the size named name.
func ParseSize(name string) (Size, error) {
	switch name {
	case Program.Name:
		return Program, nil
	case Tenth.Name:
		return Tenth, nil
	}
	return Size{}, fmt.Errorf("unknown scale %q: use program or tenth", name)
}

// ErrNotEmpty means the database already has circles; Generate adds to none.
var ErrNotEmpty = errors.New("the database already has circles")

// Result counts what Generate made.
type Result struct {
	People, Circles, Memberships, Sessions, Marks int
	SharedNotes, PrivateNotes, ActionItems        int
	AgendaItems, Tags                             int // Tags: topics on sessions
}

// seed makes every run of one size draw the same numbers.
const seed = 0x0C1C1EB00C

// Generate fills db, an empty database opened with store.Open, with a
// program of the given size whose past and future turn around today. It
// writes in batched transactions and reports progress on progress.
func Generate(db *gorm.DB, size Size, today time.Time, progress io.Writer) (Result, error) {
	var n int64
	if err := db.Model(&model.Circle{}).Count(&n).Error; err != nil {
		return Result{}, err
	}
	if n > 0 {
		return Result{}, ErrNotEmpty
	}
	if size.Memberships-size.Circles > size.People-size.Circles/4 || size.Circles < 4 || size.SessionsPerCircle < 2 {
		return Result{}, fmt.Errorf("size %+v: too few people for its memberships", size)
	}
	restore, err := fastConnection(db)
	if err != nil {
		return Result{}, err
	}
	defer restore()
	g := newGen(db, size, today, progress)
	defer g.closeStatements()
	if err := g.addPeople(); err != nil {
		return g.res, fmt.Errorf("people: %w", err)
	}
	if err := g.addTopics(); err != nil {
		return g.res, fmt.Errorf("topics: %w", err)
	}
	if err := g.addCircles(); err != nil {
		return g.res, fmt.Errorf("circles: %w", err)
	}
	var items int64
	if err := db.Model(&model.ActionItem{}).Count(&items).Error; err != nil {
		return g.res, err
	}
	g.res.ActionItems = int(items)
	return g.res, nil
}

// gen is one run of Generate.
type gen struct {
	db       *gorm.DB
	size     Size
	today    time.Time
	day      string // today, YYYY-MM-DD
	rng      *rand.Rand
	out      io.Writer
	start    time.Time
	res      Result
	people   []person // in the order they were made
	topicIDs []uint
	shown    map[string]int // the last tenth of each stage reported
}

// person is what the circles need to know of a person made.
type person struct {
	id    uint
	first string // the first word of the name: what an @mention uses
}

func newGen(db *gorm.DB, size Size, today time.Time, out io.Writer) *gen {
	today = time.Date(today.Year(), today.Month(), today.Day(), 9, 0, 0, 0, time.UTC)
	stamp := today.Add(-time.Hour)
	db = db.Session(&gorm.Session{NewDB: true, PrepareStmt: true, NowFunc: func() time.Time { return stamp }})
	return &gen{db: db, size: size, today: today, day: today.Format("2006-01-02"),
		rng: rand.New(rand.NewPCG(seed, uint64(size.People))), out: out, start: time.Now(), shown: map[string]int{}}
}

// closeStatements closes the statements the run prepared.
func (g *gen) closeStatements() {
	if p, ok := g.db.ConnPool.(*gorm.PreparedStmtDB); ok {
		p.Close()
	}
}

// report writes a stage's progress each time it passes a tenth.
func (g *gen) report(stage string, done, total int) {
	if g.out == nil {
		return
	}
	tenth := done * 10 / max(total, 1)
	if last, ok := g.shown[stage]; ok && tenth == last {
		return
	}
	g.shown[stage] = tenth
	fmt.Fprintf(g.out, "%-8s %7d/%-7d %5.1fs\n", stage, done, total, time.Since(g.start).Seconds())
}

// pick returns one of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// chance is true with probability p.
func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

// uuid is a version-4 UUID drawn from the generator's PRNG.
func (g *gen) uuid() string {
	var b [16]byte
	for i := 0; i < 16; i += 8 {
		v := g.rng.Uint64()
		for j := range 8 {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// addTopics adds the program's topics beside the ones every file starts with.
func (g *gen) addTopics() error {
	return g.db.Transaction(func(tx *gorm.DB) error {
		for _, name := range topicList {
			t := model.Topic{Name: name}
			t.UUID = g.uuid()
			if err := tx.Create(&t).Error; err != nil {
				return err
			}
		}
		return tx.Model(&model.Topic{}).Order("id").Pluck("id", &g.topicIDs).Error
	})
}

// fastConnection gives the store's one connection a larger page cache while
// Generate runs (a setting of the connection, not the file), and returns
// what puts it back. A PostgreSQL server's caches are its own: nothing to do there.
func fastConnection(db *gorm.DB) (func(), error) {
	if store.DialectOf(db) != store.SQLite {
		return func() {}, nil
	}
	settings := map[string]string{"cache_size": "-262144"}
	was := map[string]string{}
	for name, value := range settings {
		var old string
		if err := db.Raw("PRAGMA " + name).Scan(&old).Error; err != nil {
			return nil, err
		}
		if err := db.Exec("PRAGMA " + name + " = " + value).Error; err != nil {
			return nil, err
		}
		was[name] = old
	}
	return func() {
		for name, old := range was {
			db.Exec("PRAGMA " + name + " = " + old)
		}
	}, nil
}
