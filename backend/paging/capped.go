package paging

import (
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// A capped search (more than Cap matches) finds a page one of two ways. It
// walks the list in order from the page's start, testing each row, which
// costs the rows between the matches: little where matches are common,
// most of the list where they all sort late (names that start with Z). Or
// it sorts the matches by name, as an uncapped search does, which costs
// what they number (of a one-word search, only those whose name does not
// start with the word: split), wherever they lie. Nothing tells in advance
// where the matches lie, so capped walks in rounds that double and, after
// each round that leaves the page short, sorts instead once that costs no
// more than the walk has cost so far, or than the walk still to go at the
// list's average density. So a page costs at most about three times what
// the cheaper way would have, whatever the distribution of the matches.
var (
	// firstWalk is how many rows the first round of a walk reads: enough
	// for a page of a common word ("a": 51 rows; "ana": 372 at program
	// scale) before it weighs anything.
	firstWalk = 1024
	// sortCost is what reading and sorting one match costs, in rows walked:
	// BenchmarkWalkAndSort measures it, 12 to 27 (a match's row is a read
	// from the disk cache, where the walk reads its index in order).
	sortCost = 16.0
	// testCost is what a row the walk tests in Go costs on top, in rows
	// walked: 5 to 20 (it crosses the driver, a string a column).
	testCost = 8.0
)

// Bounds on what a capped search counts to choose.
const (
	// countMost is how far it counts its matches: past it, they are common
	// enough that the walk is short (and counting on would cost more).
	countMost = 4 * Cap
	// sortFew is how many matches it always sorts rather than walk on: a
	// split that sorts that few costs less than a round of the walk.
	sortFew = 64
)

// walker is where a walk through a capped search stands.
type walker struct {
	q     search.Query
	at    *Cursor // the last row read; nil before the first
	skip  int     // matches still to pass over (an offset jump)
	want  int     // rows still to find
	found []row
	read  int   // rows read so far
	seen  int   // rows of them that crossed into Go to be tested
	odds  *odds // what sorting would cost; nil until a round first leaves the page short
}

// odds is what a capped search learns to weigh sorting against walking
// on: the list's rows, its matches and, of a one-word search, the matches a
// split would sort, each exact up to bound (past it, -1), and the rows
// whose names start with no word, which a split walks.
type odds struct {
	total, matches, rest, unworded int
	bound                          int
	split                          bool // q has one word: a sort is a split
}

// capped returns the want rows matching q after c (from the start when c
// is nil), skipping skip.
func (l List) capped(tx *gorm.DB, idx search.Index, q search.Query, c *Cursor, skip, want int) ([]row, error) {
	w := &walker{q: q, at: c, skip: skip, want: want}
	for round := firstWalk; ; {
		done, err := l.walk(tx, w, round)
		if done || err != nil {
			return w.found, err
		}
		if err := l.weigh(tx, idx, w); err != nil {
			return nil, err
		}
		var sort bool
		if sort, round = w.plan(round); !sort {
			continue
		}
		var rest []row
		if r, ok := q.Rest(); ok && w.odds.splits() {
			rest, err = l.split(tx, idx, q, r, w.at, w.skip, w.want)
		} else {
			rest, err = l.sorted(tx, idx, q, w.at, w.skip, w.want)
		}
		return append(w.found, rest...), err
	}
}

// splits reports whether a sort should split: unless nearly every match
// is a rest (then sorting them all reads as many rows, and the index less).
func (o *odds) splits() bool {
	return o.split && o.rest >= 0 && (o.matches < 0 || 8*o.rest <= 7*o.matches)
}

// weigh counts what sorting w's matches would cost: once up to countMost,
// then again when the walk has cost more than sorting that many would. The
// index counts the matches of a list with a condition with the rows it
// leaves out: an overcount, so a sort never costs more than weighed.
func (l List) weigh(tx *gorm.DB, idx search.Index, w *walker) error {
	o := w.odds
	if o == nil {
		o = &odds{}
		w.odds = o
		var err error
		if o.total, err = l.Count(tx); err != nil {
			return err
		}
		if _, o.unworded, err = l.unwordedBuckets(tx); err != nil {
			return err
		}
		return l.count(tx, idx, w.q, o, countMost)
	}
	if more := int(w.spent() / sortCost); o.rest < 0 && o.matches < 0 && more > o.bound {
		return l.count(tx, idx, w.q, o, more)
	}
	return nil
}

// count counts q's matches and the rest of them up to bound, into o. The
// rest is counted only when the matches were, or a split has no other
// count: counting it reads every match once.
func (l List) count(tx *gorm.DB, idx search.Index, q search.Query, o *odds, bound int) error {
	o.bound = bound
	n, err := idx.Count(tx, l.Kind, q, bound+1)
	if err != nil {
		return err
	}
	o.matches, o.rest = n, -1
	if n > bound {
		o.matches = -1
	}
	rest, ok := q.Rest()
	if o.split = ok; !ok || (o.matches < 0 && bound == countMost) {
		return nil
	}
	if o.rest, err = idx.Count(tx, l.Kind, rest, bound+1); o.rest > bound {
		o.rest = -1
	}
	return err
}

// plan reports whether sorting the matches left costs less than walking
// on, counted in rows walked: what the walk has cost so far (its rows, and
// those it tested in Go), or what it still costs at the list's average
// density, against sortCost a match sorted (of a split: the rest, and the
// rows whose names start with no word, walked). If not, it returns how
// many rows the next round walks: twice the last, or fewer to stop where
// sorting would start to cost less.
func (w *walker) plan(round int) (bool, int) {
	o := w.odds
	sorts := o.matches
	if o.split {
		if o.rest >= 0 && o.rest <= sortFew {
			return true, 0
		}
		sorts = o.rest
	}
	if sorts < 0 { // too many matches to count: common, so the walk is short
		return false, 2 * round
	}
	spent := w.spent()
	perRow := spent / float64(w.read)
	budget := spent
	if o.matches > 0 {
		budget = max(budget, float64(w.skip+w.want)*float64(o.total)/float64(o.matches)*perRow)
	}
	cost := sortCost*float64(sorts) + float64(o.unworded)
	if cost <= budget {
		return true, 0
	}
	return false, int(min(float64(2*round), max((cost-spent)/perRow, 1)))
}

// spent is what the walk has cost so far, in rows walked: its rows, and
// those it tested in Go.
func (w *walker) spent() float64 {
	return float64(w.read) + testCost*float64(w.seen)
}

// walk reads up to n more rows of the list after w.at, in order, passing
// over w.skip matches and keeping the next ones until it has w.want. It
// reports whether it is done: the page is full or the list has ended.
func (l List) walk(tx *gorm.DB, w *walker, n int) (bool, error) {
	end, err := l.nth(tx, w.at, n)
	if err != nil {
		return false, err
	}
	db := after(l.rows(tx, "t.id, t.name_key, t.name, t."+l.Search), w.at)
	if end != nil {
		db = upTo(db, end)
	}
	full, err := l.candidates(db, w.q, w.take)
	if full || err != nil || end == nil {
		return true, err
	}
	w.at, w.read = end, w.read+n
	return false, nil
}

// take passes over or keeps r if it matches, and reports whether the page is full.
func (w *walker) take(r candidate) bool {
	w.seen++
	switch {
	case !w.q.Match(r.text):
	case w.skip > 0:
		w.skip--
	default:
		w.found = append(w.found, r.row)
		w.want--
	}
	return w.want == 0
}

// candidate is a row a walk read, with its search text.
type candidate struct {
	row
	text string
}

// candidates passes to each, in order, the rows db reads (the id, the two
// keys and the search text of a range of the list) in whose search text
// every word of q may start a word, until each reports it has enough.
// SQLite reads the rows of the range, and stops where each stops. Its test
// (GLOB: the word at the start, or after a character that is not an ASCII
// letter or digit) passes every match and the rows where the word follows
// a letter beyond ASCII; Query.Match then applies the index's rule exactly.
// Only those cross into Go, at some microseconds each.
func (l List) candidates(db *gorm.DB, q search.Query, each func(candidate) bool) (bool, error) {
	for _, word := range q.Words() { // words hold letters and digits: nothing GLOB reads as a pattern
		db = db.Where("instr(t."+l.Search+", ?) > 0 AND (t."+l.Search+" GLOB ? OR t."+l.Search+" GLOB ?)", word, word+"*", "*[^a-z0-9]"+word+"*")
	}
	rows, err := db.Rows()
	if err != nil {
		return false, err
	}
	defer rows.Close()
	for rows.Next() {
		var r candidate
		if err := rows.Scan(&r.ID, &r.NameKey, &r.Name, &r.text); err != nil {
			return false, err
		}
		if each(r) {
			return true, nil
		}
	}
	return false, rows.Err()
}

// nth returns the place of the nth row after c, or nil when the list has
// fewer rows after c. It steps through the rows of the index alone.
func (l List) nth(tx *gorm.DB, c *Cursor, n int) (*Cursor, error) {
	var rows []row
	err := after(l.rows(tx, "t.id, t.name_key, t.name"), c).Limit(1).Offset(n - 1).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return &Cursor{Key: rows[0].NameKey, Name: rows[0].Name, ID: rows[0].ID}, nil
}
