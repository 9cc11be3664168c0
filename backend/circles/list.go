package circles

import (
	"circlebook/backend/attendance"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Summary is one row of the circles list.
type Summary struct {
	model.Circle
	MemberCount int              `json:"memberCount"`
	NextSession *model.Session   `json:"nextSession"` // the first planned session from today on
	Attendance  attendance.Tally `json:"attendance"`
}

// List returns the circles by name; archived ones only when asked.
func (s *Circles) List(includeArchived bool) ([]Summary, error) {
	var circles []model.Circle
	q := s.db.Order("name COLLATE NOCASE")
	if !includeArchived {
		q = q.Where("status <> ?", model.CircleArchived)
	}
	if err := q.Find(&circles).Error; err != nil {
		return nil, err
	}
	counts, err := memberCounts(s.db)
	if err != nil {
		return nil, err
	}
	next, err := nextSessions(s.db, s.now().Format("2006-01-02"))
	if err != nil {
		return nil, err
	}
	tallies, err := attendance.ByCircle(s.db, nil)
	if err != nil {
		return nil, err
	}
	out := make([]Summary, len(circles))
	for i, c := range circles {
		out[i] = Summary{Circle: c, MemberCount: counts[c.ID], NextSession: next[c.ID]}
		if t := tallies[c.ID]; t != nil {
			out[i].Attendance = *t
		}
	}
	return out, nil
}

func memberCounts(tx *gorm.DB) (map[uint]int, error) {
	var rows []struct {
		CircleID uint
		N        int
	}
	err := tx.Model(&model.Membership{}).Select("circle_id, COUNT(*) AS n").
		Where("left_on = ''").Group("circle_id").Scan(&rows).Error
	out := make(map[uint]int, len(rows))
	for _, r := range rows {
		out[r.CircleID] = r.N
	}
	return out, err
}

// nextSessions finds each circle's first planned session on or after today.
func nextSessions(tx *gorm.DB, today string) (map[uint]*model.Session, error) {
	var sessions []model.Session
	err := tx.Raw(`SELECT s.* FROM sessions s JOIN (
			SELECT circle_id, MIN(starts_at) AS first FROM sessions
			WHERE status = ? AND starts_at >= ? GROUP BY circle_id
		) n ON n.circle_id = s.circle_id AND n.first = s.starts_at
		WHERE s.status = ?`, model.SessionPlanned, today, model.SessionPlanned).Scan(&sessions).Error
	out := make(map[uint]*model.Session, len(sessions))
	for i := range sessions {
		if out[sessions[i].CircleID] == nil {
			out[sessions[i].CircleID] = &sessions[i]
		}
	}
	return out, err
}
