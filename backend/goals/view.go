package goals

import (
	"errors"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// MaxCheckIns caps the check-ins a goal's page lists at once; Timeline pages on.
const MaxCheckIns = 50

// CheckIn is one step of a goal's timeline, with the session it was made in.
type CheckIn struct {
	model.GoalCheckIn
	SessionNumber   int    `json:"sessionNumber"`   // 0: set by hand, outside a session
	SessionStartsAt string `json:"sessionStartsAt"` // "" likewise
}

// GoalView is what a goal's page shows: the goal and its tasks, whose it is,
// the skills and topics it is linked to, its latest check-ins and whether
// it has gone without one too long.
type GoalView struct {
	Goal         model.Goal   `json:"goal"`
	Items        []LinkedItem `json:"items"` // at most model.MaxGoalItems
	PersonName   string       `json:"personName"`
	CircleName   string       `json:"circleName"` // "" for a personal goal
	CheckIns     []CheckIn    `json:"checkIns"`   // newest first, at most MaxCheckIns
	CheckInCount int64        `json:"checkInCount"`
	Stale        bool         `json:"stale"` // no check-in in its circle's last StaleAfter held sessions
}

// Get returns a goal's page.
func (s *Goals) Get(id uint) (GoalView, error) {
	var out GoalView
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		out, err = view(tx, id)
		return err
	})
	return out, err
}

// view reads a goal's page inside tx.
func view(tx *gorm.DB, id uint) (GoalView, error) {
	v := GoalView{CheckIns: []CheckIn{}, Items: []LinkedItem{}}
	err := tx.Take(&v.Goal, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return v, apperr.Missing("goal", id)
	}
	if err != nil {
		return v, err
	}
	if err := tx.Where("goal_id = ?", id).Order("position").Find(&v.Goal.Tasks).Error; err != nil {
		return v, err
	}
	if v.Items, err = linkedItems(tx, id); err != nil {
		return v, err
	}
	if err := tx.Model(&model.Person{}).Where("id = ?", v.Goal.PersonID).Pluck("name", &v.PersonName).Error; err != nil {
		return v, err
	}
	if c := v.Goal.CircleID; c != nil {
		var names []string
		if err := tx.Model(&model.Circle{}).Where("id = ?", *c).Pluck("name", &names).Error; err != nil || len(names) == 0 {
			return v, err
		}
		v.CircleName = names[0]
	}
	if v.CheckIns, err = checkIns(tx, id, "", 0); err != nil {
		return v, err
	}
	if err := tx.Model(&model.GoalCheckIn{}).Where("goal_id = ?", id).Count(&v.CheckInCount).Error; err != nil {
		return v, err
	}
	stale, err := staleGoals(tx, []model.Goal{v.Goal})
	v.Stale = stale[id]
	return v, err
}

// checkIns lists a goal's check-ins newest first, from before (checked on,
// id) when beforeOn is set, at most MaxCheckIns.
func checkIns(tx *gorm.DB, goalID uint, beforeOn string, beforeID uint) ([]CheckIn, error) {
	q := tx.Table("goal_checkins AS k").
		Select("k.*, COALESCE(s.number, 0) AS session_number, COALESCE(s.starts_at, '') AS session_starts_at").
		Joins("LEFT JOIN sessions s ON s.id = k.session_id").Where("k.goal_id = ?", goalID)
	if beforeOn != "" {
		q = q.Where("(k.checked_on < ? OR (k.checked_on = ? AND k.id < ?))", beforeOn, beforeOn, beforeID)
	}
	out := []CheckIn{}
	err := q.Order("k.checked_on DESC, k.id DESC").Limit(MaxCheckIns).Scan(&out).Error
	return out, err
}

// TimelinePage is a page of a goal's check-ins, and whether more follow.
type TimelinePage struct {
	CheckIns []CheckIn `json:"checkIns"`
	More     bool      `json:"more"`
}

// Timeline returns the goal's check-ins older than (beforeOn, beforeID),
// the last one the page shows; beforeOn "" starts from the newest.
func (s *Goals) Timeline(goalID uint, beforeOn string, beforeID uint) (TimelinePage, error) {
	if err := check.Date("beforeOn", beforeOn); err != nil {
		return TimelinePage{}, err
	}
	var out TimelinePage
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var g model.Goal
		if err := tx.Select("id").Take(&g, goalID).Error; err != nil {
			return apperr.Missing("goal", goalID)
		}
		var err error
		out.CheckIns, err = checkIns(tx, goalID, beforeOn, beforeID)
		out.More = len(out.CheckIns) == MaxCheckIns
		return err
	})
	return out, err
}
