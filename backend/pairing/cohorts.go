package pairing

// MaxCohorts is the most cohorts Cohorts lists.
const MaxCohorts = 200

// Cohort is a cohort of people: its name, and how many want to mentor and
// to be mentored.
type Cohort struct {
	Name    string `json:"name"`
	People  int    `json:"people"`
	Mentors int    `json:"mentors"` // who want to mentor (or both)
	Mentees int    `json:"mentees"` // who want to be mentored (or both)
}

// Cohorts lists the people's cohorts by name, for the matching and forming
// screens: at most MaxCohorts, read from the cohort index.
func (p *Pairing) Cohorts() ([]Cohort, error) {
	out := []Cohort{}
	err := p.db.Table("people").Select(`cohort AS name, COUNT(*) AS people,
		SUM(CASE WHEN role_wanted IN ('mentor', 'both') THEN 1 ELSE 0 END) AS mentors,
		SUM(CASE WHEN role_wanted IN ('mentee', 'both') THEN 1 ELSE 0 END) AS mentees`).
		Where("cohort > ''").Group("cohort").Order("cohort").Limit(MaxCohorts).Scan(&out).Error
	return out, err
}
