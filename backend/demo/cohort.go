package demo

import (
	"fmt"

	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// SampleCohort is the sample cohort's name.
const SampleCohort = "2026 spring cohort"

// cohortSkills are the tags the sample cohort's strengths and growth areas draw on.
var cohortSkills = []string{"public speaking", "hiring", "system design", "negotiation", "feedback", "roadmapping",
	"delegation", "data storytelling", "career planning", "stakeholder management"}

// cohortNames are the sample cohort's people: the first 12 want to mentor.
var cohortNames = []string{
	"Amara Okoye", "Bruno Costa", "Chen Wei", "Daniela Ruiz", "Elif Demir", "Farid Haddad", "Grace Mwangi", "Hiroshi Sato",
	"Isabel Ferreira", "Jonas Weber", "Kavya Iyer", "Liam O'Connor",
	"Maya Cohen", "Nikolai Petrov", "Olga Sokolova", "Pablo Jiménez", "Qi Zhang", "Rosa Martínez", "Samir Khan", "Tamar Levi",
	"Uchenna Eze", "Valentina Greco", "Wanjiru Kamau", "Xavier Laurent", "Yara Haddad", "Zainab Bello", "Aleksander Nowak",
	"Beatriz Souza", "Cem Yıldız", "Dana Novak", "Emeka Obi", "Freya Larsen", "Gustavo Pereira", "Hye-jin Park",
	"Ivan Horvat", "Julia Schmidt", "Kofi Boateng", "Lucía Fernández", "Marek Kowalski", "Nadia Rahman",
}

// cohortOrgs, cohortZones and cohortLanguages are spread over the cohort.
var (
	cohortOrgs      = []string{"Acme Health", "Northwind Bank", "Globex Energy", "Initech", "Umbrella Labs", "Stark Logistics"}
	cohortZones     = []string{"Europe/Madrid", "Europe/London", "America/New_York", "America/Sao_Paulo", "Africa/Lagos", "Europe/Berlin", "Asia/Kolkata"}
	cohortLanguages = []string{"English", "English, Spanish", "English, Portuguese", "English, French", "English, German"}
)

// cohortPerson is the sample cohort's i-th person: deterministic, so a
// second load finds the same people by UUID.
func cohortPerson(i int) model.Person {
	name := cohortNames[i]
	p := model.Person{Name: name, Cohort: SampleCohort, Organization: cohortOrgs[(i*5)%len(cohortOrgs)],
		TimeZone: cohortZones[(i*3)%len(cohortZones)], Languages: cohortLanguages[(i*7)%len(cohortLanguages)],
		Email: fmt.Sprintf("cohort%02d@example.org", i+1)}
	p.UUID = id("cohort-person", p.Email)
	if i < 12 {
		p.RoleWanted, p.Capacity = model.WantsMentor, 2+i%2
		p.StartDate = fmt.Sprintf("%d-%02d-15", 2016+i%5, 1+i%12)
		p.Strengths = cohortSkills[i%10] + ", " + cohortSkills[(i+3)%10] + ", " + cohortSkills[(i+6)%10]
		p.Title = "Senior Manager"
	} else {
		p.RoleWanted = model.WantsMentee
		p.StartDate = fmt.Sprintf("%d-%02d-01", 2022+i%4, 1+(i*5)%12)
		p.GrowthAreas = cohortSkills[(i*3)%10] + ", " + cohortSkills[(i*7+1)%10]
		p.Title = "Engineer"
	}
	return p
}

// CohortResult is what LoadCohort did.
type CohortResult struct {
	Created bool   `json:"created"` // false when the cohort was already there
	Cohort  string `json:"cohort"`
	People  int    `json:"people"`
	Mentors int    `json:"mentors"`
}

// LoadCohort adds the sample cohort, 12 mentors and 28 mentees of six
// organizations, seven time zones and tenures from six months to ten
// years, unless it is already there, in one transaction: something to
// match and form circles from before importing a roster.
func (d *Demo) LoadCohort() (CohortResult, error) {
	out := CohortResult{Cohort: SampleCohort, People: len(cohortNames), Mentors: 12}
	err := d.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&model.Person{}).Where("uuid = ?", cohortPerson(0).UUID).Count(&n).Error; err != nil || n > 0 {
			return err
		}
		out.Created = true
		for i := range cohortNames {
			p := cohortPerson(i)
			if err := tx.Create(&p).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return CohortResult{}, apperr.FromDB(err, "", "sample cohort")
	}
	return out, nil
}
