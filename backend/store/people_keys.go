package store

import (
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// peopleKeys adds the folded keys people are sorted and searched by (see
// model.PersonKeys), fills them for the people already there, and indexes
// the name key with the name (the tie-break): the people list walks it in
// order, and a prefix of it is a range.
func peopleKeys(tx *gorm.DB) error {
	for _, stmt := range []string{
		`ALTER TABLE people ADD COLUMN name_key TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE people ADD COLUMN search_key TEXT NOT NULL DEFAULT ''`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	var batch []model.Person
	err := tx.Model(&model.Person{}).Select("id, name, email, team, title").
		FindInBatches(&batch, 1000, func(b *gorm.DB, _ int) error {
			for _, p := range batch {
				nameKey, searchKey := model.PersonKeys(p.Name, p.Email, p.Team, p.Title)
				if err := tx.Exec("UPDATE people SET name_key = ?, search_key = ? WHERE id = ?", nameKey, searchKey, p.ID).Error; err != nil {
					return err
				}
			}
			return nil
		}).Error
	if err != nil {
		return err
	}
	return tx.Exec(`CREATE INDEX idx_people_name_key ON people (name_key, name)`).Error
}
