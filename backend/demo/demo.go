// Package demo fills a database with a realistic sample program: four circles
// (one of them a 1:1 pair), 25 people and their sessions with attendance,
// and a year of growth: members' goals checked in on in those sessions,
// milestones, skill ratings on a sample framework and feedback after most
// sessions. Every record has a fixed UUID, so loading it twice changes
// nothing and two laptops' samples merge.
package demo

import (
	"cmp"
	"hash/fnv"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/model"
	"circlebook/backend/sessions"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Demo loads the sample program.
type Demo struct {
	db  *gorm.DB
	now func() time.Time
}

// New returns the demo loader over db.
func New(db *gorm.DB, now func() time.Time) *Demo {
	return &Demo{db: db, now: now}
}

// Result says what Load did.
type Result struct {
	Created  bool `json:"created"` // false when the sample was already there
	Circles  int  `json:"circles"`
	People   int  `json:"people"`
	Sessions int  `json:"sessions"`
}

var namespace = uuid.MustParse("6f1c1f43-5a3e-4d59-9b6a-2f3d0c9e7a10")

func id(kind, name string) string { return uuid.NewSHA1(namespace, []byte(kind+"/"+name)).String() }

// Load adds the sample program unless it is already there, in one transaction.
func (d *Demo) Load() (Result, error) {
	var r Result
	err := d.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&model.Circle{}).Where("uuid = ?", id("circle", circles[0].Name)).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		r.Created = true
		return d.fill(tx, &r)
	})
	if err != nil {
		return Result{}, apperr.FromDB(err, "", "sample program")
	}
	return r, nil
}

func (d *Demo) fill(tx *gorm.DB, r *Result) error {
	people := map[string]uint{}
	for _, p := range persons {
		p := p
		p.UUID = id("person", p.Email)
		if err := tx.Create(&p).Error; err != nil {
			return err
		}
		people[p.Name] = p.ID
		r.People++
	}
	today := d.now()
	for _, spec := range circles {
		n, err := addCircle(tx, spec, people, today)
		if err != nil {
			return err
		}
		r.Circles++
		r.Sessions += n
	}
	return grow(tx, people, d.now)
}

func addCircle(tx *gorm.DB, spec circleSpec, people map[string]uint, today time.Time) (int, error) {
	c := spec.Circle
	c.UUID = id("circle", c.Name)
	if err := tx.Create(&c).Error; err != nil {
		return 0, err
	}
	for _, m := range spec.Members {
		ms := model.Membership{CircleID: c.ID, PersonID: people[m.Name], Role: m.Role, JoinedOn: c.StartDate}
		ms.UUID = id("membership", c.Name+"/"+m.Name)
		if err := tx.Create(&ms).Error; err != nil {
			return 0, err
		}
	}
	count := spec.Held + spec.Planned
	for i, at := range sessions.Dates(c.Cadence, c.CadenceDays, firstStart(c, spec.Held, today), count) {
		if err := addSession(tx, c, spec, i, at, people); err != nil {
			return 0, err
		}
	}
	return spec.Held + spec.Planned, nil
}

// firstStart goes back held steps of the circle's cadence from today, to the
// circle's meeting day, so that many sessions lie in the past and the rest ahead.
func firstStart(c model.Circle, held int, today time.Time) string {
	switch c.Cadence {
	case model.CadenceMonthly:
		today = today.AddDate(0, -held, 0)
	case model.CadenceWeekly:
		today = today.AddDate(0, 0, -7*held)
	default:
		today = today.AddDate(0, 0, -14*held)
	}
	back := (int(today.Weekday()) - c.MeetingDay + 7) % 7 // to the circle's meeting day
	return today.AddDate(0, 0, -back).Format("2006-01-02") + "T" + c.MeetingTime
}

func addSession(tx *gorm.DB, c model.Circle, spec circleSpec, i int, startsAt string, people map[string]uint) error {
	held := i < spec.Held
	s := model.Session{CircleID: c.ID, Number: i + 1, DurationMinutes: c.DurationMinutes,
		StartsAt: startsAt, Topic: spec.Topics[i%len(spec.Topics)],
		Place: cmp.Or(c.Place, c.VideoLink), Status: model.SessionPlanned}
	s.UUID = id("session", c.Name+"/"+s.StartsAt)
	if held {
		s.Status = model.SessionHeld
	}
	for j, title := range agenda {
		item := model.AgendaItem{Position: j, Title: title, Minutes: 10 + 5*(j%3), Done: held}
		item.UUID = id("agenda", s.UUID+"/"+title)
		s.Agenda = append(s.Agenda, item)
	}
	if err := tx.Create(&s).Error; err != nil {
		return err
	}
	if err := tagTopic(tx, s); err != nil {
		return err
	}
	if !held {
		return nil
	}
	if n, ok := sessionNote(c.Name, s); ok {
		if err := tx.Create(&n).Error; err != nil {
			return err
		}
	}
	for _, m := range spec.Members {
		a := model.Attendance{SessionID: s.ID, PersonID: people[m.Name], Status: markFor(s.UUID, m.Name)}
		a.UUID = id("attendance", s.UUID+"/"+m.Name)
		if err := tx.Create(&a).Error; err != nil {
			return err
		}
	}
	return nil
}

// markFor picks a plausible mark from a hash: mostly present, sometimes late,
// excused or absent.
func markFor(session, person string) string {
	h := fnv.New32a()
	h.Write([]byte(session + person))
	switch v := h.Sum32() % 20; {
	case v < 14:
		return model.Present
	case v < 16:
		return model.Late
	case v < 18:
		return model.Excused
	default:
		return model.Absent
	}
}

// tagTopic tags a sample session with the topic its Topic names (the seeded
// topics have those names), made if the leader renamed or deleted it, so
// members' growth stories list the topics they discussed.
func tagTopic(tx *gorm.DB, s model.Session) error {
	var t model.Topic
	if err := tx.Where("lower(name) = lower(?)", s.Topic).Limit(1).Find(&t).Error; err != nil {
		return err
	}
	if t.ID == 0 {
		t = model.Topic{Name: s.Topic}
		t.UUID = id("topic", s.Topic)
		if err := tx.Create(&t).Error; err != nil {
			return err
		}
	}
	return tx.Create(&model.SessionTopic{SessionID: s.ID, TopicID: t.ID}).Error
}
