package circles

import (
	"encoding/base64"
	"encoding/json"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// SessionsPage is a page of a circle's past sessions, older than those the
// circle page (or the page before) holds, with their attendance.
type SessionsPage struct {
	Sessions []model.Session `json:"sessions"` // in date order
	Grid     []GridRow       `json:"grid"`     // the members the circle page lists x Sessions, in its order
	Earlier  string          `json:"earlier"`  // the cursor for the page before this one; "" when this one reaches the first session
}

// Sessions returns up to limit (0: EarlierPage, at most MaxEarlier) past
// sessions of a circle before the cursor before (a Page's or a SessionsPage's
// Earlier; "" for the latest), with the marks of the members Get lists.
func (s *Circles) Sessions(circleID uint, before string, limit int) (SessionsPage, error) {
	out := SessionsPage{Sessions: []model.Session{}, Grid: []GridRow{}}
	from := cursor{Circle: circleID, Today: s.now().Format(check.DateLayout)}
	if before != "" {
		var err error
		if from, err = parseCursor(before, circleID); err != nil {
			return out, err
		}
	}
	if limit <= 0 {
		limit = EarlierPage
	}
	limit = min(limit, MaxEarlier)
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := find(tx, circleID, &model.Circle{}); err != nil {
			return err
		}
		var err error
		if out.Sessions, out.Earlier, err = pastPage(tx, circleID, from, limit); err != nil {
			return err
		}
		ms, err := members(tx, circleID)
		if err != nil {
			return err
		}
		out.Grid, err = grid(tx, ms, out.Sessions)
		return err
	})
	return out, err
}

// cursor marks a place in a circle's past sessions: the page before it
// starts after the session (StartsAt, ID). Today keeps the day the first
// page split upcoming from past by, so every page splits them alike.
type cursor struct {
	Circle   uint   `json:"c"`
	Today    string `json:"t"`
	StartsAt string `json:"s"`
	ID       uint   `json:"i"`
}

// maxCursor bounds the text parseCursor reads: a cursor takes about 100.
const maxCursor = 512

// String encodes c as opaque text.
func (c cursor) String() string {
	b, _ := json.Marshal(c) // strings and numbers always marshal
	return base64.RawURLEncoding.EncodeToString(b)
}

// parseCursor decodes a cursor String wrote for circle id; anything else is an invalid "before".
func parseCursor(s string, id uint) (cursor, error) {
	var c cursor
	if len(s) > maxCursor {
		return cursor{}, errCursor()
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &c) != nil || c.Circle != id || c.ID == 0 || c.StartsAt == "" || len(c.StartsAt) > len(check.DateTimeLayout) {
		return cursor{}, errCursor()
	}
	if _, err := time.Parse(check.DateLayout, c.Today); err != nil {
		return cursor{}, errCursor()
	}
	return c, nil
}

func errCursor() error {
	return apperr.New(apperr.Invalid, "before", "Those earlier sessions are no longer at hand: open the circle again.")
}
