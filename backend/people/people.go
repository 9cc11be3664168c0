// Package people is the service behind the people list and the person page.
package people

import (
	"errors"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// People manages the people in the program.
type People struct {
	db  *gorm.DB
	now func() time.Time
}

// New returns the people service over db.
func New(db *gorm.DB, now func() time.Time) *People {
	return &People{db: db, now: now}
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
}

func (in PersonInput) normalize() PersonInput {
	for _, p := range []*string{&in.Name, &in.Email, &in.Pronouns, &in.Title, &in.Team, &in.Location, &in.TimeZone, &in.StartDate} {
		*p = strings.TrimSpace(*p)
	}
	return in
}

func (in PersonInput) validate() error {
	return check.First(
		check.Required("name", "Name", in.Name),
		check.Email("email", in.Email),
		check.Text("pronouns", in.Pronouns),
		check.Text("title", in.Title),
		check.Text("team", in.Team),
		check.Text("location", in.Location),
		check.TimeZone("timeZone", in.TimeZone),
		check.Date("startDate", in.StartDate),
		check.Text("strengths", in.Strengths),
		check.Text("growthAreas", in.GrowthAreas),
		check.Text("privateNote", in.PrivateNote),
	)
}

func (in PersonInput) apply(p *model.Person) {
	p.Name, p.Email, p.Pronouns, p.Title, p.Team = in.Name, in.Email, in.Pronouns, in.Title, in.Team
	p.Location, p.TimeZone, p.StartDate = in.Location, in.TimeZone, in.StartDate
	p.Strengths, p.GrowthAreas, p.PrivateNote = in.Strengths, in.GrowthAreas, in.PrivateNote
}

// Create adds a person.
func (s *People) Create(in PersonInput) (model.Person, error) {
	var p model.Person
	err := s.db.Transaction(func(tx *gorm.DB) (err error) {
		p, err = Insert(tx, in)
		return err
	})
	return p, err
}

// Insert validates and adds a person inside the caller's transaction, for
// actions that create a person along with something else.
func Insert(tx *gorm.DB, in PersonInput) (model.Person, error) {
	in = in.normalize()
	if err := in.validate(); err != nil {
		return model.Person{}, err
	}
	var p model.Person
	in.apply(&p)
	return p, save(tx, &p)
}

// Update replaces a person's editable fields.
func (s *People) Update(id uint, in PersonInput) (model.Person, error) {
	in = in.normalize()
	if err := in.validate(); err != nil {
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
