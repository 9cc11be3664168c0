package paging

import (
	"cmp"

	"circlebook/backend/search"

	"gorm.io/gorm"
)

// A search of one word finds two kinds of rows. Those whose name starts
// with the word (the leading matches: Zoë Walker for "zo") lie together in
// the list, from the word to the last key that starts with it, so the name
// index reads them in order, a step a row, with no test and no sort. The
// others, where the word starts a later word (a surname, a team, an email),
// only the full-text index finds; it finds them apart from the leading
// ones (search.Query.Rest), and only they are read and sorted. A name that
// starts with no word ("(Zoë)", "¿Ana?") is neither for sure: the few rows
// of such names are walked and tested. Merged, the three give the matches
// in order at the cost of sorting the rest alone: none for a first name
// ("zoe", "ximena"), however late it sorts.

// split returns the want rows after c (from the start when c is nil),
// skipping skip, of the one-word search q whose rest is rest. The others
// (the rest, and the names of no word) are read in full up to the page's
// end; of the leading matches, the ones that lie before the page for sure
// (skip less the others) are passed over in SQLite, so a jump into a long
// run of them reads only the page and the others' worth.
func (l List) split(tx *gorm.DB, idx search.Index, q, rest search.Query, c *Cursor, skip, want int) ([]row, error) {
	sorted, err := l.sorted(tx, idx, rest, c, 0, skip+want)
	if err != nil {
		return nil, err
	}
	odd, err := l.unworded(tx, q, c, skip+want)
	if err != nil {
		return nil, err
	}
	others := merge(sorted, odd)
	from := max(skip-len(others), 0)
	lead, err := l.leading(tx, q.Words()[0], c, from, len(others)+want)
	if err == nil && len(lead) == 0 && from > 0 { // fewer leading matches than that: read them all
		from = 0
		lead, err = l.leading(tx, q.Words()[0], c, 0, skip+want)
	}
	if err != nil {
		return nil, err
	}
	at := from // the place of the first row merged
	if from > 0 {
		before := 0 // the others before lead[0] lie before the page too
		for before < len(others) && byOrder(others[before], lead[0]) < 0 {
			before++
		}
		others, at = others[before:], from+before
	}
	rows := merge(lead, others)
	return rows[min(skip-at, len(rows)):min(skip-at+want, len(rows))], nil
}

// merge merges two runs of rows in list order into one, once each (a name
// of no word may be a rest too).
func merge(a, b []row) []row {
	out := make([]row, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		switch c := byOrder(a[0], b[0]); {
		case c < 0:
			out, a = append(out, a[0]), a[1:]
		case c > 0:
			out, b = append(out, b[0]), b[1:]
		default:
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// byOrder compares rows in list order, as SQLite compares the keys (bytes).
func byOrder(a, b row) int {
	return cmp.Or(cmp.Compare(a.NameKey, b.NameKey), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
}

// leading reads, of the rows after c whose key starts with word, n rows
// from the skip-th.
func (l List) leading(tx *gorm.DB, word string, c *Cursor, skip, n int) ([]row, error) {
	var rows []row
	err := within(l.rows(tx, "t.id, t.name_key, t.name"), word, c).Limit(n).Offset(skip).Scan(&rows).Error
	return rows, err
}

// within narrows db to the rows after c whose key starts with prefix
// (whose key is empty, for an empty prefix), with one lower bound: c's when
// c lies in the range, else the prefix. Given both, SQLite, which cannot
// tell the nearer, could start from the other and step through every row
// in between.
func within(db *gorm.DB, prefix string, c *Cursor) *gorm.DB {
	switch {
	case prefix == "" && c == nil:
		return db.Where("t.name_key = ''")
	case prefix == "":
		return after(db, c).Where("t.name_key = ''")
	case c != nil && c.Key >= prefix:
		return after(db, c).Where("t.name_key <= ?", prefix+lastRune)
	}
	return db.Where("t.name_key >= ? AND t.name_key <= ?", prefix, prefix+lastRune)
}

// unworded walks the rows after c whose key starts with no word, keeping up
// to n that match q.
func (l List) unworded(tx *gorm.DB, q search.Query, c *Cursor, n int) ([]row, error) {
	buckets, _, err := l.unwordedBuckets(tx)
	if err != nil {
		return nil, err
	}
	var out []row
	for _, prefix := range buckets {
		db := within(l.rows(tx, "t.id, t.name_key, t.name, t."+l.Search), prefix, c)
		_, err := l.candidates(db, q, func(r candidate) bool {
			if q.Match(r.text) {
				out = append(out, r.row)
			}
			return len(out) == n
		})
		if err != nil || len(out) == n {
			return out, err
		}
	}
	return out, nil
}

// unwordedBuckets returns the first characters of the list's keys that
// start with no word (from the kept counts), in order, and how many rows
// they start.
func (l List) unwordedBuckets(tx *gorm.DB) ([]string, int, error) {
	var buckets []struct {
		Prefix string
		N      int
	}
	err := tx.Table("name_prefixes").Select("prefix, n").Where("list = ? AND depth = 1 AND n > 0", l.Name).
		Order("prefix").Scan(&buckets).Error
	var prefixes []string
	rows := 0
	for _, b := range buckets {
		if words := search.Words(b.Prefix); len(words) != 1 || words[0] != b.Prefix {
			prefixes, rows = append(prefixes, b.Prefix), rows+b.N
		}
	}
	return prefixes, rows, err
}
