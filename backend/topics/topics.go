// Package topics keeps the editable list of topics sessions are tagged with.
package topics

import (
	"errors"
	"strings"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Topics manages the topic list.
type Topics struct {
	db  *gorm.DB
	now func() time.Time
}

// New returns the topics service over db.
func New(db *gorm.DB, now func() time.Time) *Topics {
	return &Topics{db: db, now: now}
}

// Topic is a topic with the number of sessions tagged with it.
type Topic struct {
	ID           uint   `json:"id"`
	Name         string `json:"name"`
	SessionCount int    `json:"sessionCount"`
}

// ListLimit caps how many topics List returns: a program's list of topics
// is a few dozen; this bounds the reply all the same.
const ListLimit = 1000

// List returns the topics by name (at most ListLimit), each with the number
// of sessions it tags, kept by triggers in topic_counts rather than counted.
func (s *Topics) List() ([]Topic, error) {
	out := []Topic{}
	err := s.db.Table("topics t").
		Select("t.id, t.name, COALESCE(c.sessions, 0) AS session_count").
		Joins("LEFT JOIN topic_counts c ON c.topic_id = t.id").
		Order("lower(t.name)").Limit(ListLimit).Scan(&out).Error
	return out, err
}

// Create adds a topic.
func (s *Topics) Create(name string) (model.Topic, error) {
	t := model.Topic{Name: strings.TrimSpace(name)}
	if err := check.RequiredUpTo("name", "The topic", t.Name, check.MaxName); err != nil {
		return t, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error { return save(tx, &t) })
	return t, err
}

// Rename changes a topic's name everywhere it is used.
func (s *Topics) Rename(id uint, name string) (model.Topic, error) {
	name = strings.TrimSpace(name)
	if err := check.RequiredUpTo("name", "The topic", name, check.MaxName); err != nil {
		return model.Topic{}, err
	}
	var t model.Topic
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&t, id).Error; err != nil {
			return apperr.Missing("topic", id)
		}
		t.Name = name
		return save(tx, &t)
	})
	return t, err
}

// Delete removes a topic and its tags on sessions.
func (s *Topics) Delete(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		return apperr.Deleted(tx.Delete(&model.Topic{}, id), "topic", id)
	})
}

func save(tx *gorm.DB, t *model.Topic) error {
	err := tx.Save(t).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return apperr.New(apperr.Conflict, "name", "There is already a topic called %s.", t.Name)
	}
	return apperr.FromDB(err, "name", "topic")
}

// ForSession lists a session's topics by name.
func ForSession(tx *gorm.DB, sessionID uint) ([]Topic, error) {
	out := []Topic{}
	err := tx.Table("topics t").Select("t.id, t.name").
		Joins("JOIN session_topics st ON st.topic_id = t.id").Where("st.session_id = ?", sessionID).
		Order("lower(t.name)").Scan(&out).Error
	return out, err
}

// ForCircle lists the topics a circle's held sessions covered, with counts, most covered first.
func ForCircle(tx *gorm.DB, circleID uint) ([]Topic, error) {
	out := []Topic{}
	err := tx.Table("topics t").Select("t.id, t.name, COUNT(*) AS session_count").
		Joins("JOIN session_topics st ON st.topic_id = t.id").
		Joins("JOIN sessions s ON s.id = st.session_id").
		Where("s.circle_id = ? AND s.status <> ?", circleID, model.SessionCancelled).
		Group("t.id").Order("session_count DESC, lower(t.name)").Scan(&out).Error
	return out, err
}
