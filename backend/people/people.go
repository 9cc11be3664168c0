// Package people is the service behind the people list and the person page.
package people

import (
	"errors"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// People manages the people in the program.
type People struct {
	db    *gorm.DB
	now   func() time.Time
	index search.Index
}

// New returns the people service over db.
func New(db *gorm.DB, now func() time.Time) *People {
	return &People{db: db, now: now, index: search.For(db)}
}

// PersonInput is what the person form sends.
type PersonInput struct {
	Name        string `json:"name"`
	Email       string `json:"email"`
	Pronouns    string `json:"pronouns"`
	Title       string `json:"title"`
	Team        string `json:"team"`
	Location    string `json:"location"`
	TimeZone    string `json:"timeZone"`
	StartDate   string `json:"startDate"`
	Strengths   string `json:"strengths"`
	GrowthAreas string `json:"growthAreas"`
	PrivateNote string `json:"privateNote"`

	// What matching and forming read (backend/pairing).
	Organization string `json:"organization"`
	RoleWanted   string `json:"roleWanted"` // mentor, mentee, both, or ""
	Languages    string `json:"languages"`
	Capacity     int    `json:"capacity"` // mentees they take as a mentor, 0 to MaxCapacity
	Cohort       string `json:"cohort"`
	OrgPref      string `json:"orgPref"` // a partner from the same organization, a different one ("") or any
}

// MaxCapacity is the most mentees a person can take.
const MaxCapacity = 20

func (in PersonInput) normalize() PersonInput {
	for _, p := range []*string{&in.Name, &in.Email, &in.Pronouns, &in.Title, &in.Team, &in.Location, &in.TimeZone, &in.StartDate,
		&in.Organization, &in.RoleWanted, &in.Languages, &in.Cohort} {
		*p = strings.TrimSpace(*p)
	}
	return in
}

// validate checks every field against its limit; today (YYYY-MM-DD) bounds
// the start date, since tenure cannot start in the future.
func (in PersonInput) validate(today string) error {
	return check.All(
		check.RequiredUpTo("name", "Name", in.Name, check.MaxName),
		check.Email("email", in.Email),
		check.UpTo("pronouns", in.Pronouns, check.MaxTitle),
		check.UpTo("title", in.Title, check.MaxTitle),
		check.UpTo("team", in.Team, check.MaxTitle),
		check.UpTo("location", in.Location, check.MaxTitle),
		check.TimeZone("timeZone", in.TimeZone),
		check.First(check.Date("startDate", in.StartDate), check.NotFuture("startDate", in.StartDate, today)),
		check.UpTo("strengths", in.Strengths, check.MaxProse),
		check.UpTo("growthAreas", in.GrowthAreas, check.MaxProse),
		check.UpTo("privateNote", in.PrivateNote, check.MaxProse),
		check.UpTo("organization", in.Organization, check.MaxTitle),
		check.UpTo("languages", in.Languages, check.MaxTitle),
		check.UpTo("cohort", in.Cohort, check.MaxTitle),
		roleWanted(in.RoleWanted),
		capacity(in.Capacity),
		orgPref(in.OrgPref),
	)
}

// roleWanted refuses a role that is not one a person can want in matching.
func roleWanted(v string) error {
	if v == "" || v == model.WantsMentor || v == model.WantsMentee || v == model.WantsBoth {
		return nil
	}
	return apperr.New(apperr.Invalid, "roleWanted", "Choose mentor, mentee or either.")
}

// orgPref refuses an organization preference that is not one.
func orgPref(v string) error {
	if v == "" || v == "same" || v == "different" || v == "any" {
		return nil
	}
	return apperr.New(apperr.Invalid, "orgPref", "Choose the same organization, another, or either.")
}

// capacity refuses a number of mentees out of range.
func capacity(n int) error {
	if n < 0 || n > MaxCapacity {
		return apperr.New(apperr.Invalid, "capacity", "A mentor takes 0 to %d mentees.", MaxCapacity)
	}
	return nil
}

func (in PersonInput) apply(p *model.Person) {
	p.Name, p.Email, p.Pronouns, p.Title, p.Team = in.Name, in.Email, in.Pronouns, in.Title, in.Team
	p.Location, p.TimeZone, p.StartDate = in.Location, in.TimeZone, in.StartDate
	p.Strengths, p.GrowthAreas, p.PrivateNote = in.Strengths, in.GrowthAreas, in.PrivateNote
	p.Organization, p.RoleWanted, p.Languages, p.Capacity, p.Cohort = in.Organization, in.RoleWanted, in.Languages, in.Capacity, in.Cohort
	p.OrgPref = in.OrgPref
}

// Create adds a person.
func (s *People) Create(in PersonInput) (model.Person, error) {
	var p model.Person
	err := s.db.Transaction(func(tx *gorm.DB) (err error) {
		p, err = Insert(tx, in, s.now().Format(check.DateLayout))
		return err
	})
	return p, err
}

// Insert validates and adds a person inside the caller's transaction, for
// actions that create a person along with something else; today
// (YYYY-MM-DD) is the latest start date it accepts.
func Insert(tx *gorm.DB, in PersonInput, today string) (model.Person, error) {
	in = in.normalize()
	if err := in.validate(today); err != nil {
		return model.Person{}, err
	}
	var p model.Person
	in.apply(&p)
	return p, save(tx, &p)
}

// Update replaces a person's editable fields.
func (s *People) Update(id uint, in PersonInput) (model.Person, error) {
	in = in.normalize()
	if err := in.validate(s.now().Format(check.DateLayout)); err != nil {
		return model.Person{}, err
	}
	var p model.Person
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := find(tx, id, &p); err != nil {
			return err
		}
		in.apply(&p)
		return save(tx, &p)
	})
	return p, err
}

// Delete removes a person, their memberships and attendance marks.
func (s *People) Delete(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		return apperr.Deleted(tx.Delete(&model.Person{}, id), "person", id)
	})
}

func save(tx *gorm.DB, p *model.Person) error {
	err := tx.Save(p).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return apperr.New(apperr.Conflict, "email", "Someone else already has the email %s.", p.Email)
	}
	return apperr.FromDB(err, "", "person")
}

func find(tx *gorm.DB, id uint, p *model.Person) error {
	err := tx.Take(p, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.Missing("person", id)
	}
	return apperr.FromDB(err, "", "person")
}
