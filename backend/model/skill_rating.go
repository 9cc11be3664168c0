package model

// Skill rating phases: at the start and at the end of a period.
const (
	PhaseBefore = "before"
	PhaseAfter  = "after"
)

// SkillRating is a person's 1-5 rating on one framework item in a circle,
// before or after a period; one per phase.
type SkillRating struct {
	Base
	PersonID        uint   `gorm:"not null" json:"personId"`
	CircleID        uint   `gorm:"not null" json:"circleId"`
	FrameworkItemID uint   `gorm:"not null" json:"frameworkItemId"`
	Rating          int    `json:"rating"` // 1-5
	Phase           string `gorm:"not null" json:"phase"`
	RatedOn         string `gorm:"not null" json:"ratedOn"` // YYYY-MM-DD
}
