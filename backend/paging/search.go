package paging

import (
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// search pages the rows matching q from the index, which gives them in
// list order: it reads the page from its place on (after the cursor, or
// skipping the offset) and counts the matches up to Cap+1, so a page costs
// the matches before it, at most about Cap, and never a sort (on SQLite;
// see search.Tsvector for PostgreSQL). A first page that holds every match
// is its own count.
func (l List) search(tx *gorm.DB, idx search.Index, q search.Query, c *Cursor, offset, limit int) (Page, error) {
	if page, ok, err := l.jump(tx, idx, q, c, offset, limit); ok || err != nil {
		return page, err
	}
	var first []search.Key
	if c == nil && offset == 0 {
		var err error
		if first, err = idx.Page(tx, l.Kind, q, nil, 0, limit+1); err != nil {
			return Page{}, err
		}
		if len(first) <= limit {
			return finish(rows(first), limit, 0, len(first), false), nil
		}
	}
	n, err := idx.Count(tx, l.Kind, q, Cap+1)
	if err != nil {
		return Page{}, err
	}
	total, capped := min(n, Cap+1), n > Cap
	if first != nil {
		return finish(rows(first), limit, 0, total, capped), nil
	}
	var after *search.Key
	switch {
	case c != nil:
		after, offset = &search.Key{ID: c.ID, NameKey: c.Key, Name: c.Name}, c.Offset
	case capped && offset > Cap:
		offset = max(Cap+1-limit, 0)
	case !capped && offset >= n:
		offset = max(n-limit, 0)
	}
	skip := offset
	if after != nil {
		skip = 0
	}
	keys, err := idx.Page(tx, l.Kind, q, after, skip, limit+1)
	return finish(rows(keys), limit, offset, total, capped), err
}

// jumper is an index whose page of a far offset jump counts the matches
// as it reads them (search.Tsvector: it reads and sorts them all).
type jumper interface {
	Jump(db *gorm.DB, kind search.Kind, q search.Query, skip, n int) ([]search.Key, int, bool, error)
}

// jump serves an offset jump from one read of a jumper index: the page and
// the count together. ok is false when the index is no jumper, the page is
// not an offset jump it serves, or the offset lies past the matches or
// past Cap of them (search then clamps it, as for any index).
func (l List) jump(tx *gorm.DB, idx search.Index, q search.Query, c *Cursor, offset, limit int) (Page, bool, error) {
	j, is := idx.(jumper)
	if !is || c != nil || offset == 0 || offset > Cap {
		return Page{}, false, nil
	}
	keys, n, ok, err := j.Jump(tx, l.Kind, q, offset, limit+1)
	if err != nil || !ok {
		return Page{}, false, err
	}
	return finish(rows(keys), limit, offset, min(n, Cap+1), n > Cap), true, nil
}

// rows are the index's keys as rows of a page.
func rows(keys []search.Key) []row {
	out := make([]row, len(keys))
	for i, k := range keys {
		out[i] = row{ID: k.ID, NameKey: k.NameKey, Name: k.Name}
	}
	return out
}
