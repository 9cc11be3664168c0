package sessions

import (
	"strings"
	"time"

	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// SeriesInput asks for Count sessions on the circle's cadence, the first at FirstStartsAt.
type SeriesInput struct {
	FirstStartsAt   string `json:"firstStartsAt"` // YYYY-MM-DDTHH:MM
	Count           int    `json:"count"`
	DurationMinutes int    `json:"durationMinutes"` // 0 takes the circle's usual length
	Topic           string `json:"topic"`
}

// MaxSeries caps how many sessions one series may schedule.
const MaxSeries = 104

// validate checks every field of the series form at once.
func (in SeriesInput) validate() error {
	return check.All(
		check.DateTime("firstStartsAt", in.FirstStartsAt),
		check.Range("count", "Number of sessions", in.Count, 1, MaxSeries),
		check.Range("durationMinutes", "Duration", in.DurationMinutes, 5, 24*60),
		check.UpTo("topic", strings.TrimSpace(in.Topic), check.MaxTitle),
	)
}

// ScheduleSeries adds Count planned sessions following the circle's cadence.
func (s *Sessions) ScheduleSeries(circleID uint, in SeriesInput) ([]model.Session, error) {
	var out []model.Session
	err := s.db.Transaction(func(tx *gorm.DB) error {
		c, err := circle(tx, circleID)
		if err != nil {
			return err
		}
		if in.DurationMinutes == 0 {
			in.DurationMinutes = c.DurationMinutes
		}
		if err := in.validate(); err != nil {
			return err
		}
		for _, at := range Dates(c.Cadence, c.CadenceDays, in.FirstStartsAt, in.Count) {
			one := SessionInput{StartsAt: at, DurationMinutes: in.DurationMinutes, Topic: in.Topic, Status: model.SessionPlanned}.normalize()
			if err := one.validate(); err != nil {
				return err
			}
			ses, err := create(tx, c, one)
			if err != nil {
				return err
			}
			out = append(out, ses)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Dates returns count local start times from first on the cadence: weekly and
// every two weeks step by 7 and 14 days; monthly keeps the weekday and its
// place in the month (the 2nd Tuesday stays the 2nd Tuesday, a 5th becomes
// the last); custom steps by days. first must be YYYY-MM-DDTHH:MM.
func Dates(cadence string, days int, first string, count int) []string {
	t, err := time.Parse(check.DateTimeLayout, first)
	if err != nil || count <= 0 {
		return nil
	}
	out := make([]string, 0, count)
	for i := 0; i < count; i++ {
		out = append(out, step(cadence, days, t, i).Format(check.DateTimeLayout))
	}
	return out
}

func step(cadence string, days int, t time.Time, i int) time.Time {
	switch cadence {
	case model.CadenceWeekly:
		return t.AddDate(0, 0, 7*i)
	case model.CadenceMonthly:
		return nthWeekdayLike(t, i)
	case model.CadenceCustom:
		if days < 1 {
			days = 1
		}
		return t.AddDate(0, 0, days*i)
	default:
		return t.AddDate(0, 0, 14*i)
	}
}

// nthWeekdayLike returns the day in the month i months after t that has t's
// weekday at t's place (1st..4th, or last for a 5th).
func nthWeekdayLike(t time.Time, i int) time.Time {
	nth := (t.Day() - 1) / 7 // 0-based occurrence
	month := time.Date(t.Year(), t.Month()+time.Month(i), 1, t.Hour(), t.Minute(), 0, 0, time.UTC)
	offset := (int(t.Weekday()) - int(month.Weekday()) + 7) % 7
	d := month.AddDate(0, 0, offset+7*nth)
	if d.Month() != month.Month() {
		d = d.AddDate(0, 0, -7)
	}
	return d
}
