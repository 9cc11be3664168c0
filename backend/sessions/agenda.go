package sessions

import (
	"strings"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// AgendaInput is what the agenda row sends.
type AgendaInput struct {
	Title   string `json:"title"`
	Minutes int    `json:"minutes"`
	Done    bool   `json:"done"`
}

func (in AgendaInput) validate() error {
	return check.All(
		check.RequiredUpTo("title", "The agenda item", in.Title, check.MaxTitle),
		check.Range("minutes", "Minutes", in.Minutes, 0, 24*60),
	)
}

// AddAgendaItem appends an item to a session's agenda and returns the agenda.
func (s *Sessions) AddAgendaItem(sessionID uint, in AgendaInput) ([]model.AgendaItem, error) {
	in.Title = strings.TrimSpace(in.Title)
	if err := in.validate(); err != nil {
		return nil, err
	}
	var out []model.AgendaItem
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := lockSession(tx, sessionID, &model.Session{}); err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&model.AgendaItem{}).Where("session_id = ?", sessionID).Count(&n).Error; err != nil {
			return err
		}
		item := model.AgendaItem{SessionID: sessionID, Position: int(n), Title: in.Title, Minutes: in.Minutes, Done: in.Done}
		if err := tx.Create(&item).Error; err != nil {
			return apperr.FromDB(err, "title", "agenda item")
		}
		return agenda(tx, sessionID, &out)
	})
	return out, err
}

// UpdateAgendaItem changes an item's title, minutes and done mark and returns the agenda.
func (s *Sessions) UpdateAgendaItem(id uint, in AgendaInput) ([]model.AgendaItem, error) {
	in.Title = strings.TrimSpace(in.Title)
	if err := in.validate(); err != nil {
		return nil, err
	}
	var out []model.AgendaItem
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var item model.AgendaItem
		if err := lockItem(tx, id, &item); err != nil {
			return err
		}
		item.Title, item.Minutes, item.Done = in.Title, in.Minutes, in.Done
		if err := tx.Save(&item).Error; err != nil {
			return apperr.FromDB(err, "title", "agenda item")
		}
		return agenda(tx, item.SessionID, &out)
	})
	return out, err
}

// DeleteAgendaItem removes an item and returns the agenda.
func (s *Sessions) DeleteAgendaItem(id uint) ([]model.AgendaItem, error) {
	var out []model.AgendaItem
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var item model.AgendaItem
		if err := lockItem(tx, id, &item); err != nil {
			return err
		}
		if err := tx.Delete(&item).Error; err != nil {
			return err
		}
		return reorder(tx, item.SessionID, 0, -1, &out)
	})
	return out, err
}

// MoveAgendaItem puts an item at position (0-based, clamped) and returns the agenda.
func (s *Sessions) MoveAgendaItem(id uint, position int) ([]model.AgendaItem, error) {
	var out []model.AgendaItem
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var item model.AgendaItem
		if err := lockItem(tx, id, &item); err != nil {
			return err
		}
		return reorder(tx, item.SessionID, id, position, &out)
	})
	return out, err
}

// reorder rewrites positions 0..n-1, putting item moved (if any) at position.
func reorder(tx *gorm.DB, sessionID, moved uint, position int, out *[]model.AgendaItem) error {
	var items []model.AgendaItem
	if err := agenda(tx, sessionID, &items); err != nil {
		return err
	}
	order := make([]model.AgendaItem, 0, len(items))
	var picked *model.AgendaItem
	for i := range items {
		if items[i].ID == moved {
			picked = &items[i]
		} else {
			order = append(order, items[i])
		}
	}
	if picked != nil {
		position = max(0, min(position, len(order)))
		order = append(order[:position], append([]model.AgendaItem{*picked}, order[position:]...)...)
	}
	for i := range order {
		if order[i].Position != i {
			if err := tx.Model(&order[i]).Update("position", i).Error; err != nil {
				return err
			}
		}
	}
	return agenda(tx, sessionID, out)
}

func agenda(tx *gorm.DB, sessionID uint, out *[]model.AgendaItem) error {
	return tx.Where("session_id = ?", sessionID).Order("position, id").Find(out).Error
}

// lockItem finds an agenda item for writing: it locks the item's session
// (see forWriting), as every change to the agenda does, so that positions
// are rewritten by one writer at a time, then reads the item as it now is.
func lockItem(tx *gorm.DB, id uint, item *model.AgendaItem) error {
	if err := findItem(tx, id, item); err != nil {
		return err
	}
	if err := lockSession(tx, item.SessionID, &model.Session{}); err != nil {
		return err
	}
	return findItem(tx, id, item)
}

func findItem(tx *gorm.DB, id uint, item *model.AgendaItem) error {
	if err := tx.Take(item, id).Error; err != nil {
		return apperr.Missing("agenda item", id)
	}
	return nil
}
