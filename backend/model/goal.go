package model

// Goal statuses.
const (
	GoalDraft    = "draft"
	GoalActive   = "active"
	GoalAtRisk   = "at_risk"
	GoalAchieved = "achieved"
	GoalDropped  = "dropped"
)

// GoalStatuses lists every goal status in display order.
var GoalStatuses = []string{GoalDraft, GoalActive, GoalAtRisk, GoalAchieved, GoalDropped}

// How a goal's progress is measured.
const (
	ProgressTasks  = "tasks"  // the share of its tasks ticked
	ProgressManual = "manual" // set by hand, with a dated comment
)

// MaxGoalTasks is how many tasks a goal may have.
const MaxGoalTasks = 6

// Goal is something a person works towards, usually within one circle.
// Private goals are the leader's alone: they never leave the laptop.
type Goal struct {
	Base
	PersonID        uint   `gorm:"not null" json:"personId"`
	CircleID        *uint  `json:"circleId"` // nil: a personal goal, outside any circle
	Title           string `gorm:"not null" json:"title"`
	Why             string `json:"why"`             // why it matters
	SuccessCriteria string `json:"successCriteria"` // how we'll know
	TargetDate      string `json:"targetDate"`      // YYYY-MM-DD or ""
	Status          string `gorm:"not null" json:"status"`
	ProgressMode    string `gorm:"not null" json:"progressMode"`
	Progress        int    `json:"progress"` // 0-100, set by hand (ProgressManual); see the service for ProgressTasks
	Visibility      string `gorm:"not null" json:"visibility"`
	SearchKey       string `gorm:"not null;default:''" json:"-"` // the folded searchable text (SearchText), for search

	Tasks []GoalTask `gorm:"constraint:OnDelete:CASCADE" json:"tasks,omitempty"`
}
