package roster

import (
	"encoding/json"
	"errors"

	"circlebook/backend/apperr"
	"circlebook/backend/model"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// Undone is what Undo put back.
type Undone struct {
	ImportID uint   `json:"importId"`
	File     string `json:"file"`
	Deleted  int    `json:"deleted"`  // people the import created
	Restored int    `json:"restored"` // people it updated, back as they were
	Left     int    `json:"left"`     // memberships it added, removed
}

// Undo reverses the last import in one transaction: it removes the
// memberships it added and the people it created, and gives the people it
// updated their earlier values back. Only the last import can be undone,
// and only once.
func (s *Roster) Undo() (Undone, error) {
	var out Undone
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var last importRow
		err := tx.Order("id DESC").Take(&last).Error
		if errors.Is(err, gorm.ErrRecordNotFound) || err == nil && last.UndoneAt != nil {
			return apperr.New(apperr.NotFound, "import", "There is no import to undo.")
		}
		if err != nil {
			return apperr.FromDB(err, "", "import")
		}
		var rec written
		if err := json.Unmarshal([]byte(last.Record), &rec); err != nil {
			return apperr.New(apperr.Internal, "import", "The record of the last import cannot be read.")
		}
		out = Undone{ImportID: last.ID, File: last.File}
		if err := undo(tx, rec, &out); err != nil {
			return err
		}
		now := s.now()
		return apperr.FromDB(tx.Model(&last).Update("undone_at", &now).Error, "", "import")
	})
	return out, err
}

// undo removes and restores what rec wrote.
func undo(tx *gorm.DB, rec written, out *Undone) error {
	if err := store.CustomPlans(tx); err != nil {
		return apperr.FromDB(err, "", "import")
	}
	for start := 0; start < len(rec.Memberships); start += lookupChunk {
		q := tx.Delete(&model.Membership{}, rec.Memberships[start:min(len(rec.Memberships), start+lookupChunk)])
		if q.Error != nil {
			return apperr.FromDB(q.Error, "", "member")
		}
		out.Left += int(q.RowsAffected)
	}
	for start := 0; start < len(rec.Created); start += lookupChunk {
		q := tx.Delete(&model.Person{}, rec.Created[start:min(len(rec.Created), start+lookupChunk)])
		if q.Error != nil {
			return apperr.FromDB(q.Error, "", "person")
		}
		out.Deleted += int(q.RowsAffected)
	}
	for _, p := range rec.Updated {
		nameKey, searchKey := model.PersonKeys(p.Name, p.Email, p.Team, p.Title)
		cols := map[string]any{
			"name": p.Name, "email": p.Email, "pronouns": p.Pronouns, "title": p.Title, "team": p.Team,
			"organization": p.Organization, "location": p.Location, "time_zone": p.TimeZone, "start_date": p.StartDate,
			"role_wanted": p.RoleWanted, "strengths": p.Strengths, "growth_areas": p.GrowthAreas, "languages": p.Languages,
			"capacity": p.Capacity, "updated_at": p.UpdatedAt, "name_key": nameKey, "search_key": searchKey}
		if p.Cohort != nil {
			cols["cohort"] = *p.Cohort
		}
		q := tx.Model(&model.Person{}).Where("id = ?", p.ID).UpdateColumns(cols)
		if q.Error != nil {
			if errors.Is(q.Error, gorm.ErrDuplicatedKey) {
				return apperr.New(apperr.Conflict, "import", "%s's earlier email %s now belongs to someone else; nothing was undone.", p.Name, p.Email)
			}
			return apperr.FromDB(q.Error, "", "person")
		}
		out.Restored += int(q.RowsAffected)
	}
	return nil
}
