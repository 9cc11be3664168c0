// Package growth holds the services around members' growth besides their
// goals (backend/goals): milestones on a person's timeline, frameworks of
// topics or skills, skill ratings before and after, feedback after a
// session, and the growth story of a person and of a circle.
package growth

import (
	"strings"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// oneLine rejects text of more than one line, then text over limit characters.
func oneLine(field, v string, limit int) error {
	if strings.ContainsAny(v, "\r\n") {
		return apperr.New(apperr.Invalid, field, "Keep it to one line.")
	}
	return check.UpTo(field, v, limit)
}

// readFor returns, from one transaction, what read finds for the record id
// of table, once exists has found it there.
func readFor[T any](db *gorm.DB, table, what string, id uint, read func(tx *gorm.DB, id uint) (T, error)) (T, error) {
	var out T
	err := db.Transaction(func(tx *gorm.DB) error {
		if err := exists(tx, table, what, id); err != nil {
			return err
		}
		var err error
		out, err = read(tx, id)
		return err
	})
	return out, err
}

// exists fails with NotFound unless table has a row with id; what names it.
func exists(tx *gorm.DB, table, what string, id uint) error {
	var n int64
	if err := tx.Table(table).Where("id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return apperr.Missing(what, id)
	}
	return nil
}

// member rejects, on field, a person who is not a member of the circle.
func member(tx *gorm.DB, field string, circleID, personID uint) error {
	var n int64
	err := tx.Model(&model.Membership{}).Where("circle_id = ? AND person_id = ?", circleID, personID).Count(&n).Error
	if err != nil || n > 0 {
		return err
	}
	return apperr.New(apperr.Invalid, field, "This person is not a member of the circle.")
}

// firstErr returns err when it is set, else otherwise.
func firstErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}
