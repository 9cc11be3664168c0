package goals

import (
	"slices"

	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// LinkedItem is a skill or topic a goal is linked to, with its framework's name.
type LinkedItem struct {
	ID            uint   `json:"id"`
	FrameworkID   uint   `json:"frameworkId"`
	FrameworkName string `json:"frameworkName"`
	Name          string `json:"name"`
}

// uniqueIDs is ids without repeats, in their first order; nil stays nil.
func uniqueIDs(ids []uint) []uint {
	if ids == nil {
		return nil
	}
	out := make([]uint, 0, len(ids))
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// itemsValid rejects more than model.MaxGoalItems items, and any that does
// not exist or, for a goal in a circle, belongs to a framework the circle
// does not use. One query, bounded by the cap.
func itemsValid(tx *gorm.DB, ids []uint, circleID *uint) error {
	if len(ids) == 0 {
		return nil
	}
	if len(ids) > model.MaxGoalItems {
		return apperr.New(apperr.Invalid, "itemIds", "A goal links at most %d skills or topics; this has %d.", model.MaxGoalItems, len(ids))
	}
	q := tx.Table("framework_items i").Where("i.id IN ?", ids)
	if circleID != nil {
		q = q.Joins("JOIN circle_frameworks cf ON cf.framework_id = i.framework_id AND cf.circle_id = ?", *circleID)
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		return err
	}
	if int(n) == len(ids) {
		return nil
	}
	if circleID != nil {
		return apperr.New(apperr.Invalid, "itemIds", "Pick skills and topics from the frameworks this circle uses.")
	}
	return apperr.New(apperr.Invalid, "itemIds", "A linked skill or topic no longer exists.")
}

// currentItems lists the ids of the items a goal links.
func currentItems(tx *gorm.DB, goalID uint) ([]uint, error) {
	ids := []uint{}
	err := tx.Model(&model.GoalItem{}).Where("goal_id = ?", goalID).Order("framework_item_id").
		Limit(model.MaxGoalItems).Pluck("framework_item_id", &ids).Error
	return ids, err
}

// existingItems keeps the ids of items that still exist (a restore drops
// links to items deleted since, as it drops deleted sessions).
func existingItems(tx *gorm.DB, ids []uint) ([]uint, error) {
	out := []uint{}
	if len(ids) == 0 {
		return out, nil
	}
	err := tx.Model(&model.FrameworkItem{}).Where("id IN ?", ids).Order("id").Pluck("id", &out).Error
	return out, err
}

// linkItems makes ids the goal's items: links not in ids go, new ones come.
func linkItems(tx *gorm.DB, goalID uint, ids []uint) error {
	if err := tx.Where("goal_id = ?", goalID).Delete(&model.GoalItem{}).Error; err != nil {
		return err
	}
	if len(ids) == 0 {
		return nil
	}
	rows := make([]model.GoalItem, len(ids))
	for i, id := range ids {
		rows[i] = model.GoalItem{GoalID: goalID, FrameworkItemID: id}
	}
	return apperr.FromDB(tx.Create(&rows).Error, "itemIds", "linked skill")
}

// linkedItems reads a goal's items with their frameworks' names, by
// framework name then the item's place in it; at most model.MaxGoalItems.
func linkedItems(tx *gorm.DB, goalID uint) ([]LinkedItem, error) {
	out := []LinkedItem{}
	err := tx.Table("goal_items gi").
		Select("i.id, i.framework_id, f.name AS framework_name, i.name").
		Joins("JOIN framework_items i ON i.id = gi.framework_item_id").Joins("JOIN frameworks f ON f.id = i.framework_id").
		Where("gi.goal_id = ?", goalID).Order("f.name, f.id, i.position, i.id").Limit(model.MaxGoalItems).Scan(&out).Error
	return out, err
}
