package model

// MaxGoalItems is how many framework items (skills, topics) a goal may link.
const MaxGoalItems = 8

// GoalItem links a goal to a framework item it works on: a skill or topic of
// a framework its circle uses (any framework's, for a personal goal).
type GoalItem struct {
	GoalID          uint `gorm:"primaryKey" json:"goalId"`
	FrameworkItemID uint `gorm:"primaryKey" json:"frameworkItemId"`
}
