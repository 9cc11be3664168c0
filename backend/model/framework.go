package model

// Framework is a named list of topics or skills (a competency model, a set
// of principles) that a leader makes once and reuses across circles.
type Framework struct {
	Base
	Name        string `gorm:"not null" json:"name"`
	Description string `json:"description"`

	Items []FrameworkItem `gorm:"constraint:OnDelete:CASCADE" json:"items,omitempty"`
}

// FrameworkItem is one topic or skill of a framework.
type FrameworkItem struct {
	Base
	FrameworkID uint   `gorm:"not null" json:"frameworkId"`
	Position    int    `json:"position"`
	Name        string `gorm:"not null" json:"name"`
}

// CircleFramework is a circle's use of a framework.
type CircleFramework struct {
	CircleID    uint `gorm:"primaryKey" json:"circleId"`
	FrameworkID uint `gorm:"primaryKey" json:"frameworkId"`
}
