package actions

import (
	"errors"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Actions manages action items.
type Actions struct {
	db  *gorm.DB
	now func() time.Time
}

// New returns the action items service over db.
func New(db *gorm.DB, now func() time.Time) *Actions {
	return &Actions{db: db, now: now}
}

// Item is an action item with its owner's name ("" for the whole circle).
type Item struct {
	model.ActionItem
	OwnerName string `json:"ownerName"`
}

// Input is what the capture row sends.
type Input struct {
	Text      string `json:"text"`
	OwnerID   uint   `json:"ownerId"` // 0: the whole circle
	DueOn     string `json:"dueOn"`
	SessionID uint   `json:"sessionId"` // 0: not captured in a session
}

func (in Input) validate() error {
	return check.All(check.RequiredUpTo("text", "The action", in.Text, check.MaxProse), check.Date("dueOn", in.DueOn))
}

// Create adds an action item to a circle.
func (s *Actions) Create(circleID uint, in Input) (Item, error) {
	in.Text = strings.TrimSpace(in.Text)
	if err := in.validate(); err != nil {
		return Item{}, err
	}
	var out Item
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&model.Circle{}, circleID).Error; err != nil {
			return apperr.Missing("circle", circleID)
		}
		it := model.ActionItem{CircleID: circleID, Status: model.ActionOpen, Source: model.SourceManual}
		if err := assign(tx, &it, in); err != nil {
			return err
		}
		if err := tx.Create(&it).Error; err != nil {
			return apperr.FromDB(err, "text", "action item")
		}
		return one(tx, it.ID, &out)
	})
	return out, err
}

// Update changes an item's text, owner, due date and session.
func (s *Actions) Update(id uint, in Input) (Item, error) {
	in.Text = strings.TrimSpace(in.Text)
	if err := in.validate(); err != nil {
		return Item{}, err
	}
	var out Item
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var it model.ActionItem
		if err := find(tx, id, &it); err != nil {
			return err
		}
		if err := assign(tx, &it, in); err != nil {
			return err
		}
		if err := tx.Save(&it).Error; err != nil {
			return apperr.FromDB(err, "text", "action item")
		}
		return one(tx, id, &out)
	})
	return out, err
}

// SetDone marks an item done or open again.
func (s *Actions) SetDone(id uint, done bool) (Item, error) {
	var out Item
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var it model.ActionItem
		if err := find(tx, id, &it); err != nil {
			return err
		}
		it.Status, it.DoneAt = model.ActionOpen, ""
		if done {
			it.Status, it.DoneAt = model.ActionDone, model.UTC(s.now())
		}
		if err := tx.Save(&it).Error; err != nil {
			return apperr.FromDB(err, "", "action item")
		}
		return one(tx, id, &out)
	})
	return out, err
}

// Delete removes an item.
func (s *Actions) Delete(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		return apperr.Deleted(tx.Delete(&model.ActionItem{}, id), "action item", id)
	})
}

// MaxList caps how many items List returns: a circle keeps its items for years.
const MaxList = 200

// List returns a circle's items: "open", "done" or "all"; open before done,
// oldest due first, at most MaxList.
func (s *Actions) List(circleID uint, status string) ([]Item, error) {
	if err := check.OneOf("status", "Status", status, "open", "done", "all"); err != nil {
		return nil, err
	}
	q := Query(s.db).Where("a.circle_id = ?", circleID)
	if status != "all" {
		q = q.Where("a.status = ?", status)
	}
	return Scan(q.Limit(MaxList))
}

// assign copies the input onto an item after checking the owner and session
// belong to the item's circle.
func assign(tx *gorm.DB, it *model.ActionItem, in Input) error {
	it.Text, it.DueOn, it.OwnerID, it.SessionID = in.Text, in.DueOn, nil, nil
	if in.OwnerID != 0 {
		var n int64
		tx.Model(&model.Membership{}).Where("circle_id = ? AND person_id = ?", it.CircleID, in.OwnerID).Count(&n)
		if n == 0 {
			return apperr.New(apperr.Invalid, "ownerId", "The owner must be a member of the circle.")
		}
		it.OwnerID = &in.OwnerID
	}
	if in.SessionID != 0 {
		var ses model.Session
		if err := tx.Take(&ses, in.SessionID).Error; err != nil || ses.CircleID != it.CircleID {
			return apperr.New(apperr.Invalid, "sessionId", "That session is not in this circle.")
		}
		it.SessionID = &in.SessionID
	}
	return nil
}

func find(tx *gorm.DB, id uint, it *model.ActionItem) error {
	err := tx.Take(it, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.Missing("action item", id)
	}
	return apperr.FromDB(err, "", "action item")
}

func one(tx *gorm.DB, id uint, out *Item) error {
	items, err := Scan(Query(tx).Where("a.id = ?", id))
	if err == nil && len(items) == 1 {
		*out = items[0]
	}
	return err
}

// Query selects items with their owner's name, open before done, oldest due first;
// callers add conditions.
func Query(tx *gorm.DB) *gorm.DB {
	return tx.Table("action_items a").Select("a.*, COALESCE(p.name, '') AS owner_name").
		Joins("LEFT JOIN people p ON p.id = a.owner_id").
		Order("a.status <> 'open', a.due_on = '', a.due_on, a.id")
}

// Scan runs a Query and returns the items, never nil.
func Scan(q *gorm.DB) ([]Item, error) {
	items := []Item{}
	err := q.Scan(&items).Error
	return items, err
}
