// Package deeplink turns a link a script or a desktop launcher gives
// (`circlebook --open session/UUID/live`) into the page's route, so the
// window opens on that screen.
package deeplink

import (
	"fmt"
	"strings"

	"circlebook/backend/apperr"
	"circlebook/backend/export"
	"circlebook/backend/model"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Usage lists the links Resolve understands.
const Usage = "today, circles, people, program, import, match, form, circle/NAME|UUID, circle/NAME|UUID/growth, circle/NAME|UUID/import, person/UUID, goal/UUID, session/UUID or session/UUID/live"

// Resolve returns the page route ("#/sessions/12/live") for a link, or an
// apperr naming what is wrong with it.
func Resolve(db *gorm.DB, link string) (string, error) {
	parts := strings.Split(strings.Trim(strings.TrimSpace(link), "/"), "/")
	switch {
	case len(parts) == 1 && (parts[0] == "circles" || parts[0] == ""):
		return "#/circles", nil
	case len(parts) == 1 && parts[0] == "people":
		return "#/people", nil
	case len(parts) == 1 && (parts[0] == "today" || parts[0] == "program" || parts[0] == "import" || parts[0] == "match" || parts[0] == "form"):
		return "#/" + parts[0], nil
	case len(parts) == 2 && parts[0] == "circle":
		id, err := export.FindCircle(db, parts[1])
		return fmt.Sprintf("#/circles/%d", id), err
	case len(parts) == 3 && parts[0] == "circle" && parts[2] == "growth":
		id, err := export.FindCircle(db, parts[1])
		return fmt.Sprintf("#/circles/%d/growth", id), err
	case len(parts) == 3 && parts[0] == "circle" && parts[2] == "import":
		id, err := export.FindCircle(db, parts[1])
		return fmt.Sprintf("#/import?circle=%d", id), err
	case len(parts) == 2 && parts[0] == "goal":
		id, err := byUUID(db, &model.Goal{}, "goal", parts[1])
		return fmt.Sprintf("#/goals/%d", id), err
	case len(parts) == 2 && parts[0] == "person":
		id, err := byUUID(db, &model.Person{}, "person", parts[1])
		return fmt.Sprintf("#/people/%d", id), err
	case len(parts) == 2 && parts[0] == "session":
		id, err := byUUID(db, &model.Session{}, "session", parts[1])
		return fmt.Sprintf("#/sessions/%d", id), err
	case len(parts) == 3 && parts[0] == "session" && parts[2] == "live":
		id, err := byUUID(db, &model.Session{}, "session", parts[1])
		return fmt.Sprintf("#/sessions/%d/live", id), err
	}
	return "", apperr.New(apperr.Invalid, "open", "Cannot open %q: use %s.", link, Usage)
}

// byUUID finds the integer key of the record of row's type with this UUID.
func byUUID(db *gorm.DB, row any, kind, ref string) (uint, error) {
	if _, err := uuid.Parse(ref); err != nil {
		return 0, apperr.New(apperr.Invalid, "open", "%q is not a %s UUID.", ref, kind)
	}
	var ids []uint
	if err := db.Model(row).Where("uuid = ?", strings.ToLower(ref)).Limit(1).Pluck("id", &ids).Error; err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, apperr.New(apperr.NotFound, "open", "There is no %s %s.", kind, ref)
	}
	return ids[0], nil
}
