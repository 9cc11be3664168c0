package deeplink_test

import (
	"errors"
	"fmt"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/deeplink"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestResolve(t *testing.T) {
	st, f := testdb.New(t)
	db := st.DB
	c := f.Circle("Product Craft Circle")
	p := f.Person("Ana Pérez")
	s := f.Session(c, "2026-12-01T10:00", "planned")
	g := model.Goal{PersonID: p.ID, CircleID: &c.ID, Title: "Lead the demo", Status: model.GoalActive, ProgressMode: model.ProgressManual, Visibility: model.Shared}
	if err := db.Create(&g).Error; err != nil {
		t.Fatal(err)
	}
	good := map[string]string{
		"circle/" + c.UUID + "/growth":       fmt.Sprintf("#/circles/%d/growth", c.ID),
		"circle/product craft circle/import": fmt.Sprintf("#/import?circle=%d", c.ID),
		"goal/" + g.UUID:                     fmt.Sprintf("#/goals/%d", g.ID),
		"circles":                            "#/circles",
		"people":                             "#/people",
		"today":                              "#/today",
		"circle/" + c.UUID:                   fmt.Sprintf("#/circles/%d", c.ID),
		"circle/product craft circle":        fmt.Sprintf("#/circles/%d", c.ID),
		"person/" + p.UUID:                   fmt.Sprintf("#/people/%d", p.ID),
		"session/" + s.UUID:                  fmt.Sprintf("#/sessions/%d", s.ID),
		"session/" + s.UUID + "/live":        fmt.Sprintf("#/sessions/%d/live", s.ID),
		"/session/" + s.UUID + "/live/":      fmt.Sprintf("#/sessions/%d/live", s.ID),
	}
	for link, want := range good {
		got, err := deeplink.Resolve(db, link)
		if err != nil || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", link, got, err, want)
		}
	}
	bad := map[string]apperr.Code{
		"sessions/1":                  apperr.Invalid,
		"session/12":                  apperr.Invalid,
		"session/" + c.UUID:           apperr.NotFound, // a circle's UUID is no session
		"person/" + s.UUID:            apperr.NotFound,
		"goal/" + p.UUID:              apperr.NotFound,
		"circle/" + c.UUID + "/goals": apperr.Invalid,
		"circle/Nobody's circle":      apperr.NotFound,
		"session/" + s.UUID + "/edit": apperr.Invalid,
		"javascript:alert(1)":         apperr.Invalid,
	}
	for link, code := range bad {
		_, err := deeplink.Resolve(db, link)
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Code != code {
			t.Errorf("Resolve(%q) error = %v, want code %s", link, err, code)
		}
	}
}
