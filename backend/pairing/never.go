package pairing

import (
	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// MaxNever is the most people one person may be kept from, and the most
// NeverList reads.
const MaxNever = 200

// NeverPerson is someone a person is never to be matched with, and since when.
type NeverPerson struct {
	ID    uint   `json:"id"`
	Name  string `json:"name"`
	Since string `json:"since"` // RFC 3339 UTC, when the pair was recorded
}

// neverOf reads the people of personID's never-match pairs, newest first,
// at most limit: each side of the pair from its own index.
const neverOf = `SELECT p.id, p.name, x.created_at AS since FROM (
  SELECT b_id AS other, created_at FROM never_match WHERE a_id = ?
  UNION ALL
  SELECT a_id AS other, created_at FROM never_match WHERE b_id = ?
) x JOIN people p ON p.id = x.other
ORDER BY x.created_at DESC, p.name_key, p.id
LIMIT ?`

// NeverList returns the people personID is never to be matched with,
// newest first, at most MaxNever.
func (p *Pairing) NeverList(personID uint) ([]NeverPerson, error) {
	out := []NeverPerson{}
	err := p.db.Transaction(func(tx *gorm.DB) error {
		if err := personExists(tx, personID); err != nil {
			return err
		}
		return tx.Raw(neverOf, personID, personID, MaxNever).Scan(&out).Error
	})
	return out, err
}

// personExists refuses an id no person has.
func personExists(tx *gorm.DB, id uint) error {
	var n int64
	if err := tx.Model(&model.Person{}).Where("id = ?", id).Limit(1).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return apperr.Missing("person", id)
	}
	return nil
}

// neverRoom refuses a new pair when either person already has MaxNever,
// so that NeverList always shows them all.
func neverRoom(tx *gorm.DB, ids ...uint) error {
	for _, id := range ids {
		var n int64
		err := tx.Raw(`SELECT (SELECT count(*) FROM never_match WHERE a_id = ?) + (SELECT count(*) FROM never_match WHERE b_id = ?)`, id, id).Scan(&n).Error
		if err != nil {
			return err
		}
		if n >= MaxNever {
			var names []string
			if err := tx.Model(&model.Person{}).Where("id = ?", id).Limit(1).Pluck("name", &names).Error; err != nil || len(names) == 0 {
				return cmpErr(err, apperr.Missing("person", id))
			}
			return apperr.New(apperr.Invalid, "people", "%s is already kept from %d people; remove one first.", names[0], MaxNever)
		}
	}
	return nil
}
