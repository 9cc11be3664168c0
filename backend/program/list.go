package program

import (
	"time"
	"unicode/utf8"

	"circlebook/backend/apperr"
	"circlebook/backend/circles"
	"circlebook/backend/model"
	"circlebook/backend/paging"
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// MaxCohort is the longest cohort name a filter takes.
const MaxCohort = 200

// currentCircles is every circle not archived, as package paging counts it.
var currentCircles = paging.List{Name: "circles-current", Kind: search.CurrentCircles, Table: "circles",
	Where: "t.status <> '" + model.CircleArchived + "'"}

// List returns a page of the program's circles and pairs (archived ones
// aside) in name order, each with its health, in one read transaction.
func (s *Program) List(req Request) (Page, error) {
	out := Page{Rows: []Row{}}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		out, err = s.page(tx, req)
		return err
	})
	return out, err
}

// page reads the page req asks for inside tx: every current circle
// through package paging (its kept counts reach any offset at once), a
// filtered list from its index.
func (s *Program) page(tx *gorm.DB, req Request) (Page, error) {
	if err := req.check(); err != nil {
		return Page{}, err
	}
	var p paging.Page
	var err error
	if req.Cohort == "" && req.Kind == "" {
		p, err = currentCircles.Page(tx, search.For(tx), paging.Request{Offset: req.Offset, After: req.After, Limit: req.Limit})
	} else {
		p, err = req.filteredPage(tx)
	}
	if err != nil {
		return Page{}, err
	}
	out := Page{Total: p.Total, Capped: p.Capped, Offset: p.Offset, Next: p.Next}
	out.Rows, err = rows(tx, p.IDs, s.now())
	return out, err
}

// filteredPage reads a page of the circles a cohort or a kind keeps: after
// a cursor, or from an offset (within the count, up to paging.Cap+1).
func (r Request) filteredPage(tx *gorm.DB) (paging.Page, error) {
	var after *paging.Cursor
	if r.After != "" {
		c, err := paging.ParseCursor(r.After)
		if err != nil {
			return paging.Page{}, err
		}
		after = &c
	}
	total, capped, err := r.count(tx)
	if err != nil {
		return paging.Page{}, err
	}
	limit, offset := clampLimit(r.Limit), max(r.Offset, 0)
	if after != nil {
		offset = after.Offset
	} else if offset >= total {
		offset = max(total-limit, 0)
	}
	keys, err := r.keys(tx, after, offset, limit+1)
	if err != nil {
		return paging.Page{}, err
	}
	p := paging.Page{IDs: []uint{}, Total: total, Capped: capped, Offset: offset}
	if len(keys) > limit {
		keys = keys[:limit]
		last := keys[limit-1]
		p.Next = paging.Cursor{Key: last.NameKey, Name: last.Name, ID: last.ID, Offset: offset + limit}.String()
	}
	for _, k := range keys {
		p.IDs = append(p.IDs, k.ID)
	}
	return p, nil
}

// check refuses a kind that is not one and a cohort name too long to be one.
func (r Request) check() error {
	if r.Kind != "" && r.Kind != model.KindGroup && r.Kind != model.KindPair {
		return apperr.New(apperr.Invalid, "kind", "Choose circles, pairs or both.")
	}
	if utf8.RuneCountInString(r.Cohort) > MaxCohort {
		return apperr.New(apperr.TooLong, "cohort", "A cohort's name is at most %d characters.", MaxCohort)
	}
	return nil
}

// key is a listed circle's place in name order.
type key struct {
	ID      uint
	NameKey string
	Name    string
}

// filtered starts a query on the circles req's filters keep, as t.
func (r Request) filtered(tx *gorm.DB) *gorm.DB {
	db := tx.Table("circles t").Where("t.status <> ?", model.CircleArchived)
	if r.Cohort != "" {
		db = db.Where("t.cohort = ?", r.Cohort)
	}
	if r.Kind != "" {
		db = db.Where("t.kind = ?", r.Kind)
	}
	return db
}

// keys reads up to n of the filtered circles in name order, after after
// or else skipping offset: a walk of the cohort's or the kind's (cohort or
// kind, name_key, name, id) index.
func (r Request) keys(tx *gorm.DB, after *paging.Cursor, offset, n int) ([]key, error) {
	db := r.filtered(tx).Select("t.id, t.name_key, t.name")
	if after != nil {
		db = db.Where("(t.name_key, t.name) >= (?, ?) AND (t.name_key > ? OR t.name > ? OR t.id > ?)",
			after.Key, after.Name, after.Key, after.Name, after.ID)
	} else {
		db = db.Offset(offset)
	}
	var out []key
	err := db.Order("t.name_key, t.name, t.id").Limit(n).Scan(&out).Error
	return out, err
}

// count counts the circles a cohort or a kind keeps, up to paging.Cap+1.
func (r Request) count(tx *gorm.DB) (int, bool, error) {
	var n int
	err := tx.Raw("SELECT COUNT(*) FROM (?) AS c", r.filtered(tx).Select("1").Limit(paging.Cap+1)).Scan(&n).Error
	return min(n, paging.Cap+1), n > paging.Cap, err
}

// clampLimit applies the list's page size rules.
func clampLimit(n int) int {
	switch {
	case n <= 0:
		return paging.DefaultLimit
	case n > paging.MaxLimit:
		return paging.MaxLimit
	}
	return n
}

// rows reads the program rows of the circles ids names, in that order.
func rows(tx *gorm.DB, ids []uint, now time.Time) ([]Row, error) {
	sums, err := circles.Summaries(tx, ids, now)
	if err != nil {
		return nil, err
	}
	figs, err := figures(tx, ids, now)
	if err != nil {
		return nil, err
	}
	out := make([]Row, len(sums))
	for i, sum := range sums {
		f := figs[sum.ID]
		out[i] = Row{Summary: sum, Cohort: f.Cohort, HeldSessions: f.Held, LastHeld: f.lastHeldDate(),
			OpenActions: f.Open, OverdueActions: f.Overdue, ActiveGoals: f.Active, AtRiskGoals: f.AtRisk}
		out[i].Health, out[i].Reasons = health(out[i], f, now)
	}
	return out, nil
}

// All returns every row req's filters keep, in name order, read a page at
// a time in tx (an export's one read transaction): at most max of them,
// and refused, naming the filters, when more would come.
func (s *Program) All(tx *gorm.DB, req Request, max int) ([]Row, error) {
	req.After, req.Offset, req.Limit = "", 0, paging.MaxLimit
	var out []Row
	for {
		page, err := s.page(tx, req)
		if err != nil {
			return nil, err
		}
		if len(out)+len(page.Rows) > max {
			return nil, apperr.New(apperr.Invalid, "cohort",
				"The program view holds more than %d circles: export one cohort, or pairs and groups apart.", max)
		}
		out = append(out, page.Rows...)
		if page.Next == "" {
			return out, nil
		}
		req.After = page.Next
	}
}
