// Package paging pages the long lists (circles, people) in name order: by
// the folded key (fold.Key), then the name as written, then the id. A page
// comes from an index walk with a LIMIT, never from sorting the table; the
// size of a list comes from kept counts (name_prefixes), and so does the
// place to start an offset jump. A search narrows a list through
// backend/search, whose index gives the matches in list order: on SQLite a
// page of one costs the matches before it (at most about Cap: past Cap,
// Total says only that there are more, and an offset goes no further),
// wherever they lie and however many there are; on PostgreSQL, whose GIN
// index gives its matches in no order, it costs the matches, all of them,
// and never a test of the rows between them.
package paging

import (
	"circlebook/backend/apperr"
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// Page sizes: Limit 0 asks for DefaultLimit; more than MaxLimit gets MaxLimit.
const (
	DefaultLimit = 50
	MaxLimit     = 100
)

// Cap is how many matches a search counts exactly; past it, Total is Cap+1
// and Capped is set.
const Cap = 1000

// Request is what a list call asks for.
type Request struct {
	Query  string // words that must start words of the row's search text
	Offset int    // row index to start at, when After is empty
	After  string // a cursor from a previous page's Next
	Limit  int
}

// Page is one page of a list: the ids of its rows in order, and where it lies.
type Page struct {
	IDs    []uint
	Total  int  // rows in the list (matching the query), at most Cap+1 for a search
	Capped bool // a search matched more than Cap rows
	Offset int  // the index of IDs[0] in the whole list
	Next   string
}

// List is one of the lists name_prefixes counts.
type List struct {
	Name  string      // its name in name_prefixes
	Kind  search.Kind // its name in the search index
	Table string
	Where string // the condition a row of Table must meet to be in it, or ""
}

// Page returns the page r asks for, read inside tx.
func (l List) Page(tx *gorm.DB, idx search.Index, r Request) (Page, error) {
	limit := clampLimit(r.Limit)
	var after *Cursor
	if r.After != "" {
		c, err := ParseCursor(r.After)
		if err != nil {
			return Page{}, err
		}
		after = &c
	}
	q := search.Parse(r.Query)
	if q.Empty() {
		return l.plain(tx, after, max(r.Offset, 0), limit)
	}
	return l.search(tx, idx, q, after, max(r.Offset, 0), limit)
}

// clampLimit applies the page size rules.
func clampLimit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// row is a list row's place in the order.
type row struct {
	ID      uint
	NameKey string
	Name    string
}

// finish trims rows (read one past limit) to a page starting at offset.
func finish(rows []row, limit, offset, total int, capped bool) Page {
	p := Page{IDs: make([]uint, 0, min(len(rows), limit)), Total: total, Capped: capped, Offset: offset}
	if len(rows) > limit {
		rows = rows[:limit]
		last := rows[limit-1]
		p.Next = Cursor{Key: last.NameKey, Name: last.Name, ID: last.ID, Offset: offset + limit}.String()
	}
	for _, r := range rows {
		p.IDs = append(p.IDs, r.ID)
	}
	return p
}

// errCursor is the answer to a cursor this package did not write.
func errCursor() error {
	return apperr.New(apperr.Invalid, "after", "That page of the list is no longer available: start from the top.")
}
