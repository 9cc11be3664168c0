package today

import (
	"circlebook/backend/check"

	"gorm.io/gorm"
)

// Settings are the thresholds of "needs attention", kept in the database
// (one row of today_settings; none means Defaults).
type Settings struct {
	DriftMissed   int `json:"driftMissed"`   // absences among the last DriftWindow held sessions that make a member drifting
	DriftWindow   int `json:"driftWindow"`   // how many of the circle's latest held sessions count
	AbsentDays    int `json:"absentDays"`    // days without being present or late, while the circle met
	OverdueDays   int `json:"overdueDays"`   // days past its due date before an open item shows (0: once past due)
	OpenDays      int `json:"openDays"`      // an item open longer than this shows
	QuietDays     int `json:"quietDays"`     // a circle with no session held in longer than this shows
	GoalQuietDays int `json:"goalQuietDays"` // an open goal with no check-in in longer than this shows
}

// Defaults are issue 11's thresholds (no session in 21 days is Mentorloop's "stuck").
var Defaults = Settings{DriftMissed: 2, DriftWindow: 3, AbsentDays: 42, OverdueDays: 0, OpenDays: 21, QuietDays: 21, GoalQuietDays: 28}

// settingsRow is the table's one row.
type settingsRow struct {
	ID int
	Settings
}

// loadSettings reads the thresholds, or Defaults when none were saved.
func loadSettings(tx *gorm.DB) (Settings, error) {
	var rows []settingsRow
	if err := tx.Table("today_settings").Where("id = 1").Limit(1).Find(&rows).Error; err != nil {
		return Settings{}, err
	}
	if len(rows) == 0 {
		return Defaults, nil
	}
	return rows[0].Settings, nil
}

// validate names every field out of range.
func (s Settings) validate() error {
	return check.All(
		check.Range("driftWindow", "Sessions counted", s.DriftWindow, 1, 20),
		check.Range("driftMissed", "Missed sessions", s.DriftMissed, 1, max(1, min(s.DriftWindow, 20))),
		check.Range("absentDays", "Days without attendance", s.AbsentDays, 1, 365),
		check.Range("overdueDays", "Days overdue", s.OverdueDays, 0, 365),
		check.Range("openDays", "Days open", s.OpenDays, 1, 365),
		check.Range("quietDays", "Days without a session", s.QuietDays, 1, 365),
		check.Range("goalQuietDays", "Days without a goal check-in", s.GoalQuietDays, 1, 365),
	)
}

// SaveSettings validates s (each field's error named) and keeps it, in one
// transaction; it returns what is now saved.
func (t *Today) SaveSettings(s Settings) (Settings, error) {
	if err := s.validate(); err != nil {
		return Settings{}, err
	}
	err := t.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Table("today_settings").Where("id = 1").Updates(settingsMap(s))
		if res.Error != nil || res.RowsAffected > 0 {
			return res.Error
		}
		return tx.Table("today_settings").Create(settingsMap(s, 1)).Error
	})
	if err != nil {
		return Settings{}, err
	}
	return s, nil
}

// settingsMap is s as columns; with an id, a whole row to insert.
func settingsMap(s Settings, id ...int) map[string]any {
	m := map[string]any{"drift_missed": s.DriftMissed, "drift_window": s.DriftWindow, "absent_days": s.AbsentDays,
		"overdue_days": s.OverdueDays, "open_days": s.OpenDays, "quiet_days": s.QuietDays, "goal_quiet_days": s.GoalQuietDays}
	if len(id) > 0 {
		m["id"] = id[0]
	}
	return m
}
