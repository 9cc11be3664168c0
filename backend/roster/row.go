package roster

import (
	"errors"
	"strconv"
	"strings"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
)

// values reads a row's raw value of each mapped field, then the caller's
// fixes over them; first and last name join into the name.
func values(t Table, r Row, m Mapping, fixes map[string]string) map[string]string {
	raw := map[string]string{}
	for i, h := range t.Headers {
		if f := m[h]; f != "" && r.Cells[i] != "" {
			raw[f] = r.Cells[i]
		}
	}
	for f, v := range fixes {
		raw[f] = strings.TrimSpace(v)
	}
	if raw[FieldName] == "" {
		raw[FieldName] = strings.TrimSpace(raw[FieldFirstName] + " " + raw[FieldLastName])
	}
	delete(raw, FieldFirstName)
	delete(raw, FieldLastName)
	for f, v := range raw {
		if v == "" {
			delete(raw, f)
		}
	}
	return raw
}

// normalize checks and tidies a row's values: a date to YYYY-MM-DD, the
// role wanted and capacity to their forms, lists joined by ", ". It
// returns the first problem as an *apperr.Error naming the field.
func normalize(raw map[string]string, order dateOrder, today string) (map[string]string, error) {
	out := make(map[string]string, len(raw))
	for f, v := range raw {
		out[f] = v
	}
	if out[FieldName] == "" {
		return nil, apperr.New(apperr.Invalid, FieldName, "The name is missing.")
	}
	out[FieldEmail] = strings.Trim(out[FieldEmail], " <>")
	if strings.HasPrefix(strings.ToLower(out[FieldEmail]), "mailto:") {
		out[FieldEmail] = out[FieldEmail][len("mailto:"):]
	}
	if v := raw[FieldStartDate]; v != "" {
		d, ok := parseDate(v, order)
		if !ok {
			d, ok = serialDate(v)
		}
		if !ok {
			return nil, apperr.New(apperr.Invalid, FieldStartDate, "%q is not a date (use a date like 2024-03-31).", v)
		}
		out[FieldStartDate] = d
	}
	if v := raw[FieldRoleWanted]; v != "" {
		r, ok := roleWanted(v)
		if !ok {
			return nil, apperr.New(apperr.Invalid, FieldRoleWanted, "%q is not a role wanted: use mentor, mentee or both.", v)
		}
		out[FieldRoleWanted] = r
	}
	if v := raw[FieldCapacity]; v != "" {
		n, ok := capacity(v)
		if !ok {
			return nil, apperr.New(apperr.Invalid, FieldCapacity, "%q is not a number of mentees from 0 to %d.", v, MaxCapacity)
		}
		out[FieldCapacity] = strconv.Itoa(n)
	}
	for _, f := range []string{FieldStrengths, FieldGrowthAreas, FieldLanguages} {
		if out[f] != "" {
			out[f] = list(out[f])
		}
	}
	for f, v := range out {
		if v == "" {
			delete(out, f)
		}
	}
	return out, validate(out, today)
}

// validate checks each value against the person form's rules.
func validate(v map[string]string, today string) error {
	err := check.First(
		check.RequiredUpTo(FieldName, "Name", v[FieldName], check.MaxName),
		check.Email(FieldEmail, v[FieldEmail]),
		check.UpTo(FieldPronouns, v[FieldPronouns], check.MaxTitle),
		check.UpTo(FieldTitle, v[FieldTitle], check.MaxTitle),
		check.UpTo(FieldTeam, v[FieldTeam], check.MaxTitle),
		check.UpTo(FieldOrganization, v[FieldOrganization], check.MaxTitle),
		check.UpTo(FieldLocation, v[FieldLocation], check.MaxTitle),
		zone(v[FieldTimeZone]),
		check.First(check.Date(FieldStartDate, v[FieldStartDate]), check.NotFuture(FieldStartDate, v[FieldStartDate], today)),
		check.UpTo(FieldStrengths, v[FieldStrengths], check.MaxProse),
		check.UpTo(FieldGrowthAreas, v[FieldGrowthAreas], check.MaxProse),
		check.UpTo(FieldLanguages, v[FieldLanguages], check.MaxTitle),
		check.UpTo(FieldCohort, v[FieldCohort], check.MaxTitle),
	)
	var ae *apperr.Error
	if errors.As(err, &ae) && ae.Field == FieldEmail && ae.Code == apperr.Invalid {
		return apperr.New(apperr.Invalid, FieldEmail, "%q is not an email address.", v[FieldEmail])
	}
	return err
}

// zone checks a time zone, naming the one that is unknown.
func zone(v string) error {
	if v == "" || validZone(v) {
		return nil
	}
	return apperr.New(apperr.Invalid, FieldTimeZone, "%q is not a time zone (use one like Europe/Madrid).", v)
}
