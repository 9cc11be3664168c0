package roster

import (
	"strings"

	"circlebook/backend/fold"
)

// The fields a column can map to; "" leaves a column out.
const (
	FieldName         = "name"
	FieldFirstName    = "firstName"
	FieldLastName     = "lastName"
	FieldEmail        = "email"
	FieldPronouns     = "pronouns"
	FieldTitle        = "title"
	FieldTeam         = "team"
	FieldOrganization = "organization"
	FieldLocation     = "location"
	FieldTimeZone     = "timeZone"
	FieldStartDate    = "startDate"
	FieldRoleWanted   = "roleWanted"
	FieldStrengths    = "strengths"
	FieldGrowthAreas  = "growthAreas"
	FieldLanguages    = "languages"
	FieldCapacity     = "capacity"
	FieldCohort       = "cohort"
)

// Fields lists every field a column can map to, in the mapping screen's order.
var Fields = []string{FieldName, FieldFirstName, FieldLastName, FieldEmail, FieldPronouns, FieldTitle, FieldTeam,
	FieldOrganization, FieldLocation, FieldTimeZone, FieldStartDate, FieldRoleWanted, FieldStrengths,
	FieldGrowthAreas, FieldLanguages, FieldCapacity, FieldCohort}

// Mapping maps a column, by its header, to a field.
type Mapping map[string]string

// synonyms are header words (folded, letters and digits only) per field.
var synonyms = map[string][]string{
	FieldName:         {"name", "fullname", "person", "participant", "nombre", "nom", "member", "displayname"},
	FieldFirstName:    {"firstname", "givenname", "first", "forename", "prenom"},
	FieldLastName:     {"lastname", "surname", "familyname", "last", "apellido", "apellidos"},
	FieldEmail:        {"email", "emailaddress", "mail", "correo", "workemail", "courriel"},
	FieldPronouns:     {"pronouns", "pronoun"},
	FieldTitle:        {"title", "jobtitle", "position", "role", "rol", "jobrole", "cargo", "poste"},
	FieldTeam:         {"team", "department", "dept", "division", "group", "unit"},
	FieldOrganization: {"organization", "organisation", "organizacion", "org", "company", "employer", "agency", "empresa"},
	FieldLocation:     {"location", "city", "office", "site", "country", "place", "ciudad"},
	FieldTimeZone:     {"timezone", "tz", "zone", "zonahoraria"},
	FieldStartDate:    {"startdate", "start", "tenure", "tenurestart", "hiredate", "hired", "joined", "joindate", "datejoined", "since", "fechainicio"},
	FieldRoleWanted:   {"rolewanted", "mentorormentee", "mentormentee", "participation", "participantrole", "programrole", "wantsto", "iwantto", "roleinprogram", "mentoringrole"},
	FieldStrengths:    {"strengths", "skills", "expertise", "cangive", "canhelpwith", "canoffer", "fortalezas"},
	FieldGrowthAreas:  {"growthareas", "growth", "goals", "wantstolearn", "developmentareas", "learninggoals", "areastogrow", "interests"},
	FieldLanguages:    {"languages", "language", "spokenlanguages", "idiomas"},
	FieldCapacity:     {"capacity", "maxmentees", "menteecapacity", "mentees", "slots", "howmanymentees"},
	FieldCohort:       {"cohort", "intake", "programcohort", "cohorte"},
}

// headerKey folds a header to lower-case letters and digits.
func headerKey(h string) string {
	var b strings.Builder
	for _, r := range fold.Key(h) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Guess maps each column it recognises by its header, then by its sample
// values (emails, time zones, dates) for the fields still unmapped; one
// column per field, the first that fits.
func Guess(t Table) Mapping {
	m := Mapping{}
	taken := map[string]bool{}
	for _, h := range t.Headers {
		if f := byHeader(headerKey(h)); f != "" && !taken[f] {
			m[h], taken[f] = f, true
		}
	}
	for i, h := range t.Headers { // a "Role" column of mentor / mentee is the role wanted
		if m[h] == FieldTitle && !taken[FieldRoleWanted] && rolesOnly(samples(t, i, 20)) {
			m[h], taken[FieldRoleWanted], taken[FieldTitle] = FieldRoleWanted, true, false
		}
	}
	if taken[FieldName] {
		for _, h := range t.Headers { // "name" wins over first + last
			if m[h] == FieldFirstName || m[h] == FieldLastName {
				delete(m, h)
			}
		}
	}
	for i, h := range t.Headers {
		if _, ok := m[h]; ok {
			continue
		}
		if f := bySamples(samples(t, i, 20)); f != "" && !taken[f] {
			m[h], taken[f] = f, true
		}
	}
	return m
}

// byHeader is the field whose synonym the header key is, or starts with.
func byHeader(key string) string {
	for _, f := range Fields {
		for _, s := range synonyms[f] {
			if key == s {
				return f
			}
		}
	}
	for _, f := range Fields {
		for _, s := range synonyms[f] {
			if len(s) >= 5 && strings.HasPrefix(key, s) {
				return f
			}
		}
	}
	return ""
}

// bySamples is the field most of a column's non-empty values fit.
func bySamples(values []string) string {
	if len(values) == 0 {
		return ""
	}
	var emails, zones, dates int
	for _, v := range values {
		if strings.Contains(v, "@") {
			emails++
		}
		if strings.Contains(v, "/") && validZone(v) {
			zones++
		}
		if _, ok := parseDate(v, dayFirst); ok {
			dates++
		}
	}
	switch half := (len(values) + 1) / 2; {
	case emails >= half:
		return FieldEmail
	case zones >= half:
		return FieldTimeZone
	case dates >= half:
		return FieldStartDate
	}
	return ""
}

// samples returns up to n non-empty values of column i.
func samples(t Table, i, n int) []string {
	var out []string
	for _, r := range t.Rows {
		if len(out) == n {
			break
		}
		if r.Cells[i] != "" {
			out = append(out, r.Cells[i])
		}
	}
	return out
}

// rolesOnly reports values that are all roles wanted.
func rolesOnly(values []string) bool {
	for _, v := range values {
		if _, ok := roleWanted(v); !ok {
			return false
		}
	}
	return len(values) > 0
}
