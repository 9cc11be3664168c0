package model

// Milestone kinds.
const (
	MilestonePromotion     = "promotion"
	MilestoneNewRole       = "new_role"
	MilestoneCertification = "certification"
	MilestonePraise        = "praise"
	MilestoneFeedback      = "feedback"
	MilestoneOther         = "other"
)

// MilestoneKinds lists every milestone kind in display order.
var MilestoneKinds = []string{MilestonePromotion, MilestoneNewRole, MilestoneCertification, MilestonePraise, MilestoneFeedback, MilestoneOther}

// Milestone is a dated event on a person's timeline: a promotion, a new
// role, a certification, praise or feedback received. Private ones never
// leave the laptop.
type Milestone struct {
	Base
	PersonID   uint   `gorm:"not null" json:"personId"`
	Kind       string `gorm:"not null" json:"kind"`
	HappenedOn string `gorm:"not null" json:"happenedOn"` // YYYY-MM-DD
	Text       string `gorm:"not null" json:"text"`       // one line
	Visibility string `gorm:"not null" json:"visibility"`
}
