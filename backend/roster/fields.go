package roster

import (
	"strconv"
	"strings"

	"circlebook/backend/fold"
	"circlebook/backend/model"
)

// profileFields are the fields a row writes to a person, each with how it
// reads and sets the person's value; first and last name make the name.
var profileFields = []string{FieldName, FieldEmail, FieldPronouns, FieldTitle, FieldTeam, FieldOrganization,
	FieldLocation, FieldTimeZone, FieldStartDate, FieldRoleWanted, FieldStrengths, FieldGrowthAreas,
	FieldLanguages, FieldCapacity, FieldCohort}

// get returns a person's value of field as text.
func get(p *model.Person, field string) string {
	switch field {
	case FieldCapacity:
		return strconv.Itoa(p.Capacity)
	case FieldEmail:
		return fold.LowerASCII(p.Email) // an email differing only in case is the same
	}
	return *text(p, field)
}

// set gives a person field's value, read from text already checked.
func set(p *model.Person, field, v string) {
	if field == FieldCapacity {
		p.Capacity, _ = strconv.Atoi(v)
		return
	}
	*text(p, field) = v
}

// text is the person's string field behind a field name.
func text(p *model.Person, field string) *string {
	switch field {
	case FieldName:
		return &p.Name
	case FieldEmail:
		return &p.Email
	case FieldPronouns:
		return &p.Pronouns
	case FieldTitle:
		return &p.Title
	case FieldTeam:
		return &p.Team
	case FieldOrganization:
		return &p.Organization
	case FieldLocation:
		return &p.Location
	case FieldTimeZone:
		return &p.TimeZone
	case FieldStartDate:
		return &p.StartDate
	case FieldRoleWanted:
		return &p.RoleWanted
	case FieldStrengths:
		return &p.Strengths
	case FieldGrowthAreas:
		return &p.GrowthAreas
	case FieldCohort:
		return &p.Cohort
	case FieldLanguages:
		return &p.Languages
	}
	panic("roster: no person field " + field)
}

// same reports whether the row's value v is what the person has.
func same(p *model.Person, field, v string) bool {
	if field == FieldEmail {
		return get(p, field) == fold.LowerASCII(v)
	}
	return strings.TrimSpace(get(p, field)) == v
}
