package roster

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"

	"gorm.io/gorm"
)

// Preset is a saved column mapping, for the next file of the same shape.
type Preset struct {
	Name    string  `json:"name"`
	Mapping Mapping `json:"mapping"`
}

// presetRow is a preset in roster_presets.
type presetRow struct {
	ID        uint `gorm:"primaryKey"`
	CreatedAt time.Time
	UpdatedAt time.Time
	Name      string
	Mapping   string
}

func (presetRow) TableName() string { return "roster_presets" }

// SavePreset saves a mapping under a name, replacing the one of that name
// (in any case).
func (s *Roster) SavePreset(p Preset) (Preset, error) {
	p.Name = strings.TrimSpace(p.Name)
	if err := check.RequiredUpTo("name", "Name", p.Name, check.MaxName); err != nil {
		return Preset{}, err
	}
	for h, f := range p.Mapping {
		if f != "" && !slices.Contains(Fields, f) {
			return Preset{}, apperr.New(apperr.Invalid, "mapping", "%q (for column %q) is not a field.", f, h)
		}
	}
	b, err := json.Marshal(p.Mapping)
	if err != nil {
		return Preset{}, err
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		var row presetRow
		err := tx.Where("lower(name) = lower(?)", p.Name).Take(&row).Error
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return apperr.FromDB(err, "", "preset")
		}
		row.Name, row.Mapping = p.Name, string(b)
		return apperr.FromDB(tx.Save(&row).Error, "name", "preset")
	})
	return p, err
}

// Presets lists the saved mappings by name.
func (s *Roster) Presets() ([]Preset, error) {
	var rows []presetRow
	if err := s.db.Order("lower(name)").Find(&rows).Error; err != nil {
		return nil, apperr.FromDB(err, "", "preset")
	}
	out := make([]Preset, 0, len(rows))
	for _, r := range rows {
		p := Preset{Name: r.Name}
		if err := json.Unmarshal([]byte(r.Mapping), &p.Mapping); err != nil {
			return nil, apperr.New(apperr.Internal, "mapping", "The preset %s cannot be read.", r.Name)
		}
		out = append(out, p)
	}
	return out, nil
}

// Preset loads the saved mapping of that name (in any case).
func (s *Roster) Preset(name string) (Preset, error) {
	all, err := s.Presets()
	if err != nil {
		return Preset{}, err
	}
	for _, p := range all {
		if strings.EqualFold(p.Name, strings.TrimSpace(name)) {
			return p, nil
		}
	}
	return Preset{}, apperr.New(apperr.NotFound, "name", "There is no preset named %q.", name)
}

// DeletePreset removes the saved mapping of that name.
func (s *Roster) DeletePreset(name string) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		q := tx.Where("lower(name) = lower(?)", strings.TrimSpace(name)).Delete(&presetRow{})
		if q.Error == nil && q.RowsAffected == 0 {
			return apperr.New(apperr.NotFound, "name", "There is no preset named %q.", name)
		}
		return apperr.FromDB(q.Error, "", "preset")
	})
}
