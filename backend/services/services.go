// Package services builds the domain services once, so the window, browser
// mode and the tests all bind the very same set.
package services

import (
	"time"

	"circlebook/backend/circles"
	"circlebook/backend/demo"
	"circlebook/backend/people"
	"circlebook/backend/sessions"

	"gorm.io/gorm"
)

// Services is every service the page can call.
type Services struct {
	Circles  *circles.Circles
	People   *people.People
	Sessions *sessions.Sessions
	Demo     *demo.Demo
}

// New builds the services over db, reading the time from now.
func New(db *gorm.DB, now func() time.Time) *Services {
	return &Services{
		Circles:  circles.New(db, now),
		People:   people.New(db, now),
		Sessions: sessions.New(db, now),
		Demo:     demo.New(db, now),
	}
}

// Bindings lists the services in the form wails.Run's Bind and rpc.New take.
func (s *Services) Bindings() []any {
	return []any{s.Circles, s.People, s.Sessions, s.Demo}
}
