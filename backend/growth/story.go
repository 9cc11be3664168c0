package growth

import (
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/goals"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// Bounds of the growth story: each list shows at most this many of a
// person's rows, newest first; the streak reads at most MaxStreak marks.
const (
	MaxStoryCheckIns = 100
	MaxStoryTopics   = 50
	MaxStoryActions  = 50
	MaxStreak        = 500
)

// Story is the growth story of a person and of a circle.
type Story struct {
	db  *gorm.DB
	now func() time.Time
}

// NewStory returns the growth story service over db.
func NewStory(db *gorm.DB, now func() time.Time) *Story {
	return &Story{db: db, now: now}
}

// StoryCheckIn is a check-in on the person's timeline, with its goal's title.
type StoryCheckIn struct {
	model.GoalCheckIn
	GoalTitle string `json:"goalTitle"`
}

// TopicCount is a topic and how many of the person's sessions covered it.
type TopicCount struct {
	TopicID  uint   `json:"topicId"`
	Name     string `json:"name"`
	Sessions int    `json:"sessions"`
}

// Finished is an action item the person finished.
type Finished struct {
	ID     uint   `json:"id"`
	Text   string `json:"text"`
	DoneAt string `json:"doneAt"`
}

// Streak is a person's run of held sessions attended (present or late),
// latest first, and their marks overall.
type Streak struct {
	Current  int `json:"current"`  // held sessions attended in a row, back from the latest marked
	Longest  int `json:"longest"`  // the longest such run among the marks read
	Attended int `json:"attended"` // marks read that were present or late
	Marked   int `json:"marked"`   // marks read (at most MaxStreak)
}

// PersonStory is a person's page as a timeline: goals and their check-ins,
// milestones, attendance streak, topics discussed, action items finished.
type PersonStory struct {
	PersonID   uint              `json:"personId"`
	Name       string            `json:"name"`
	Goals      goals.List        `json:"goals"`
	CheckIns   []StoryCheckIn    `json:"checkIns"`
	Milestones []model.Milestone `json:"milestones"`
	Streak     Streak            `json:"streak"`
	Topics     []TopicCount      `json:"topics"`
	Finished   []Finished        `json:"finished"`
}

// Person returns a person's growth story, every list bounded.
func (s *Story) Person(personID uint) (PersonStory, error) {
	st := PersonStory{PersonID: personID}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var names []string
		if err := tx.Model(&model.Person{}).Where("id = ?", personID).Pluck("name", &names).Error; err != nil {
			return err
		}
		if len(names) == 0 {
			return apperr.Missing("person", personID)
		}
		st.Name = names[0]
		var err error
		if st.Goals, err = goals.OfPerson(tx, personID); err != nil {
			return err
		}
		for _, step := range []func(*gorm.DB, uint, *PersonStory) error{storyCheckIns, storyMilestones, streak, storyTopics, finished} {
			if err := step(tx, personID, &st); err != nil {
				return err
			}
		}
		return nil
	})
	return st, err
}

func storyCheckIns(tx *gorm.DB, personID uint, st *PersonStory) error {
	st.CheckIns = []StoryCheckIn{}
	return tx.Table("goals g").Select("k.*, g.title AS goal_title").Joins("JOIN goal_checkins k ON k.goal_id = g.id").
		Where("g.person_id = ?", personID).Order("k.checked_on DESC, k.id DESC").Limit(MaxStoryCheckIns).Scan(&st.CheckIns).Error
}

func storyMilestones(tx *gorm.DB, personID uint, st *PersonStory) error {
	st.Milestones = []model.Milestone{}
	return tx.Where("person_id = ?", personID).Order("happened_on DESC, id DESC").Limit(MaxMilestones).Find(&st.Milestones).Error
}

// streak reads the person's marks at held sessions, latest first.
func streak(tx *gorm.DB, personID uint, st *PersonStory) error {
	var marks []string
	err := tx.Table("attendance a").Joins("JOIN sessions s ON s.id = a.session_id").
		Where("a.person_id = ? AND s.status || '' = ?", personID, model.SessionHeld). // by the person's marks, not every held session (see attendance.ByCircleForPerson)
		Order("s.starts_at DESC, s.id DESC").Limit(MaxStreak).Pluck("a.status", &marks).Error
	run, broken := 0, false
	for _, m := range marks {
		st.Streak.Marked++
		if m == model.Present || m == model.Late {
			st.Streak.Attended++
			run++
			st.Streak.Longest = max(st.Streak.Longest, run)
			if !broken {
				st.Streak.Current = run
			}
			continue
		}
		run, broken = 0, true
	}
	return err
}

// storyTopics counts the topics of the sessions the person attended.
func storyTopics(tx *gorm.DB, personID uint, st *PersonStory) error {
	st.Topics = []TopicCount{}
	return tx.Table("attendance a").Select("t.id AS topic_id, t.name, COUNT(*) AS sessions").
		Joins("JOIN session_topics x ON x.session_id = a.session_id").Joins("JOIN topics t ON t.id = x.topic_id").
		Where("a.person_id = ? AND a.status IN ?", personID, []string{model.Present, model.Late}).
		Group("t.id, t.name").Order("sessions DESC, t.name").Limit(MaxStoryTopics).Scan(&st.Topics).Error
}

// finished lists the action items the person owned and finished, latest first.
func finished(tx *gorm.DB, personID uint, st *PersonStory) error {
	st.Finished = []Finished{}
	return tx.Model(&model.ActionItem{}).Select("id, text, done_at").Where("owner_id = ? AND status = ?", personID, model.ActionDone).
		Order("done_at DESC, id DESC").Limit(MaxStoryActions).Scan(&st.Finished).Error
}
