package growth

import (
	"errors"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// MaxItems caps a framework's topics or skills; MaxFrameworks the list of frameworks.
const (
	MaxItems      = 100
	MaxFrameworks = 200
)

// Frameworks manages the named lists of topics or skills circles use.
type Frameworks struct {
	db  *gorm.DB
	now func() time.Time
}

// NewFrameworks returns the frameworks service over db.
func NewFrameworks(db *gorm.DB, now func() time.Time) *Frameworks {
	return &Frameworks{db: db, now: now}
}

// FrameworkInput is what the framework form sends: a name, a description
// and its items, one name each, in order.
type FrameworkInput struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Items       []string `json:"items"`
}

func (in FrameworkInput) normalize() FrameworkInput {
	in.Name, in.Description = strings.TrimSpace(in.Name), strings.TrimSpace(in.Description)
	for i := range in.Items {
		in.Items[i] = strings.TrimSpace(in.Items[i])
	}
	return in
}

func (in FrameworkInput) validate() error {
	return check.All(
		check.RequiredUpTo("name", "Name", in.Name, check.MaxName),
		check.UpTo("description", in.Description, check.MaxProse),
		itemsValid(in.Items, nil),
	)
}

// itemsValid refuses no items, too many, and an empty, too long or repeated
// name (repeated ignoring case), naming its row: rows[i] is item i's (nil:
// the items are rows 1, 2, ...).
func itemsValid(items []string, rows []int) error {
	if len(items) == 0 {
		return apperr.New(apperr.Invalid, "items", "A framework needs at least one topic or skill.")
	}
	if len(items) > MaxItems {
		return apperr.New(apperr.Invalid, "items", "A framework has at most %d topics or skills; this has %d.", MaxItems, len(items))
	}
	seen := map[string]int{}
	for i, name := range items {
		row := i + 1
		if rows != nil {
			row = rows[i]
		}
		if name == "" {
			return apperr.New(apperr.Invalid, "items", "Row %d has no name.", row)
		}
		if err := oneLine("items", name, check.MaxName); err != nil {
			return apperr.New(apperr.TooLong, "items", "Row %d is longer than %d characters.", row, check.MaxName)
		}
		key := strings.ToLower(name)
		if at, ok := seen[key]; ok {
			return apperr.New(apperr.Invalid, "items", "Row %d repeats %q from row %d.", row, name, at)
		}
		seen[key] = row
	}
	return nil
}

// Create makes a framework with its items.
func (s *Frameworks) Create(in FrameworkInput) (model.Framework, error) {
	in = in.normalize()
	if err := in.validate(); err != nil {
		return model.Framework{}, err
	}
	return s.create(in)
}

func (s *Frameworks) create(in FrameworkInput) (model.Framework, error) {
	f := model.Framework{Name: in.Name, Description: in.Description}
	for i, name := range in.Items {
		f.Items = append(f.Items, model.FrameworkItem{Position: i, Name: name})
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		return apperr.FromDB(tx.Create(&f).Error, "name", "framework")
	})
	return f, err
}

// Get returns a framework with its items in order.
func (s *Frameworks) Get(id uint) (model.Framework, error) {
	var f model.Framework
	err := s.db.Transaction(func(tx *gorm.DB) error { return load(tx, id, &f) })
	return f, err
}

func load(tx *gorm.DB, id uint, f *model.Framework) error {
	err := tx.Take(f, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.Missing("framework", id)
	}
	if err != nil {
		return err
	}
	return tx.Where("framework_id = ?", id).Order("position").Limit(MaxItems).Find(&f.Items).Error
}

// List returns the frameworks by name (without their items), at most MaxFrameworks.
func (s *Frameworks) List() ([]model.Framework, error) {
	out := []model.Framework{}
	err := s.db.Order("lower(name), id").Limit(MaxFrameworks).Find(&out).Error
	return out, err
}

// Use makes a circle use a framework (again, if it did) and returns the
// frameworks the circle uses.
func (s *Frameworks) Use(circleID, frameworkID uint) ([]model.Framework, error) {
	var out []model.Framework
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := firstErr(exists(tx, "circles", "circle", circleID), exists(tx, "frameworks", "framework", frameworkID)); err != nil {
			return err
		}
		link := model.CircleFramework{CircleID: circleID, FrameworkID: frameworkID}
		if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&link).Error; err != nil {
			return apperr.FromDB(err, "", "framework")
		}
		var err error
		out, err = forCircle(tx, circleID)
		return err
	})
	return out, err
}

// Drop stops a circle using a framework (its ratings stay) and returns the
// frameworks it still uses.
func (s *Frameworks) Drop(circleID, frameworkID uint) ([]model.Framework, error) {
	var out []model.Framework
	err := s.db.Transaction(func(tx *gorm.DB) error {
		err := tx.Where("circle_id = ? AND framework_id = ?", circleID, frameworkID).Delete(&model.CircleFramework{}).Error
		if err != nil {
			return err
		}
		out, err = forCircle(tx, circleID)
		return err
	})
	return out, err
}

// ForCircle lists the frameworks a circle uses, with their items.
func (s *Frameworks) ForCircle(circleID uint) ([]model.Framework, error) {
	return readFor(s.db, "circles", "circle", circleID, forCircle)
}

// forCircle reads the frameworks a circle uses, by name, with their items.
func forCircle(tx *gorm.DB, circleID uint) ([]model.Framework, error) {
	out := []model.Framework{}
	err := tx.Joins("JOIN circle_frameworks cf ON cf.framework_id = frameworks.id").Where("cf.circle_id = ?", circleID).
		Order("lower(frameworks.name), frameworks.id").Limit(MaxFrameworks).Find(&out).Error
	for i := range out {
		if err != nil {
			break
		}
		err = tx.Where("framework_id = ?", out[i].ID).Order("position").Limit(MaxItems).Find(&out[i].Items).Error
	}
	return out, err
}
