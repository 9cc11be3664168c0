package goals

import (
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// StaleAfter is how many of its circle's latest held sessions a goal may go
// through without a check-in before it is flagged.
const StaleAfter = 3

// open reports whether a goal is still being worked on: only those are flagged.
func open(status string) bool { return status == model.GoalActive || status == model.GoalAtRisk }

// staleGoals flags the goals among gs, open and in a circle, that existed
// through their circle's last StaleAfter held sessions and had no check-in
// in any of them. It reads each circle's sessions once: a few index lookups.
func staleGoals(tx *gorm.DB, gs []model.Goal) (map[uint]bool, error) {
	byCircle := map[uint][]model.Goal{}
	for _, g := range gs {
		if g.CircleID != nil && open(g.Status) {
			byCircle[*g.CircleID] = append(byCircle[*g.CircleID], g)
		}
	}
	out := map[uint]bool{}
	for circleID, goals := range byCircle {
		if err := staleInCircle(tx, circleID, goals, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// staleInCircle flags, in out, the goals of one circle that are stale.
func staleInCircle(tx *gorm.DB, circleID uint, goals []model.Goal, out map[uint]bool) error {
	var last []model.Session
	err := tx.Select("id", "starts_at").Where("circle_id = ? AND status = ?", circleID, model.SessionHeld).
		Order("starts_at DESC").Limit(StaleAfter).Find(&last).Error
	if err != nil || len(last) < StaleAfter {
		return err
	}
	oldest := last[len(last)-1].StartsAt[:len(check.DateLayout)]
	var candidates, sessions []uint
	for _, g := range goals {
		if g.CreatedAt.Format(check.DateLayout) <= oldest {
			candidates = append(candidates, g.ID)
		}
	}
	if len(candidates) == 0 {
		return nil
	}
	for _, s := range last {
		sessions = append(sessions, s.ID)
	}
	var seen []uint
	err = tx.Model(&model.GoalCheckIn{}).Distinct("goal_id").
		Where("session_id IN ? AND goal_id IN ?", sessions, candidates).Pluck("goal_id", &seen).Error
	if err != nil {
		return err
	}
	for _, id := range candidates {
		out[id] = true
	}
	for _, id := range seen {
		delete(out, id)
	}
	return nil
}
