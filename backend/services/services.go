// Package services builds the domain services once, so the window, browser
// mode and the tests all bind the very same set.
package services

import (
	"path/filepath"
	"time"

	"circlebook/backend/actions"
	"circlebook/backend/circles"
	"circlebook/backend/demo"
	"circlebook/backend/export"
	"circlebook/backend/find"
	"circlebook/backend/goals"
	"circlebook/backend/growth"
	"circlebook/backend/notes"
	"circlebook/backend/pairing"
	"circlebook/backend/people"
	"circlebook/backend/program"
	"circlebook/backend/roster"
	"circlebook/backend/sessions"
	"circlebook/backend/today"
	"circlebook/backend/topics"
	"circlebook/backend/zones"

	"gorm.io/gorm"
)

// Services is every service the page can call.
type Services struct {
	Circles  *circles.Circles
	People   *people.People
	Sessions *sessions.Sessions
	Notes    *notes.Notes
	Actions  *actions.Actions
	Topics   *topics.Topics
	Demo     *demo.Demo
	Exports  *export.Exports
	Zones    *zones.Zones

	Goals      *goals.Goals
	Milestones *growth.Milestones
	Frameworks *growth.Frameworks
	Skills     *growth.Skills
	Feedback   *growth.Feedback
	Story      *growth.Story

	Today   *today.Today
	Find    *find.Find
	Program *program.Program
	Pairing *pairing.Pairing
	Roster  *roster.Roster
}

// New builds the services over db, reading the time from now; unsaved note
// text is journaled in the drafts folder inside dataDir.
func New(db *gorm.DB, now func() time.Time, dataDir string) *Services {
	return &Services{
		Circles:  circles.New(db, now),
		People:   people.New(db, now),
		Sessions: sessions.New(db, now),
		Notes:    notes.New(db, now, notes.NewJournal(filepath.Join(dataDir, "drafts"))),
		Actions:  actions.New(db, now),
		Topics:   topics.New(db, now),
		Demo:     demo.New(db, now),
		Exports:  export.New(db, now),
		Zones:    zones.New(),

		Goals:      goals.New(db, now),
		Milestones: growth.NewMilestones(db, now),
		Frameworks: growth.NewFrameworks(db, now),
		Skills:     growth.NewSkills(db, now),
		Feedback:   growth.NewFeedback(db, now),
		Story:      growth.NewStory(db, now),

		Today:   today.New(db, now),
		Find:    find.New(db, now),
		Program: program.New(db, now),
		Pairing: pairing.New(db, now),
		Roster:  roster.New(db, now),
	}
}

// Bindings lists the services in the form wails.Run's Bind and rpc.New take.
func (s *Services) Bindings() []any {
	return []any{s.Circles, s.People, s.Sessions, s.Notes, s.Actions, s.Topics, s.Demo, s.Exports, s.Zones,
		s.Goals, s.Milestones, s.Frameworks, s.Skills, s.Feedback, s.Story, s.Today, s.Find, s.Program, s.Pairing, s.Roster}
}
