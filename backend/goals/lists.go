package goals

import (
	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// MaxGoals caps the goals a list shows: a person or a circle has a handful.
const MaxGoals = 200

// Row is one goal in a list, with whose it is and its last check-in.
type Row struct {
	model.Goal
	PersonName    string       `json:"personName"`
	CircleName    string       `json:"circleName"`
	LastCheckedOn string       `json:"lastCheckedOn"` // "" when it has none
	Stale         bool         `json:"stale"`
	Items         []LinkedItem `gorm:"-" json:"items"` // its skills and topics, at most model.MaxGoalItems
}

// List is a list of goals, by status then target date, and how many there are.
type List struct {
	Goals []Row `json:"goals"` // at most MaxGoals
	Total int64 `json:"total"`
}

// ForPerson lists a person's goals, in any circle or none.
func (s *Goals) ForPerson(personID uint) (List, error) {
	var out List
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := personExists(tx, personID); err != nil {
			return err
		}
		var err error
		out, err = OfPerson(tx, personID)
		return err
	})
	return out, err
}

// ForCircle lists the goals members have set within a circle.
func (s *Goals) ForCircle(circleID uint) (List, error) {
	var out List
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&model.Circle{}).Where("id = ?", circleID).Count(&n).Error; err != nil || n == 0 {
			return cmpErr(err, apperr.Missing("circle", circleID))
		}
		var err error
		out, err = OfCircle(tx, circleID)
		return err
	})
	return out, err
}

func cmpErr(err error, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}

// OfPerson lists a person's goals inside the caller's transaction (the
// growth story reads them with the rest of a person's page).
func OfPerson(tx *gorm.DB, personID uint) (List, error) { return list(tx, "g.person_id = ?", personID) }

// OfCircle lists a circle's goals inside the caller's transaction.
func OfCircle(tx *gorm.DB, circleID uint) (List, error) { return list(tx, "g.circle_id = ?", circleID) }

// list reads the goals where (on alias g) holds, with names, last check-in and flags.
func list(tx *gorm.DB, where string, arg uint) (List, error) {
	out := List{Goals: []Row{}}
	if err := tx.Table("goals AS g").Where(where, arg).Count(&out.Total).Error; err != nil {
		return out, err
	}
	err := tx.Table("goals AS g").Select("g.*, p.name AS person_name, COALESCE(c.name, '') AS circle_name").
		Joins("JOIN people p ON p.id = g.person_id").Joins("LEFT JOIN circles c ON c.id = g.circle_id").
		Where(where, arg).Order(statusOrder + ", g.target_date = '', g.target_date, g.id").Limit(MaxGoals).Scan(&out.Goals).Error
	if err != nil || len(out.Goals) == 0 {
		return out, err
	}
	return out, decorate(tx, out.Goals)
}

// statusOrder sorts open goals first, then drafts, then closed ones.
const statusOrder = `CASE g.status WHEN 'at_risk' THEN 0 WHEN 'active' THEN 1 WHEN 'draft' THEN 2 WHEN 'achieved' THEN 3 ELSE 4 END`

// decorate fills each row's last check-in date, stale flag and linked items.
func decorate(tx *gorm.DB, rows []Row) error {
	ids := make([]uint, len(rows))
	goals := make([]model.Goal, len(rows))
	for i, r := range rows {
		ids[i], goals[i] = r.ID, r.Goal
	}
	var last []struct {
		GoalID uint
		LastOn string
	}
	err := tx.Model(&model.GoalCheckIn{}).Select("goal_id, MAX(checked_on) AS last_on").Where("goal_id IN ?", ids).
		Group("goal_id").Scan(&last).Error
	if err != nil {
		return err
	}
	lastOn := map[uint]string{}
	for _, l := range last {
		lastOn[l.GoalID] = l.LastOn
	}
	items, err := itemsOf(tx, ids)
	if err != nil {
		return err
	}
	stale, err := staleGoals(tx, goals)
	for i := range rows {
		rows[i].LastCheckedOn, rows[i].Stale, rows[i].Items = lastOn[rows[i].ID], stale[rows[i].ID], items[rows[i].ID]
		if rows[i].Items == nil {
			rows[i].Items = []LinkedItem{}
		}
	}
	return err
}

// itemsOf reads the linked items of the goals ids, in one statement.
func itemsOf(tx *gorm.DB, ids []uint) (map[uint][]LinkedItem, error) {
	var found []struct {
		GoalID uint
		LinkedItem
	}
	err := tx.Table("goal_items gi").
		Select("gi.goal_id, i.id, i.framework_id, f.name AS framework_name, i.name").
		Joins("JOIN framework_items i ON i.id = gi.framework_item_id").Joins("JOIN frameworks f ON f.id = i.framework_id").
		Where("gi.goal_id IN ?", ids).Order("gi.goal_id, f.name, f.id, i.position, i.id").
		Limit(len(ids) * model.MaxGoalItems).Scan(&found).Error
	out := map[uint][]LinkedItem{}
	for _, f := range found {
		out[f.GoalID] = append(out[f.GoalID], f.LinkedItem)
	}
	return out, err
}
