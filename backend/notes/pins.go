package notes

import (
	"strings"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Pin attaches a short note to a person, taken in a session (0 for none).
func (s *Notes) Pin(personID, sessionID uint, body, visibility string) (model.Pin, error) {
	body = strings.TrimSpace(body)
	if err := check.All(
		check.RequiredUpTo("body", "The note", body, check.MaxProse),
		check.OneOf("visibility", "Visibility", visibility, model.Shared, model.Private),
	); err != nil {
		return model.Pin{}, err
	}
	pin := model.Pin{PersonID: personID, Body: body, Visibility: visibility}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&model.Person{}, personID).Error; err != nil {
			return apperr.New(apperr.Invalid, "personId", "Choose who the note is about.")
		}
		if sessionID != 0 {
			var ses model.Session
			if err := tx.Take(&ses, sessionID).Error; err != nil {
				return apperr.Missing("session", sessionID)
			}
			pin.SessionID, pin.CircleID = &ses.ID, &ses.CircleID
		}
		return apperr.FromDB(tx.Create(&pin).Error, "body", "pinned note")
	})
	return pin, err
}

// Unpin removes a pinned note.
func (s *Notes) Unpin(pinID uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		return apperr.Deleted(tx.Delete(&model.Pin{}, pinID), "pinned note", pinID)
	})
}
