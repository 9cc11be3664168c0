// Package find is search across everything: one query over circles,
// people, sessions, notes, action items, goals and topics, grouped by kind,
// with a snippet of each hit's own text around the match. It reads the
// full-text indexes of migration 2026-12-04-search-everything through
// backend/search, and remembers recent searches and opened items.
package find

import (
	"slices"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/search"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// Find is the search service the palette and `circlebook search` call.
type Find struct {
	db  *gorm.DB
	now func() time.Time
}

// New returns the search service over db.
func New(db *gorm.DB, now func() time.Time) *Find { return &Find{db: db, now: now} }

// Request is one search: what was typed, an optional circle (by name), the
// kinds wanted (all when empty) and how many hits a kind shows (0: 5, at most 50).
type Request struct {
	Query  string   `json:"query"`
	Circle string   `json:"circle"`
	Kinds  []string `json:"kinds"`
	Limit  int      `json:"limit"`
}

// Results are a search's hits, grouped by kind in the palette's order.
type Results struct {
	Query  string   `json:"query"`
	Hint   string   `json:"hint"`
	Marks  []string `json:"marks"`
	Groups []Group  `json:"groups"`
}

// Group is one kind's hits, newest first; More says there are more matches than shown.
type Group struct {
	Kind  string `json:"kind"`
	Label string `json:"label"`
	Hits  []Hit  `json:"hits"`
	More  bool   `json:"more"`
}

// Hit is one record found, with where it lives and the route that opens it.
type Hit struct {
	Kind    string `json:"kind"`
	ID      uint   `json:"id"`
	UUID    string `json:"uuid"`
	Title   string `json:"title"`
	Where   string `json:"where"`
	Snippet []Span `json:"snippet"`
	Private bool   `json:"private"`
	Date    string `json:"date"`
	Circle  string `json:"circle"`
	Route   string `json:"route"`
}

// Span is a piece of a snippet; Mark says it matched a word of the query.
type Span struct {
	Text string `json:"text"`
	Mark bool   `json:"mark"`
}

// DefaultLimit and MaxLimit bound the hits a kind shows.
const (
	DefaultLimit = 5
	MaxLimit     = 50
)

// Search finds what req.Query names. It never writes. Anything typed is a
// search; only a query over search.MaxQueryLen characters is refused.
func (f *Find) Search(req Request) (Results, error) {
	if len([]rune(req.Query)) > search.MaxQueryLen {
		return Results{}, apperr.New(apperr.TooLong, "query", "A search can be at most 10,000 characters.")
	}
	t := search.ParseTerms(req.Query)
	out := Results{Query: req.Query, Hint: t.Hint, Marks: t.Marks(), Groups: []Group{}}
	if out.Marks == nil {
		out.Marks = []string{}
	}
	if t.Empty() {
		return out, nil
	}
	limit := req.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	err := store.Read(f.db, func(tx *gorm.DB) error {
		circles, err := circleIDs(tx, t, req)
		if err != nil || (circles != nil && len(circles) == 0) {
			return err // no circle of that name: nothing is in it
		}
		for _, k := range kinds {
			if !wanted(k.kind, t.Kinds, req.Kinds) {
				continue
			}
			g, err := k.group(tx, t, req, circles, limit)
			if err != nil {
				return err
			}
			if len(g.Hits) > 0 {
				out.Groups = append(out.Groups, g)
			}
		}
		return nil
	})
	return out, err
}

// wanted reports whether kind is among both lists of kinds (an empty list wants every kind).
func wanted(kind string, lists ...[]string) bool {
	for _, l := range lists {
		if len(l) > 0 && !slices.Contains(l, kind) {
			return false
		}
	}
	return true
}
