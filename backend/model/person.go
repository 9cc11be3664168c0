package model

// Person is someone in the program; one person can be in many circles.
type Person struct {
	Base
	Name        string `gorm:"not null" json:"name"`
	Email       string `json:"email"` // unique when set, compared case-insensitively
	Pronouns    string `json:"pronouns"`
	Title       string `json:"title"`
	Team        string `json:"team"`
	Location    string `json:"location"`
	TimeZone    string `json:"timeZone"`
	StartDate   string `json:"startDate"` // YYYY-MM-DD, for tenure
	Strengths   string `json:"strengths"`
	GrowthAreas string `json:"growthAreas"`
	PrivateNote string `json:"privateNote"` // the leader's alone; never exported

	Memberships []Membership `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	Attendance  []Attendance `gorm:"constraint:OnDelete:CASCADE" json:"-"`
}

// TableName names the table explicitly so it never depends on pluralisation rules.
func (Person) TableName() string { return "people" }
