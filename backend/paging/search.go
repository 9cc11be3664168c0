package paging

import (
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// search pages the rows matching q. Up to Cap matches are read from the
// index and sorted by name. Past Cap (a capped search), a page comes from
// capped: a walk of the list in order, or a sort of the matches when the
// walk turns out dearer.
func (l List) search(tx *gorm.DB, idx search.Index, q search.Query, c *Cursor, offset, limit int) (Page, error) {
	n, err := l.matches(tx, idx, q)
	if err != nil {
		return Page{}, err
	}
	if n <= Cap {
		if c == nil && offset >= n {
			offset = max(n-limit, 0)
		}
		rows, err := l.sorted(tx, idx, q, c, offset, limit+1)
		if c != nil {
			offset = c.Offset
		}
		return finish(rows, limit, offset, n, false), err
	}
	if c != nil {
		rows, err := l.capped(tx, idx, q, c, 0, limit+1)
		return finish(rows, limit, c.Offset, Cap+1, true), err
	}
	if offset > Cap {
		offset = max(Cap+1-limit, 0)
	}
	rows, err := l.capped(tx, idx, q, nil, offset, limit+1)
	return finish(rows, limit, offset, Cap+1, true), err
}

// sorted reads the matches from the index, sorts them by name and returns
// the want rows after c (from the start when c is nil), skipping skip: it
// reads every match once, so it costs what the matches number.
func (l List) sorted(tx *gorm.DB, idx search.Index, q search.Query, c *Cursor, skip, want int) ([]row, error) {
	from, args := idx.From(l.Kind, "t", q)
	db := tx.Table(from, args...).Select("t.id, t.name_key, t.name").Order(byName).Limit(want).Offset(skip)
	if l.Where != "" {
		db = db.Where(l.Where)
	}
	if c != nil {
		db = db.Where("(t.name_key, t.name, t.id) > (?, ?, ?)", c.Key, c.Name, c.ID)
	}
	var rows []row
	err := db.Scan(&rows).Error
	return rows, err
}

// matches counts the list's rows matching q, up to Cap+1.
func (l List) matches(tx *gorm.DB, idx search.Index, q search.Query) (int, error) {
	if l.Where == "" {
		return idx.Count(tx, l.Kind, q, Cap+1)
	}
	from, args := idx.From(l.Kind, "t", q)
	var n int
	err := tx.Raw("SELECT COUNT(*) FROM (?)", tx.Table(from, args...).Select("1").Where(l.Where).Limit(Cap+1)).Scan(&n).Error
	return n, err
}
