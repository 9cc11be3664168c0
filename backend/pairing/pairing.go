// Package pairing turns a cohort into pairs and circles: it reads the
// people of a cohort (or a circle's members) for the matching engine
// (backend/match) and the forming of circles (backend/form), and publishes
// what the leader accepts as circles, each in one transaction.
package pairing

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"circlebook/backend/apperr"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// MaxPeople is the largest cohort a run takes: the 5,000 mentees
// and 2,000 mentors, and room.
const MaxPeople = 10_000

// Pairing is the service behind matching and forming.
type Pairing struct {
	db    *gorm.DB
	now   func() time.Time
	track *tracker
}

// New returns the service over db, reading the time from now.
func New(db *gorm.DB, now func() time.Time) *Pairing {
	return &Pairing{db: db, now: now, track: &tracker{}}
}

// Selection names the people a run takes: a cohort's, or a circle's current members.
type Selection struct {
	Cohort   string `json:"cohort"`
	CircleID uint   `json:"circleId"`
}

// member is a person of the selection, with their role in the circle
// when the selection is a circle.
type member struct {
	model.Person
	Role string // the membership's role, "" for a cohort
}

// check refuses a selection that names neither or both.
func (s Selection) check() error {
	if (s.Cohort == "") == (s.CircleID == 0) {
		return apperr.New(apperr.Invalid, "cohort", "Choose a cohort or a circle.")
	}
	if utf8.RuneCountInString(s.Cohort) > 200 {
		return apperr.New(apperr.TooLong, "cohort", "A cohort's name is at most 200 characters.")
	}
	return nil
}

// people reads the selection's people by name, refusing an empty one and
// one larger than MaxPeople.
func (s Selection) people(tx *gorm.DB) ([]member, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	var out []member
	db := tx.Table("people p").Select("p.*").Order("p.name_key, p.id").Limit(MaxPeople + 1)
	if s.Cohort != "" {
		db = db.Where("p.cohort = ?", s.Cohort)
	} else {
		db = db.Select("p.*, m.role").Joins("JOIN memberships m ON m.person_id = p.id").
			Where("m.circle_id = ? AND m.left_on = ''", s.CircleID)
	}
	if err := db.Scan(&out).Error; err != nil {
		return nil, err
	}
	switch {
	case len(out) == 0 && s.Cohort != "":
		return nil, apperr.New(apperr.Invalid, "cohort", "Nobody is in the cohort “%s”.", s.Cohort)
	case len(out) == 0:
		return nil, apperr.New(apperr.Invalid, "cohort", "The circle has no current members.")
	case len(out) > MaxPeople:
		return nil, apperr.New(apperr.Invalid, "cohort", "The cohort has more than %d people: split it first.", MaxPeople)
	}
	return out, nil
}

// key is a person's ID as the engines name people.
func key(id uint) string { return strconv.FormatUint(uint64(id), 10) }

// idOf reads a person's ID back from an engine's name for them.
func idOf(k string) (uint, error) {
	n, err := strconv.ParseUint(k, 10, 64)
	if err != nil || n == 0 {
		return 0, apperr.New(apperr.Invalid, "people", "“%s” is not a person of the run.", k)
	}
	return uint(n), nil
}

// tags splits a list a person typed ("public speaking, hiring; Spanish")
// into its items.
func tags(s string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// names maps the selection's people's keys to their names.
func names(people []member) map[string]string {
	out := make(map[string]string, len(people))
	for _, p := range people {
		out[key(p.ID)] = p.Name
	}
	return out
}

// firstDay is the day a published circle's first session is proposed on:
// the day asked for, else a week from today.
func firstDay(asked string, now time.Time) (string, error) {
	if asked == "" {
		return now.AddDate(0, 0, 7).Format(time.DateOnly), nil
	}
	if _, err := time.Parse(time.DateOnly, asked); err != nil {
		return "", apperr.New(apperr.Invalid, "firstSession", "Give the first session's day as YYYY-MM-DD.")
	}
	return asked, nil
}

// newCircle creates a circle of the cohort with its members (person ID ->
// role) and a first session planned on day at 17:00, inside tx.
func newCircle(tx *gorm.DB, c model.Circle, members map[uint]string, day string) (model.Circle, error) {
	c.Cadence, c.MeetingDay, c.DurationMinutes, c.Status, c.StartDate = model.CadenceBiweekly, -1, 60, model.CircleActive, day
	if err := tx.Create(&c).Error; err != nil {
		return c, err
	}
	for id, role := range members {
		m := model.Membership{CircleID: c.ID, PersonID: id, Role: role, JoinedOn: day}
		if err := tx.Create(&m).Error; err != nil {
			return c, err
		}
	}
	s := model.Session{CircleID: c.ID, Number: 1, StartsAt: day + "T17:00", DurationMinutes: 60, Status: model.SessionPlanned}
	if err := tx.Create(&s).Error; err != nil {
		return c, fmt.Errorf("plan the first session: %w", err)
	}
	return c, nil
}
