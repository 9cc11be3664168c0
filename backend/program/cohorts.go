package program

import (
	"circlebook/backend/model"
)

// MaxCohorts is the most cohorts Cohorts lists.
const MaxCohorts = 200

// Cohort is a cohort's name and how many current circles carry it.
type Cohort struct {
	Name    string `json:"name"`
	Circles int    `json:"circles"`
}

// Cohorts lists the cohorts of current circles by name, for the program
// view's filter: at most MaxCohorts, read from the cohort index.
func (s *Program) Cohorts() ([]Cohort, error) {
	out := []Cohort{}
	err := s.db.Table("circles").Select("cohort AS name, COUNT(*) AS circles").
		Where("cohort > '' AND status <> ?", model.CircleArchived).
		Group("cohort").Order("cohort").Limit(MaxCohorts).Scan(&out).Error
	return out, err
}
