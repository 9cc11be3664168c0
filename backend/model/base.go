// Package model holds the GORM entities, one file each. Every record has an
// integer key for joins, a stable UUID for merging bundles from two laptops,
// and created/updated times.
package model

import (
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Base is embedded in every entity.
type Base struct {
	ID        uint      `gorm:"primaryKey" json:"id"`
	UUID      string    `gorm:"column:uuid;not null;uniqueIndex" json:"uuid"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// BeforeCreate gives a new record its UUID unless it already has one (an import).
func (b *Base) BeforeCreate(*gorm.DB) error {
	if b.UUID == "" {
		b.UUID = uuid.NewString()
	}
	return nil
}
