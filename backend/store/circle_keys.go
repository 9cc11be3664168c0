package store

import (
	"circlebook/backend/fold"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// circleKeys adds the folded name key circles sort and search by (see
// model.Circle.BeforeSave) and the sidebar's pinned flag, fills the key for
// the circles already there, and indexes it with the name and the id (the
// tie-breaks): one index for the whole list, one for the circles not
// archived (holding the status, which SQLite reads to use it), and one for
// the pinned ones. Each is walked in order, so a page reads its rows only.
func circleKeys(tx *gorm.DB) error {
	for _, stmt := range []string{
		`ALTER TABLE circles ADD COLUMN name_key TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE circles ADD COLUMN pinned BOOLEAN NOT NULL DEFAULT false`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	var batch []model.Circle
	err := tx.Model(&model.Circle{}).Select("id, name").
		FindInBatches(&batch, 1000, func(*gorm.DB, int) error {
			for _, c := range batch {
				if err := tx.Exec("UPDATE circles SET name_key = ? WHERE id = ?", fold.Key(c.Name), c.ID).Error; err != nil {
					return err
				}
			}
			return nil
		}).Error
	if err != nil {
		return err
	}
	for _, stmt := range []string{
		`CREATE INDEX idx_circles_name_key ON circles (name_key, name)`,
		`CREATE INDEX idx_circles_current ON circles (name_key, name, id, status) WHERE status <> 'archived'`,
		`CREATE INDEX idx_circles_pinned ON circles (name_key, name) WHERE pinned`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}
