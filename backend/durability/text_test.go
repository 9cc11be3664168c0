package durability_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"circlebook/backend/model"

	"gorm.io/gorm"
)

// vocabulary is what the deterministic note is written in; the accented and
// CJK words make a torn write of a multi-byte character show.
var vocabulary = []string{
	"the", "circle", "talked", "about", "Muñoz", "naïve", "roadmap", "feedback",
	"día", "日本語", "priorities", "and", "next", "steps", "for", "Zoë",
	"mentoring", "goals", "were", "reviewed", "—", "café", "hiring", "plan",
}

// taskEvery is how often a piece of the note is a finished task line.
const taskEvery = 40

// piece is what iteration i appends to the note. Every piece is non-empty, so
// iteration texts grow strictly and a body matches at most one of them.
func piece(i int) string {
	switch {
	case i == 1:
		return "# Session notes\n\n"
	case i%taskEvery == 0:
		return fmt.Sprintf("\n- [ ] @all follow up on point %d\n", i)
	case i%12 == 0:
		return vocabulary[(i*7)%len(vocabulary)] + ".\n"
	default:
		return vocabulary[(i*7)%len(vocabulary)] + " "
	}
}

// noteText builds the whole text of iterations 1..k, appending to b.
type noteText struct {
	b strings.Builder
	k int
}

// next appends the following iteration's piece and returns the whole text.
func (n *noteText) next() string {
	n.k++
	n.b.WriteString(piece(n.k))
	return n.b.String()
}

// textOf is the note's text at iteration k (k = 0 is the empty note).
func textOf(k int) string {
	var n noteText
	for n.k < k {
		n.next()
	}
	return n.b.String()
}

// iterationOf returns the k whose text body is, or false when body is no
// iteration's text (a torn or foreign write).
func iterationOf(body string) (int, bool) {
	var n noteText
	for n.b.Len() < len(body) {
		if !strings.HasPrefix(body, n.next()) {
			return 0, false
		}
	}
	return n.k, n.b.String() == body
}

// tasksIn is how many finished task lines the text of iteration k has, each
// of which must have become an action item in the same transaction.
func tasksIn(k int) int64 { return int64(k / taskEvery) }

func TestIterationOf(t *testing.T) {
	for _, k := range []int{0, 1, 2, 11, 12, 39, 40, 41, 500} {
		got, ok := iterationOf(textOf(k))
		if !ok || got != k {
			t.Errorf("iterationOf(textOf(%d)) = %d, %v", k, got, ok)
		}
	}
	torn := textOf(30)
	for _, body := range []string{torn[:len(torn)-1], torn + "x", "something else", textOf(200)[:1000]} {
		if k, ok := iterationOf(body); ok {
			t.Errorf("iterationOf(%q...) = %d, want no match", body[:min(len(body), 20)], k)
		}
	}
}

// sessionFor returns the one session the savers write to, creating its
// circle and it in one transaction when the folder has none yet.
func sessionFor(db *gorm.DB) (uint, error) {
	var id uint
	err := db.Transaction(func(tx *gorm.DB) error {
		var ses model.Session
		err := tx.Order("id").Take(&ses).Error
		if err == nil {
			id = ses.ID
			return nil
		}
		if !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		c := model.Circle{Name: "Durability", Kind: model.KindGroup, Cadence: model.CadenceBiweekly,
			MeetingDay: -1, DurationMinutes: 60, Status: model.CircleActive}
		if err := tx.Create(&c).Error; err != nil {
			return err
		}
		ses = model.Session{CircleID: c.ID, Number: 1, StartsAt: "2026-11-25T18:00", DurationMinutes: 60,
			Status: model.SessionHeld, StartedAt: model.UTC(time.Now())}
		if err := tx.Create(&ses).Error; err != nil {
			return err
		}
		id = ses.ID
		return nil
	})
	return id, err
}
