// Package circles is the service behind the circles list and the circle page:
// circles themselves, their members, and the attendance grid.
package circles

import (
	"errors"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/model"
	"circlebook/backend/search"

	"gorm.io/gorm"
)

// Circles manages circles and their members.
type Circles struct {
	db    *gorm.DB
	now   func() time.Time
	index search.Index
}

// New returns the circles service over db, reading the time from now.
func New(db *gorm.DB, now func() time.Time) *Circles {
	return &Circles{db: db, now: now, index: search.For(db)}
}

// Create adds a circle.
func (s *Circles) Create(in CircleInput) (model.Circle, error) {
	in = in.normalize()
	if err := in.validate(); err != nil {
		return model.Circle{}, err
	}
	var c model.Circle
	in.apply(&c)
	err := s.db.Transaction(func(tx *gorm.DB) error {
		return apperr.FromDB(tx.Create(&c).Error, "name", "circle")
	})
	return c, err
}

// Update replaces a circle's editable fields.
func (s *Circles) Update(id uint, in CircleInput) (model.Circle, error) {
	in = in.normalize()
	if err := in.validate(); err != nil {
		return model.Circle{}, err
	}
	var c model.Circle
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := find(tx, id, &c); err != nil {
			return err
		}
		in.apply(&c)
		return apperr.FromDB(tx.Save(&c).Error, "name", "circle")
	})
	return c, err
}

// Archive sets a circle's status to archived; it keeps all its history.
func (s *Circles) Archive(id uint) (model.Circle, error) {
	return s.setStatus(id, model.CircleArchived)
}

// Restore brings an archived circle back as active.
func (s *Circles) Restore(id uint) (model.Circle, error) {
	return s.setStatus(id, model.CircleActive)
}

func (s *Circles) setStatus(id uint, status string) (model.Circle, error) {
	var c model.Circle
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := find(tx, id, &c); err != nil {
			return err
		}
		c.Status = status
		return apperr.FromDB(tx.Save(&c).Error, "status", "circle")
	})
	return c, err
}

// Delete removes a circle with its memberships, sessions and attendance.
// The people stay.
func (s *Circles) Delete(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		return apperr.Deleted(tx.Delete(&model.Circle{}, id), "circle", id)
	})
}

func find(tx *gorm.DB, id uint, c *model.Circle) error {
	err := tx.Take(c, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.Missing("circle", id)
	}
	return apperr.FromDB(err, "", "circle")
}
