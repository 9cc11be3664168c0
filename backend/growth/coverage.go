package growth

import (
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// MaxCoverage caps the coverage a circle's Growth view lists: members by items.
const MaxCoverage = 2_000

// Coverage is how many sessions a member attended (present or late) that
// were tagged with a topic named as one of the circle's framework items.
type Coverage struct {
	PersonID        uint   `json:"personId"`
	Name            string `json:"name"`
	FrameworkItemID uint   `json:"frameworkItemId"`
	Sessions        int    `json:"sessions"`
}

// coverageSQL first pairs the circle's held sessions with the items their
// topics name (a few rows; MATERIALIZED keeps SQLite from folding it into
// the outer join), then counts the members marked present or late at them.
const coverageSQL = `WITH m AS MATERIALIZED (
  SELECT s.id AS session_id, i.id AS item_id, i.position
  FROM sessions s
  JOIN session_topics x ON x.session_id = s.id
  JOIN topics t ON t.id = x.topic_id
  JOIN circle_frameworks cf ON cf.circle_id = s.circle_id
  JOIN framework_items i ON i.framework_id = cf.framework_id AND lower(i.name) = lower(t.name)
  WHERE s.circle_id = ? AND s.status = ?)
SELECT a.person_id, p.name, m.item_id AS framework_item_id, COUNT(*) AS sessions
FROM m JOIN attendance a ON a.session_id = m.session_id JOIN people p ON p.id = a.person_id
WHERE a.status IN ?
GROUP BY a.person_id, p.name, p.name_key, m.item_id, m.position
ORDER BY p.name_key, a.person_id, m.position, m.item_id
LIMIT ?`

// coverage reads the topics each member covered against the circle's
// frameworks: a topic counts for an item of the same name, case aside. It
// reads the circle's sessions and their tags and marks: index searches all.
func coverage(tx *gorm.DB, circleID uint) ([]Coverage, error) {
	out := []Coverage{}
	err := tx.Raw(coverageSQL, circleID, model.SessionHeld, []string{model.Present, model.Late}, MaxCoverage).Scan(&out).Error
	return out, err
}
