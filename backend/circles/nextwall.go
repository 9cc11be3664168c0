package circles

import (
	"strings"
	"time"

	"gorm.io/gorm"
)

// nowWalls is, for the circles ids, a SQL expression on c.time_zone giving
// the wall time now in each circle's zone (YYYY-MM-DDTHH:MM, as sessions
// store their starts), with its arguments. A list row's next session is
// the first planned one not yet begun there: not the computer's date, and
// not one earlier today that has passed (issue 11, item 7; the Today
// screen's rule). A zone that does not load is the computer's.
func nowWalls(tx *gorm.DB, ids []uint, now time.Time) (string, []any, error) {
	var zones []string
	if err := tx.Table("circles").Where("id IN ?", ids).Distinct("time_zone").Pluck("time_zone", &zones).Error; err != nil {
		return "", nil, err
	}
	const wall = "2006-01-02T15:04"
	var b strings.Builder
	var args []any
	b.WriteString("(CASE c.time_zone")
	for _, z := range zones {
		loc := now.Location()
		if l, err := time.LoadLocation(z); z != "" && err == nil {
			loc = l
		}
		b.WriteString(" WHEN ? THEN ?")
		args = append(args, z, now.In(loc).Format(wall))
	}
	b.WriteString(" ELSE ? END)")
	return b.String(), append(args, now.Format(wall)), nil
}
