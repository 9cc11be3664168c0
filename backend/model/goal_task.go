package model

// GoalTask is one of a goal's (at most MaxGoalTasks) steps, ticked when done.
type GoalTask struct {
	Base
	GoalID   uint   `gorm:"not null" json:"goalId"`
	Position int    `json:"position"`
	Title    string `gorm:"not null" json:"title"`
	Done     bool   `json:"done"`
	DoneOn   string `json:"doneOn"` // YYYY-MM-DD when ticked, else ""
}
