package roster

import (
	"fmt"
	"strings"

	"circlebook/backend/apperr"
	"circlebook/backend/fold"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// match finds each row's existing person: by normalized email, else by
// name (folded, as lists match names) when one of the two has no email.
func (p *Plan) match(tx *gorm.DB) error {
	byEmail, err := peopleBy(tx, "lower(email) IN ? AND email <> ''", p.keys(func(rp *RowPlan) string { return fold.LowerASCII(rp.Email) }),
		func(q model.Person) string { return fold.LowerASCII(q.Email) })
	if err != nil {
		return err
	}
	for i := range p.Rows {
		if rp := &p.Rows[i]; rp.values != nil && rp.Email != "" {
			if q := byEmail[fold.LowerASCII(rp.Email)]; len(q) > 0 {
				rp.person = &q[0]
			}
		}
	}
	byName, err := peopleBy(tx, "name_key IN ?", p.keys(func(rp *RowPlan) string {
		if rp.person != nil {
			return ""
		}
		return fold.Key(rp.Name)
	}), func(q model.Person) string { return q.NameKey })
	if err != nil {
		return err
	}
	taken := map[uint]int{}
	for i := range p.Rows {
		rp := &p.Rows[i]
		if rp.values == nil {
			continue
		}
		if rp.person == nil {
			p.byName(rp, byName[fold.Key(rp.Name)])
		}
		if rp.person == nil || rp.Action == ActionError {
			continue
		}
		if n, ok := taken[rp.person.ID]; ok {
			rp.Action, rp.Field, rp.values = ActionError, FieldName, nil
			rp.Reason = fmt.Sprintf("Row %d already updates %s.", n, rp.person.Name)
			continue
		}
		taken[rp.person.ID] = rp.Row
	}
	return nil
}

// byName matches a row to the one person of its name whose email cannot
// tell them apart, with a warning; several such people make it an error.
func (p *Plan) byName(rp *RowPlan, named []model.Person) {
	var fits []model.Person
	for _, q := range named {
		if rp.Email == "" || q.Email == "" {
			fits = append(fits, q)
		}
	}
	switch len(fits) {
	case 0:
		return
	case 1:
		rp.person = &fits[0]
		rp.Warning = fmt.Sprintf("Matched to %s by name, not email: check it is the same person.", fits[0].Name)
	default:
		rp.Action, rp.Field, rp.values = ActionError, FieldName, nil
		rp.Reason = fmt.Sprintf("%d people are named %s; add an email to say which.", len(fits), rp.Name)
	}
}

// keys lists the non-empty keys of the rows still to plan, once each.
func (p *Plan) keys(key func(*RowPlan) string) []string {
	seen := map[string]bool{}
	var out []string
	for i := range p.Rows {
		rp := &p.Rows[i]
		if rp.values == nil {
			continue
		}
		if k := key(rp); k != "" && !seen[k] {
			seen[k], out = true, append(out, k)
		}
	}
	return out
}

// peopleBy loads the people where (a condition with one IN ?) holds for
// keys, a chunk at a time, grouped by key(person).
func peopleBy(tx *gorm.DB, where string, keys []string, key func(model.Person) string) (map[string][]model.Person, error) {
	out := map[string][]model.Person{}
	for start := 0; start < len(keys); start += lookupChunk {
		var found []model.Person
		if err := tx.Where(where, keys[start:min(len(keys), start+lookupChunk)]).Order("id").Find(&found).Error; err != nil {
			return nil, apperr.FromDB(err, "", "people")
		}
		for _, q := range found {
			out[key(q)] = append(out[key(q)], q)
		}
	}
	return out, nil
}

// decide gives each row still open its action: create, update with the
// fields that change, or skip when nothing would; and whether its person
// joins the circle.
func (p *Plan) decide(tx *gorm.DB) error {
	members, err := p.members(tx)
	if err != nil {
		return err
	}
	for i := range p.Rows {
		rp := &p.Rows[i]
		switch {
		case rp.Action != "":
		case rp.person == nil:
			rp.Action, rp.Reason = ActionCreate, "new person"
		default:
			rp.PersonID = rp.person.ID
			for _, f := range profileFields {
				if v, ok := rp.values[f]; ok && !same(rp.person, f, v) {
					rp.Changes = append(rp.Changes, f)
				}
			}
			rp.Action, rp.Reason = ActionSkip, "no changes"
			if len(rp.Changes) > 0 {
				rp.Action, rp.Reason = ActionUpdate, "changes "+strings.Join(rp.Changes, ", ")
			}
		}
		rp.JoinsCircle = p.CircleID != 0 && rp.Action != ActionError && rp.Reason != reasonSkipped && !members[rp.PersonID]
		p.count(rp)
	}
	return nil
}

func (p *Plan) count(rp *RowPlan) {
	switch rp.Action {
	case ActionCreate:
		p.Creates++
	case ActionUpdate:
		p.Updates++
	case ActionSkip:
		p.Skips++
	case ActionError:
		p.Errors++
	}
	if rp.JoinsCircle {
		p.Joins++
	}
}

// members is the set of matched people already in the plan's circle.
func (p *Plan) members(tx *gorm.DB) (map[uint]bool, error) {
	out := map[uint]bool{}
	if p.CircleID == 0 {
		return out, nil
	}
	var ids []uint
	for _, rp := range p.Rows {
		if rp.person != nil {
			ids = append(ids, rp.person.ID)
		}
	}
	for start := 0; start < len(ids); start += lookupChunk {
		var in []uint
		err := tx.Model(&model.Membership{}).Where("circle_id = ? AND person_id IN ?", p.CircleID, ids[start:min(len(ids), start+lookupChunk)]).
			Pluck("person_id", &in).Error
		if err != nil {
			return nil, apperr.FromDB(err, "", "members")
		}
		for _, id := range in {
			out[id] = true
		}
	}
	return out, nil
}
