package roster

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// batch is how many rows one INSERT writes.
const batch = 200

// Result is an applied import: its plan and what was written.
type Result struct {
	Plan     Plan `json:"plan"`
	ImportID uint `json:"importId"` // what Undo undoes
	Created  int  `json:"created"`
	Updated  int  `json:"updated"`
	Joined   int  `json:"joined"`
}

// Import plans the rows and, when no row is an error, writes all of them in
// one transaction: new people, changed ones, and everyone's membership of
// the circle asked for; then records what it did, for Undo. With any error
// row it writes nothing and returns the plan with an Invalid error that
// names the rows.
func (s *Roster) Import(req Request) (Result, error) {
	t, err := req.read()
	if err != nil {
		return Result{}, err
	}
	var res Result
	err = s.db.Transaction(func(tx *gorm.DB) error {
		p, err := plan(tx, t, req, s.today())
		if err != nil {
			return err
		}
		res.Plan = p
		if p.Errors > 0 {
			return errorRows(p)
		}
		return s.write(tx, &res, fileName(req.Source))
	})
	return res, err
}

// errorRows is the error of a plan with error rows, naming the first few.
func errorRows(p Plan) error {
	var rows []string
	for _, rp := range p.Rows {
		if rp.Action == ActionError && len(rows) < 10 {
			rows = append(rows, fmt.Sprintf("%d", rp.Row))
		}
	}
	more := ""
	if p.Errors > len(rows) {
		more = fmt.Sprintf(" and %d more", p.Errors-len(rows))
	}
	return apperr.New(apperr.Invalid, "rows", "Nothing was imported: fix or skip row %s%s first.", strings.Join(rows, ", "), more)
}

func fileName(src Source) string {
	if src.Path != "" {
		return filepath.Base(src.Path)
	}
	return src.Name
}

// written is what an import wrote, kept so Undo can put it back.
type written struct {
	Created     []uint     `json:"created"`
	Updated     []snapshot `json:"updated"` // the people as they were before
	Memberships []uint     `json:"memberships"`
}

// snapshot is a person's columns an import may change, as they were.
type snapshot struct {
	ID           uint      `json:"id"`
	Name         string    `json:"name"`
	Email        string    `json:"email"`
	Pronouns     string    `json:"pronouns"`
	Title        string    `json:"title"`
	Team         string    `json:"team"`
	Organization string    `json:"organization"`
	Location     string    `json:"location"`
	TimeZone     string    `json:"timeZone"`
	StartDate    string    `json:"startDate"`
	RoleWanted   string    `json:"roleWanted"`
	Strengths    string    `json:"strengths"`
	GrowthAreas  string    `json:"growthAreas"`
	Languages    string    `json:"languages"`
	Capacity     int       `json:"capacity"`
	Cohort       *string   `json:"cohort,omitempty"` // nil in the records of imports made before it was kept
	UpdatedAt    time.Time `json:"updatedAt"`
}

func snapshotOf(p model.Person) snapshot {
	return snapshot{p.ID, p.Name, p.Email, p.Pronouns, p.Title, p.Team, p.Organization, p.Location, p.TimeZone,
		p.StartDate, p.RoleWanted, p.Strengths, p.GrowthAreas, p.Languages, p.Capacity, &p.Cohort, p.UpdatedAt}
}

// importRow is one applied import in roster_imports.
type importRow struct {
	ID        uint `gorm:"primaryKey"`
	CreatedAt time.Time
	File      string
	Record    string
	UndoneAt  *time.Time
}

func (importRow) TableName() string { return "roster_imports" }

// write applies a plan free of errors inside tx and records it.
func (s *Roster) write(tx *gorm.DB, res *Result, file string) error {
	p := &res.Plan
	var rec written
	var created []model.Person
	var updated []*model.Person
	createdRow := map[int]int{} // index in created -> index in p.Rows
	for i := range p.Rows {
		rp := &p.Rows[i]
		switch rp.Action {
		case ActionCreate:
			var np model.Person
			for f, v := range rp.values {
				set(&np, f, v)
			}
			createdRow[len(created)] = i
			created = append(created, np)
		case ActionUpdate:
			rec.Updated = append(rec.Updated, snapshotOf(*rp.person))
			for _, f := range rp.Changes {
				set(rp.person, f, rp.values[f])
			}
			updated = append(updated, rp.person)
		}
	}
	if err := updatePeople(tx, updated, tx.NowFunc()); err != nil {
		return personWriteError(err)
	}
	res.Updated = len(updated)
	if len(created) > 0 {
		if err := personWriteError(tx.CreateInBatches(&created, batch).Error); err != nil {
			return err
		}
	}
	for j, np := range created {
		p.Rows[createdRow[j]].PersonID = np.ID
		rec.Created = append(rec.Created, np.ID)
	}
	res.Created = len(created)
	if err := s.join(tx, p, &rec); err != nil {
		return err
	}
	res.Joined = len(rec.Memberships)
	if res.Created+res.Updated+res.Joined == 0 {
		return nil // nothing changed: nothing to undo either
	}
	return s.remember(tx, res, file, rec)
}

// personWriteError maps a failed write of people: a duplicate email
// (someone wrote it meanwhile) is a conflict.
func personWriteError(err error) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return apperr.New(apperr.Conflict, "rows", "Someone else already has one of the file's emails; run the dry run again.")
	}
	return apperr.FromDB(err, "", "person")
}

// join adds each row's person to the plan's circle with its role.
func (s *Roster) join(tx *gorm.DB, p *Plan, rec *written) error {
	if p.CircleID == 0 {
		return nil
	}
	today := s.today()
	var ms []model.Membership
	for _, rp := range p.Rows {
		if rp.JoinsCircle {
			ms = append(ms, model.Membership{CircleID: p.CircleID, PersonID: rp.PersonID, Role: p.role, JoinedOn: today})
		}
	}
	if len(ms) == 0 {
		return nil
	}
	if err := tx.CreateInBatches(&ms, batch).Error; err != nil {
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			return apperr.New(apperr.Conflict, "circle", "Someone was added to the circle meanwhile; run the dry run again.")
		}
		return apperr.FromDB(err, "circle", "member")
	}
	for _, m := range ms {
		rec.Memberships = append(rec.Memberships, m.ID)
	}
	return nil
}

// remember records the import for Undo.
func (s *Roster) remember(tx *gorm.DB, res *Result, file string, rec written) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	row := importRow{CreatedAt: s.now(), File: file, Record: string(b)}
	if err := tx.Create(&row).Error; err != nil {
		return apperr.FromDB(err, "", "import")
	}
	res.ImportID = row.ID
	return nil
}
