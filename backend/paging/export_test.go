package paging

import (
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// SetWalk sets, until the test ends, how many rows a capped search walks
// before it first considers sorting its matches, and what it reckons one
// match's sort costs in rows walked: a cost of 0 makes it sort at its first
// chance, a huge one makes it walk to the end.
func SetWalk(cleanup func(func()), first int, cost float64) {
	was, wasCost := firstWalk, sortCost
	firstWalk, sortCost = first, cost
	cleanup(func() { firstWalk, sortCost = was, wasCost })
}

// WalkRows reads n rows of l from its top as a capped search's walk does,
// for query, and returns how many of them crossed into Go to be tested.
func WalkRows(tx *gorm.DB, l List, query string, n int) (int, error) {
	w := &walker{q: search.Parse(query), want: n + 1}
	_, err := l.walk(tx, w, n)
	return w.seen, err
}

// SortMatches reads and sorts the matches of query as a capped search's
// sort does, and returns how many there are.
func SortMatches(tx *gorm.DB, l List, idx search.Index, query string) (int, error) {
	q := search.Parse(query)
	if _, err := l.sorted(tx, idx, q, nil, 0, DefaultLimit+1); err != nil {
		return 0, err
	}
	return idx.Count(tx, l.Kind, q, 1<<30)
}
