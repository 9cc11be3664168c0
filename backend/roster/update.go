package roster

import (
	"strconv"
	"strings"
	"time"

	"circlebook/backend/model"

	"gorm.io/gorm"
)

// updateBatch is how many people one UPDATE writes (18 values each).
const updateBatch = 200

// updateColumns are the people columns an import's update writes, in the
// order updateRow gives their values after the id.
var updateColumns = []string{"name", "email", "pronouns", "title", "team", "organization", "location",
	"time_zone", "start_date", "role_wanted", "strengths", "growth_areas", "languages", "capacity", "cohort",
	"name_key", "search_key"}

// updatePeople writes the people an import changed, updateBatch a
// statement (UPDATE ... FROM (VALUES ...)) instead of a statement a
// person, all stamped updated at now. The values go in as text, cast
// where the column is a number, so both engines read them alike.
func updatePeople(tx *gorm.DB, people []*model.Person, now time.Time) error {
	for start := 0; start < len(people); start += updateBatch {
		part := people[start:min(len(people), start+updateBatch)]
		rows := make([]string, len(part))
		args := make([]any, 0, 1+len(part)*(1+len(updateColumns)))
		args = append(args, now)
		for i, p := range part {
			p.UpdatedAt = now
			rows[i] = "(" + strings.TrimSuffix(strings.Repeat("?, ", 1+len(updateColumns)), ", ") + ")"
			args = append(args, updateRow(p)...)
		}
		if err := tx.Exec(updateSQL+strings.Join(rows, ", ")+updateWhere, args...).Error; err != nil {
			return err
		}
	}
	return nil
}

// updateRow is a person's id and updateColumns' values, as text.
func updateRow(p *model.Person) []any {
	p.NameKey, p.SearchKey = model.PersonKeys(p.Name, p.Email, p.Team, p.Title)
	return []any{strconv.FormatUint(uint64(p.ID), 10), p.Name, p.Email, p.Pronouns, p.Title, p.Team, p.Organization,
		p.Location, p.TimeZone, p.StartDate, p.RoleWanted, p.Strengths, p.GrowthAreas, p.Languages,
		strconv.Itoa(p.Capacity), p.Cohort, p.NameKey, p.SearchKey}
}

// updateSQL and updateWhere frame the rows of values: a VALUES list names
// its columns column1, column2, ... on both engines.
var updateSQL, updateWhere = func() (string, string) {
	set := []string{"updated_at = ?"}
	for i, c := range updateColumns {
		v := "v.column" + strconv.Itoa(i+2)
		if c == "capacity" {
			v = "CAST(" + v + " AS INTEGER)"
		}
		set = append(set, c+" = "+v)
	}
	return "UPDATE people SET " + strings.Join(set, ", ") + " FROM (VALUES ",
		") AS v WHERE people.id = CAST(v.column1 AS BIGINT)"
}()
