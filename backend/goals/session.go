package goals

import (
	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// SessionGoal is one goal on the live screen's Goals panel, with its
// check-in in this session, if made, and the flag its page has.
type SessionGoal struct {
	model.Goal
	PersonName string   `json:"personName"`
	CheckIn    *CheckIn `gorm:"-" json:"checkIn"` // nil until checked in this session
	Stale      bool     `gorm:"-" json:"stale"`   // no check-in in its circle's last StaleAfter held sessions
}

// ForSession lists the goals of the people marked present or late in a
// session that are still worked on (draft, active, at risk) and are
// personal or of the session's circle: the live screen's Goals panel.
func (s *Goals) ForSession(sessionID uint) ([]SessionGoal, error) {
	out := []SessionGoal{}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var ses model.Session
		if err := tx.Take(&ses, sessionID).Error; err != nil {
			return apperr.Missing("session", sessionID)
		}
		err := tx.Table("attendance AS a").Select("g.*, p.name AS person_name").
			Joins("JOIN goals g ON g.person_id = a.person_id").Joins("JOIN people p ON p.id = a.person_id").
			Where("a.session_id = ? AND a.status IN ?", ses.ID, []string{model.Present, model.Late}).
			Where("g.status IN ? AND (g.circle_id = ? OR g.circle_id IS NULL)",
				[]string{model.GoalDraft, model.GoalActive, model.GoalAtRisk}, ses.CircleID).
			Order("p.name_key, p.id, " + statusOrder + ", g.id").Limit(MaxGoals).Scan(&out).Error
		if err != nil || len(out) == 0 {
			return err
		}
		if err := flagStale(tx, out); err != nil {
			return err
		}
		return madeIn(tx, ses.ID, out)
	})
	return out, err
}

// madeIn attaches to each goal its check-in in the session, if any.
func madeIn(tx *gorm.DB, sessionID uint, goals []SessionGoal) error {
	var ks []CheckIn
	err := tx.Model(&model.GoalCheckIn{}).Where("session_id = ?", sessionID).Scan(&ks).Error
	if err != nil {
		return err
	}
	byGoal := map[uint]*CheckIn{}
	for i := range ks {
		byGoal[ks[i].GoalID] = &ks[i]
	}
	for i := range goals {
		goals[i].CheckIn = byGoal[goals[i].ID]
	}
	return nil
}

// flagStale sets each goal's Stale flag as its page would: the panel's goals
// are of one circle (or personal), so this reads that circle's last held
// sessions and their check-ins once, whatever the number of goals.
func flagStale(tx *gorm.DB, goals []SessionGoal) error {
	gs := make([]model.Goal, len(goals))
	for i := range goals {
		gs[i] = goals[i].Goal
	}
	stale, err := staleGoals(tx, gs)
	if err != nil {
		return err
	}
	for i := range goals {
		goals[i].Stale = stale[goals[i].ID]
	}
	return nil
}
