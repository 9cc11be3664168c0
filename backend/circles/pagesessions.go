package circles

import (
	"cmp"
	"slices"

	"circlebook/backend/model"

	"gorm.io/gorm"
)

// windowSQL reads the three parts of the circle page's sessions in one
// statement, each a range of the index on (circle_id, starts_at): the
// latest PastShown+1 past ones (pastPage's, to cut the same way), the next
// UpcomingShown upcoming ones (planned from today on), and the latest one
// not cancelled (the next session is proposed after it).
const windowSQL = `SELECT * FROM (SELECT 'past' AS part, s.* FROM sessions s
		WHERE s.circle_id = ? AND (s.status <> ? OR s.starts_at < ?) ORDER BY s.starts_at DESC, s.id DESC LIMIT ?) past
	UNION ALL SELECT * FROM (SELECT 'next' AS part, s.* FROM sessions s
		WHERE s.circle_id = ? AND s.status = ? AND s.starts_at >= ? ORDER BY s.starts_at, s.id LIMIT ?) upcoming
	UNION ALL SELECT * FROM (SELECT 'last' AS part, s.* FROM sessions s
		WHERE s.circle_id = ? AND s.status <> ? ORDER BY s.starts_at DESC, s.id DESC LIMIT 1) latest`

// sessionWindow reads the sessions the circle page shows, in date order,
// with its latest session not cancelled (nil: none) and the cursor of the
// past sessions before those shown. today is YYYY-MM-DD.
func sessionWindow(tx *gorm.DB, id uint, today string) ([]model.Session, *model.Session, string, error) {
	var rows []struct {
		Part string
		model.Session
	}
	err := tx.Raw(windowSQL, id, model.SessionPlanned, today, PastShown+1,
		id, model.SessionPlanned, today, UpcomingShown, id, model.SessionCancelled).Scan(&rows).Error
	if err != nil {
		return nil, nil, "", err
	}
	var past, upcoming []model.Session
	var last *model.Session
	for _, r := range rows {
		switch r.Part {
		case "past":
			past = append(past, r.Session)
		case "next":
			upcoming = append(upcoming, r.Session)
		default:
			last = &r.Session
		}
	}
	byDate := func(a, b model.Session) int {
		return cmp.Or(cmp.Compare(a.StartsAt, b.StartsAt), cmp.Compare(a.ID, b.ID))
	}
	slices.SortFunc(past, func(a, b model.Session) int { return byDate(b, a) }) // latest first, as cutPast takes them
	past, earlier := cutPast(past, cursor{Circle: id, Today: today}, PastShown)
	return dateOrder(past, upcoming), last, earlier, nil
}
