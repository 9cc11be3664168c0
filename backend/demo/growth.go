package demo

import (
	"hash/fnv"
	"time"

	"circlebook/backend/check"
	"circlebook/backend/growth"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// heldSession is one of a sample circle's held sessions, oldest first.
type heldSession struct {
	ID       uint
	UUID     string
	StartsAt string
}

func (s heldSession) day() string { return s.StartsAt[:len(check.DateLayout)] }

// sample is what the growth part of the sample needs of the rest: people's
// ids by name, and each circle's id and held sessions by name.
type sample struct {
	tx      *gorm.DB
	now     func() time.Time
	people  map[string]uint
	circles map[string]uint
	held    map[string][]heldSession
}

// grow adds the sample's growth: the Core skills framework used by every
// circle, members' goals checked in on at the sessions they attended,
// milestones, skill ratings and feedback. It goes through the goals and
// growth services, as a leader would, then pins each record's UUID to one
// made from its content, so the sample is the same on every machine.
func grow(tx *gorm.DB, people map[string]uint, now func() time.Time) error {
	s := sample{tx: tx, now: now, people: people, circles: map[string]uint{}, held: map[string][]heldSession{}}
	for _, spec := range circles {
		if err := s.readCircle(spec.Name); err != nil {
			return err
		}
	}
	items, err := s.framework()
	if err != nil {
		return err
	}
	for _, g := range goalSpecs {
		if err := s.goal(g, items); err != nil {
			return err
		}
	}
	for _, m := range milestoneSpecs {
		if err := s.milestone(m); err != nil {
			return err
		}
	}
	for _, spec := range circles {
		if err := s.ratings(spec, items); err != nil {
			return err
		}
		if err := s.feedback(spec); err != nil {
			return err
		}
	}
	return nil
}

// readCircle notes a sample circle's id and held sessions.
func (s *sample) readCircle(name string) error {
	var c model.Circle
	if err := s.tx.Select("id").Where("uuid = ?", id("circle", name)).Take(&c).Error; err != nil {
		return err
	}
	s.circles[name] = c.ID
	var held []heldSession
	err := s.tx.Model(&model.Session{}).Select("id, uuid, starts_at").Where("circle_id = ? AND status = ?", c.ID, model.SessionHeld).
		Order("starts_at").Scan(&held).Error
	s.held[name] = held
	return err
}

// at is a clock stopped at noon UTC on day (YYYY-MM-DD).
func at(day string) func() time.Time {
	t, _ := time.Parse(check.DateLayout, day)
	return func() time.Time { return t.Add(12 * time.Hour) }
}

// pin gives the row id of table the UUID u.
func pin(tx *gorm.DB, table string, rowID uint, u string) error {
	return tx.Table(table).Where("id = ?", rowID).UpdateColumn("uuid", u).Error
}

// attended reports whether the sample marked the person present or late.
func attended(ses heldSession, person string) bool {
	m := markFor(ses.UUID, person)
	return m == model.Present || m == model.Late
}

// pick is a stable choice among n, from the hash of key.
func pick(key string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % uint32(n))
}

// framework makes (or, when one of its name is there, reuses) the Core
// skills framework, makes every sample circle use it, and returns its
// items' ids by name.
func (s *sample) framework() (map[string]uint, error) {
	svc := growth.NewFrameworks(s.tx, s.now)
	var f model.Framework
	if err := s.tx.Where("lower(name) = lower(?)", coreSkills.Name).Limit(1).Find(&f).Error; err != nil {
		return nil, err
	}
	if f.ID == 0 {
		var err error
		in := growth.FrameworkInput{Name: coreSkills.Name, Description: coreSkills.Description, Items: append([]string{}, coreSkills.Items...)}
		if f, err = svc.Create(in); err != nil {
			return nil, err
		}
		if err := s.pinFramework(f); err != nil {
			return nil, err
		}
	}
	for _, spec := range circles {
		if _, err := svc.Use(s.circles[spec.Name], f.ID); err != nil {
			return nil, err
		}
	}
	var items []model.FrameworkItem
	err := s.tx.Where("framework_id = ?", f.ID).Find(&items).Error
	out := map[string]uint{}
	for _, it := range items {
		out[it.Name] = it.ID
	}
	return out, err
}

// pinFramework gives the framework and its items UUIDs of their names.
func (s *sample) pinFramework(f model.Framework) error {
	if err := pin(s.tx, "frameworks", f.ID, id("framework", f.Name)); err != nil {
		return err
	}
	for _, it := range f.Items {
		if err := pin(s.tx, "framework_items", it.ID, id("framework-item", f.Name+"/"+it.Name)); err != nil {
			return err
		}
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// milestone puts one on its person's timeline, dated at a held session.
func (s *sample) milestone(m milestoneSpec) error {
	vis := model.Shared
	if m.Private {
		vis = model.Private
	}
	on := s.held[m.Circle][m.At].day()
	made, err := growth.NewMilestones(s.tx, at(on)).Add(growth.MilestoneInput{PersonID: s.people[m.Person], Kind: m.Kind,
		HappenedOn: on, Text: m.Text, Visibility: vis})
	if err != nil {
		return err
	}
	return pin(s.tx, "milestones", made.ID, id("milestone", m.Person+"/"+m.Text))
}
