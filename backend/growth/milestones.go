package growth

import (
	"errors"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// MaxMilestones caps the milestones a person's list shows.
const MaxMilestones = 200

// Milestones manages the dated events on people's timelines.
type Milestones struct {
	db  *gorm.DB
	now func() time.Time
}

// NewMilestones returns the milestones service over db.
func NewMilestones(db *gorm.DB, now func() time.Time) *Milestones {
	return &Milestones{db: db, now: now}
}

// MilestoneInput is what the milestone form sends.
type MilestoneInput struct {
	PersonID   uint   `json:"personId"` // on create only
	Kind       string `json:"kind"`
	HappenedOn string `json:"happenedOn"` // YYYY-MM-DD; "" is today
	Text       string `json:"text"`
	Visibility string `json:"visibility"` // "" is private
}

func (s *Milestones) normalize(in MilestoneInput) MilestoneInput {
	in.Kind, in.Text, in.HappenedOn = strings.TrimSpace(in.Kind), strings.TrimSpace(in.Text), strings.TrimSpace(in.HappenedOn)
	if in.HappenedOn == "" {
		in.HappenedOn = s.now().Format(check.DateLayout)
	}
	if in.Visibility = strings.TrimSpace(in.Visibility); in.Visibility == "" {
		in.Visibility = model.Private
	}
	return in
}

func (in MilestoneInput) validate() error {
	return check.All(
		check.OneOf("kind", "Kind", in.Kind, model.MilestoneKinds...),
		check.Date("happenedOn", in.HappenedOn),
		check.First(check.Required("text", "Text", in.Text), oneLine("text", in.Text, check.MaxProse)),
		check.OneOf("visibility", "Visibility", in.Visibility, model.Shared, model.Private),
	)
}

// Add puts a milestone on a person's timeline.
func (s *Milestones) Add(in MilestoneInput) (model.Milestone, error) {
	in = s.normalize(in)
	m := model.Milestone{PersonID: in.PersonID, Kind: in.Kind, HappenedOn: in.HappenedOn, Text: in.Text, Visibility: in.Visibility}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := exists(tx, "people", "person", in.PersonID); err != nil {
			return err
		}
		if err := in.validate(); err != nil {
			return err
		}
		return apperr.FromDB(tx.Create(&m).Error, "", "milestone")
	})
	return m, err
}

// Update changes a milestone's kind, date, text and visibility.
func (s *Milestones) Update(id uint, in MilestoneInput) (model.Milestone, error) {
	in = s.normalize(in)
	var m model.Milestone
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := find(tx, id, &m); err != nil {
			return err
		}
		if err := in.validate(); err != nil {
			return err
		}
		m.Kind, m.HappenedOn, m.Text, m.Visibility = in.Kind, in.HappenedOn, in.Text, in.Visibility
		return apperr.FromDB(tx.Save(&m).Error, "", "milestone")
	})
	return m, err
}

// Delete removes a milestone and returns it, for Restore (the toast's Undo).
func (s *Milestones) Delete(id uint) (model.Milestone, error) {
	var m model.Milestone
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := find(tx, id, &m); err != nil {
			return err
		}
		return apperr.FromDB(tx.Delete(&m).Error, "", "milestone")
	})
	return m, err
}

// Restore puts back a milestone Delete removed, with its key and UUID.
func (s *Milestones) Restore(m model.Milestone) (model.Milestone, error) {
	in := s.normalize(MilestoneInput{PersonID: m.PersonID, Kind: m.Kind, HappenedOn: m.HappenedOn, Text: m.Text, Visibility: m.Visibility})
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := exists(tx, "people", "person", m.PersonID); err != nil {
			return err
		}
		if err := in.validate(); err != nil {
			return err
		}
		return apperr.FromDB(tx.Create(&m).Error, "", "milestone")
	})
	return m, err
}

// ForPerson lists a person's milestones, newest first, at most MaxMilestones.
func (s *Milestones) ForPerson(personID uint) ([]model.Milestone, error) {
	out := []model.Milestone{}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := exists(tx, "people", "person", personID); err != nil {
			return err
		}
		return tx.Where("person_id = ?", personID).Order("happened_on DESC, id DESC").Limit(MaxMilestones).Find(&out).Error
	})
	return out, err
}

func find(tx *gorm.DB, id uint, m *model.Milestone) error {
	err := tx.Take(m, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.Missing("milestone", id)
	}
	return err
}
