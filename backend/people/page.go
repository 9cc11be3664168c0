package people

import (
	"strings"

	"circlebook/backend/actions"
	"circlebook/backend/attendance"
	"circlebook/backend/fold"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Summary is one row of the people list.
type Summary struct {
	ID          uint   `json:"id"`
	UUID        string `json:"uuid"`
	Name        string `json:"name"`
	Email       string `json:"email"`
	Pronouns    string `json:"pronouns"`
	Title       string `json:"title"`
	Team        string `json:"team"`
	Location    string `json:"location"`
	CircleCount int    `json:"circleCount"`
}

// ListResult is a page of the people list with the number of matches in all.
type ListResult struct {
	People []Summary `json:"people"`
	Total  int64     `json:"total"`
}

// ListLimit caps how many people one List returns.
const ListLimit = 500

// summaryColumns are the people list's columns, with each person's current circles.
const summaryColumns = "p.id, p.uuid, p.name, p.email, p.pronouns, p.title, p.team, p.location, " +
	"(SELECT COUNT(*) FROM memberships m WHERE m.person_id = p.id AND m.left_on = '') AS circle_count"

// byName orders people as a person reads their names (fold.Key, kept in name_key).
const byName = "p.name_key, p.name, p.id"

// List returns people whose name, email, team or title contains search
// (everyone when empty), case and accents aside ("inigo" finds Íñigo), by
// name, at most ListLimit of them.
func (s *People) List(search string) (ListResult, error) {
	r := ListResult{People: []Summary{}}
	key := fold.Key(search)
	if key == "" {
		if err := s.db.Table("people").Count(&r.Total).Error; err != nil {
			return r, err
		}
		err := s.db.Table("people p").Select(summaryColumns).Order(byName).Limit(ListLimit).Scan(&r.People).Error
		return r, err
	}
	// A substring search reads every row anyway: count the matches in the
	// same pass and sort just them, rather than walk the whole name index.
	var rows []struct {
		Summary
		Total int64
	}
	err := s.db.Table("people p").Select(summaryColumns+", COUNT(*) OVER () AS total").
		Where("p.search_key LIKE ? ESCAPE '\\'", "%"+escapeLike(key)+"%").
		Order(byName).Limit(ListLimit).Scan(&rows).Error
	for _, row := range rows {
		r.People, r.Total = append(r.People, row.Summary), row.Total
	}
	return r, err
}

// SimilarLimit caps how many near matches Similar returns.
const SimilarLimit = 5

// Similar returns the people a new person named name, or with email, may
// be: the same name case and accents aside, a name that starts with theirs
// or theirs with it in whole words ("Íñigo" and Íñigo Sáenz), or the same
// email. The forms warn with them; adding the person anyway stays allowed.
func (s *People) Similar(name, email string) ([]Summary, error) {
	out := []Summary{}
	key, email := fold.Key(name), strings.TrimSpace(email)
	var match []string
	var args []any
	if key != "" {
		// This name starting with theirs is one of its word prefixes; theirs
		// starting with this one is a range of name_key.
		match = append(match, "p.name_key IN ?", "(p.name_key >= ? AND p.name_key < ?)")
		args = append(args, wordPrefixes(key), key+" ", key+"!")
	}
	if email != "" {
		match = append(match, "lower(p.email) = lower(?)")
		args = append(args, email)
	}
	if len(match) == 0 {
		return out, nil
	}
	err := s.db.Table("people p").Select(summaryColumns).Where(strings.Join(match, " OR "), args...).
		Order(byName).Limit(SimilarLimit).Scan(&out).Error
	return out, err
}

// wordPrefixes returns key and each run of its first words: "a b c" gives
// "a b c", "a" and "a b".
func wordPrefixes(key string) []string {
	out := []string{key}
	for i := range len(key) {
		if key[i] == ' ' {
			out = append(out, key[:i])
		}
	}
	return out
}

// PersonCircle is one of a person's circles, as their page shows it.
type PersonCircle struct {
	CircleID   uint             `json:"circleId"`
	Name       string           `json:"name"`
	Kind       string           `json:"kind"`
	Status     string           `json:"status"`
	Color      string           `json:"color"`
	Role       string           `json:"role"`
	JoinedOn   string           `json:"joinedOn"`
	LeftOn     string           `json:"leftOn"`
	Attendance attendance.Tally `gorm:"-" json:"attendance"` // filled from the tallies, not scanned
}

// Visit is one of a person's attendance marks.
type Visit struct {
	SessionID  uint   `json:"sessionId"`
	CircleID   uint   `json:"circleId"`
	CircleName string `json:"circleName"`
	Number     int    `json:"number"`
	StartsAt   string `json:"startsAt"`
	Status     string `json:"status"`
}

// Page is everything the person page shows.
type Page struct {
	Person     model.Person     `json:"person"`
	Circles    []PersonCircle   `json:"circles"`
	Visits     []Visit          `json:"visits"` // newest first
	Attendance attendance.Tally `json:"attendance"`
	Pins       []Pin            `json:"pins"`    // notes pinned to them, newest first
	Actions    []actions.Item   `json:"actions"` // their open action items
}

// Pin is a note pinned to the person, with the circle it was taken in.
type Pin struct {
	model.Pin
	CircleName string `json:"circleName"`
}

// Get returns a person's page.
func (s *People) Get(id uint) (Page, error) {
	var p Page
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := find(tx, id, &p.Person); err != nil {
			return err
		}
		if err := personCircles(tx, id, &p); err != nil {
			return err
		}
		err := tx.Table("attendance a").
			Select("a.session_id, s.circle_id, c.name AS circle_name, s.number, s.starts_at, a.status").
			Joins("JOIN sessions s ON s.id = a.session_id").
			Joins("JOIN circles c ON c.id = s.circle_id").
			Where("a.person_id = ?", id).Order("s.starts_at DESC").Limit(200).
			Scan(&p.Visits).Error
		if err != nil {
			return err
		}
		p.Pins = []Pin{}
		err = tx.Table("pins n").Select("n.*, COALESCE(c.name, '') AS circle_name").
			Joins("LEFT JOIN circles c ON c.id = n.circle_id").
			Where("n.person_id = ?", id).Order("n.id DESC").Scan(&p.Pins).Error
		if err != nil {
			return err
		}
		p.Actions, err = actions.Scan(actions.Query(tx).Where("a.owner_id = ? AND a.status = ?", id, model.ActionOpen))
		return err
	})
	return p, err
}

func personCircles(tx *gorm.DB, id uint, p *Page) error {
	err := tx.Table("memberships m").
		Select("m.circle_id, c.name, c.kind, c.status, c.color, m.role, m.joined_on, m.left_on").
		Joins("JOIN circles c ON c.id = m.circle_id").
		Where("m.person_id = ?", id).Order("c.id").
		Scan(&p.Circles).Error
	if err != nil {
		return err
	}
	fold.SortBy(p.Circles, func(c PersonCircle) string { return c.Name })
	tallies, err := attendance.ByCircleForPerson(tx, id)
	if err != nil {
		return err
	}
	for i, c := range p.Circles {
		if t := tallies[c.CircleID]; t != nil {
			p.Circles[i].Attendance = *t
		}
	}
	p.Attendance = attendance.Sum(tallies)
	return nil
}

func escapeLike(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '%' || r == '_' || r == '\\' {
			out = append(out, '\\')
		}
		out = append(out, r)
	}
	return string(out)
}
