package model

import (
	"strings"

	"circlebook/backend/fold"

	"gorm.io/gorm"
)

// The roles a person may want in matching.
const (
	WantsMentor = "mentor"
	WantsMentee = "mentee"
	WantsBoth   = "both"
)

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
	// Organization, RoleWanted (mentor, mentee, both or ""), Languages and
	// Capacity (mentees a mentor takes; 0 unknown) are what matching reads.
	Organization string `json:"organization"`
	RoleWanted   string `json:"roleWanted"`
	Languages    string `json:"languages"`
	Capacity     int    `gorm:"not null;default:0" json:"capacity"`
	OrgPref      string `gorm:"not null;default:''" json:"orgPref"` // a partner from the same organization, a different one ("", the default) or any
	PrivateNote  string `json:"privateNote"`                        // the leader's alone; never exported
	Cohort       string `gorm:"not null;default:''" json:"cohort"`  // the program intake they came with, or ""

	NameKey   string `gorm:"not null;default:''" json:"-"` // fold.Key(Name): lists sort by it; indexed
	SearchKey string `gorm:"not null;default:''" json:"-"` // the folded name, email, team and title, for search

	Memberships []Membership `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	Attendance  []Attendance `gorm:"constraint:OnDelete:CASCADE" json:"-"`
}

// TableName names the table explicitly so it never depends on pluralisation rules.
func (Person) TableName() string { return "people" }

// BeforeSave keeps the folded keys in step with the fields they fold, on
// every Create and Save (a write that bypasses hooks sets them with PersonKeys).
func (p *Person) BeforeSave(*gorm.DB) error {
	p.NameKey, p.SearchKey = PersonKeys(p.Name, p.Email, p.Team, p.Title)
	return nil
}

// PersonKeys returns the key people sort by (their folded name) and the one
// the people search looks in (folded name, email, team and title, a line each).
func PersonKeys(name, email, team, title string) (nameKey, searchKey string) {
	nameKey = fold.Key(name)
	return nameKey, strings.Join([]string{nameKey, fold.Key(email), fold.Key(team), fold.Key(title)}, "\n")
}
