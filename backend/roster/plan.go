package roster

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/fold"
	"circlebook/backend/model"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// What a plan does with a row.
const (
	ActionCreate = "create" // a new person
	ActionUpdate = "update" // an existing person, matched by email or else by name, gets new values
	ActionSkip   = "skip"   // nothing changes (or the caller skipped the row)
	ActionError  = "error"  // the row cannot be imported as it is: fix it or skip it
)

// reasonSkipped is the reason of a row the caller skipped.
const reasonSkipped = "skipped by you"

// Request is one import as the mapping screen or the CLI sends it.
type Request struct {
	Source
	Mapping  Mapping                   `json:"mapping"`  // header -> field; nil: guessed
	Skip     []int                     `json:"skip"`     // row numbers to leave out
	Fixes    map[int]map[string]string `json:"fixes"`    // row number -> field -> value, over the file's
	Circle   string                    `json:"circle"`   // add everyone to this circle (by name), or ""
	CircleID uint                      `json:"circleId"` // or by id
	Role     string                    `json:"role"`     // their role there
	Cohort   string                    `json:"cohort"`   // the cohort of every row without one of its own, or ""
}

// Source is a roster file: a path on this machine, or its name and bytes
// (browser mode uploads them).
type Source struct {
	Path string `json:"-"` // the CLI's; the page sends Name and Data, never a path to read
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// RowPlan is what the import does with one row, and why.
type RowPlan struct {
	Row         int      `json:"row"` // as the spreadsheet numbers it
	Action      string   `json:"action"`
	Reason      string   `json:"reason"`
	Field       string   `json:"field,omitempty"` // the field an error is about
	Warning     string   `json:"warning,omitempty"`
	Name        string   `json:"name"`
	Email       string   `json:"email"`
	PersonID    uint     `json:"personId,omitempty"` // the person updated or skipped
	Changes     []string `json:"changes,omitempty"`  // the fields an update changes
	JoinsCircle bool     `json:"joinsCircle"`        // the person is added to the circle

	values map[string]string
	person *model.Person // the existing person matched
}

// Plan is a dry run: every row's action, and the counts the screen shows.
type Plan struct {
	Format    string    `json:"format"`
	Encoding  string    `json:"encoding"`
	Delimiter string    `json:"delimiter"`
	HeaderRow int       `json:"headerRow"`
	Mapping   Mapping   `json:"mapping"`
	Rows      []RowPlan `json:"rows"`
	Creates   int       `json:"creates"`
	Updates   int       `json:"updates"`
	Skips     int       `json:"skips"`
	Errors    int       `json:"errors"`
	Joins     int       `json:"joins"`
	Notes     []string  `json:"notes,omitempty"` // about the whole file, e.g. how dates were read
	CircleID  uint      `json:"circleId,omitempty"`

	role string
}

// lookupChunk is how many emails or names one lookup query asks for.
const lookupChunk = 500

// plan works out every row's action inside tx, writing nothing.
func plan(tx *gorm.DB, t Table, req Request, today string) (Plan, error) {
	m := req.Mapping
	if m == nil {
		m = Guess(t)
	}
	if err := checkMapping(t, m); err != nil {
		return Plan{}, err
	}
	p := Plan{Format: t.Format, Encoding: t.Encoding, Delimiter: t.Delimiter, HeaderRow: t.HeaderRow, Mapping: m}
	if err := store.CustomPlans(tx); err != nil {
		return Plan{}, apperr.FromDB(err, "", "plan")
	}
	if err := p.circle(tx, req); err != nil {
		return Plan{}, err
	}
	order := p.dateOrder(t, m)
	skip := map[int]bool{}
	for _, n := range req.Skip {
		skip[n] = true
	}
	p.Rows = make([]RowPlan, len(t.Rows))
	for i, r := range t.Rows {
		rp := &p.Rows[i]
		rp.Row = r.Number
		raw := values(t, r, m, req.Fixes[r.Number])
		if raw[FieldCohort] == "" && req.Cohort != "" {
			raw[FieldCohort] = req.Cohort
		}
		rp.Name, rp.Email = raw[FieldName], raw[FieldEmail]
		if skip[r.Number] {
			rp.Action, rp.Reason = ActionSkip, reasonSkipped
			continue
		}
		v, err := normalize(raw, order, today)
		if err != nil {
			rp.fail(err)
			continue
		}
		rp.values, rp.Email = v, v[FieldEmail]
	}
	p.duplicates()
	if err := p.match(tx); err != nil {
		return Plan{}, err
	}
	if err := p.decide(tx); err != nil {
		return Plan{}, err
	}
	return p, nil
}

// fail marks the row an error, with err's field and message.
func (rp *RowPlan) fail(err error) {
	rp.Action, rp.Reason = ActionError, err.Error()
	var ae *apperr.Error
	if errors.As(err, &ae) {
		rp.Field, rp.Reason = ae.Field, ae.Message
	}
}

// checkMapping refuses a mapping to an unknown column or field, a field
// mapped twice, or one without a name.
func checkMapping(t Table, m Mapping) error {
	used := map[string]string{}
	for h, f := range m {
		if f == "" {
			continue
		}
		if !slices.Contains(t.Headers, h) {
			return apperr.New(apperr.Invalid, "mapping", "The file has no column %q (its columns: %s).", h, strings.Join(t.Headers, ", "))
		}
		if !slices.Contains(Fields, f) {
			return apperr.New(apperr.Invalid, "mapping", "%q is not a field; use one of: %s.", f, strings.Join(Fields, ", "))
		}
		if other, ok := used[f]; ok {
			return apperr.New(apperr.Invalid, "mapping", "Columns %q and %q are both mapped to %s.", other, h, f)
		}
		used[f] = h
	}
	if used[FieldName] == "" && used[FieldFirstName] == "" && used[FieldLastName] == "" {
		return apperr.New(apperr.Invalid, "mapping", "Map a column to name (or to first and last name).")
	}
	return nil
}

// circle finds the circle everyone joins and checks the role, when asked.
func (p *Plan) circle(tx *gorm.DB, req Request) error {
	if req.Circle == "" && req.CircleID == 0 {
		if req.Role != "" {
			return apperr.New(apperr.Invalid, "circle", "Choose the circle the role %q is for.", req.Role)
		}
		return nil
	}
	if err := check.OneOf("role", "Role", strings.TrimSpace(req.Role), model.Roles...); err != nil {
		return err
	}
	q := tx.Select("id")
	if req.CircleID != 0 {
		q = q.Where("id = ?", req.CircleID)
	} else {
		q = q.Where("name_key = ?", fold.Key(req.Circle))
	}
	var found []model.Circle
	if err := q.Limit(2).Find(&found).Error; err != nil {
		return apperr.FromDB(err, "circle", "circle")
	}
	switch len(found) {
	case 0:
		return apperr.New(apperr.NotFound, "circle", "There is no circle %s.", circleName(req))
	case 2:
		return apperr.New(apperr.Invalid, "circle", "More than one circle is named %q; choose it by id.", req.Circle)
	}
	p.CircleID, p.role = found[0].ID, strings.TrimSpace(req.Role)
	return nil
}

func circleName(req Request) string {
	if req.CircleID != 0 {
		return fmt.Sprintf("with id %d", req.CircleID)
	}
	return fmt.Sprintf("named %q", req.Circle)
}

// dateOrder reads the start-date column's order, noting a day-first read
// of ambiguous dates.
func (p *Plan) dateOrder(t Table, m Mapping) dateOrder {
	for i, h := range t.Headers {
		if m[h] != FieldStartDate {
			continue
		}
		var vs []string
		for _, r := range t.Rows {
			vs = append(vs, r.Cells[i])
		}
		o := orderOf(vs)
		switch {
		case o == monthFirst:
			p.Notes = append(p.Notes, "Dates like 03/04/2024 are read month first (some dates have a day over 12 second).")
		case ambiguous(vs):
			p.Notes = append(p.Notes, "Dates like 03/04/2024 are read day first (3 April); a column with 04/13/2024 would be read month first.")
		}
		return o
	}
	return dayFirst
}

// duplicates marks every row whose email an earlier row has (in any case).
func (p *Plan) duplicates() {
	first := map[string]int{}
	for i := range p.Rows {
		rp := &p.Rows[i]
		if rp.values == nil || rp.Email == "" {
			continue
		}
		key := fold.LowerASCII(rp.Email)
		if n, ok := first[key]; ok {
			rp.Action, rp.Field, rp.values = ActionError, FieldEmail, nil
			rp.Reason = fmt.Sprintf("The email %s is already on row %d.", rp.Email, n)
			continue
		}
		first[key] = rp.Row
	}
}
