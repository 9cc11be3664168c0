package paging_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"circlebook/backend/check"
	"circlebook/backend/circles"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/people"
)

// maxReply is the most one call may answer with (issue 8).
const maxReply = 100 << 10

// long is n characters of accented text (2 bytes each in UTF-8).
func long(n int) string { return strings.Repeat("é", n) }

// TestPageSize: a page of 50 circles and one of 50 people marshal to less
// than 100 KB with every text long, in 2-byte letters: names of 100
// characters, a purpose at its limit of 10,000 (a list row carries its
// start), places, titles and topics of 60, a video link of 120.
func TestPageSize(t *testing.T) {
	st, f := testdb.New(t)
	for i := range 60 {
		c := f.Circle(fmt.Sprintf("%03d %s", i, long(96)), func(c *model.Circle) {
			c.Purpose, c.Place, c.TimeZone = long(check.MaxProse), long(60), "America/Argentina/Buenos_Aires"
			c.VideoLink = "https://meet.example.org/" + strings.Repeat("x", 96)
		})
		s := f.Session(c, "2026-12-01T17:00", model.SessionPlanned)
		f.DB.Model(&s).Updates(map[string]any{"topic": long(60), "place": long(60)})
		f.Person(fmt.Sprintf("%03d %s", i, long(96)), func(p *model.Person) {
			p.Email = fmt.Sprintf("%03d.%s@example.org", i, strings.Repeat("x", 60))
			p.Title, p.Team, p.Location, p.Pronouns = long(60), long(60), long(60), "they/them"
		})
	}
	cs, err := circles.New(st.DB, testdb.Now).List(circles.ListRequest{})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := people.New(st.DB, testdb.Now).List(people.ListRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for name, page := range map[string]any{"circles": cs, "people": ps} {
		b, err := json.Marshal(page)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("a page of 50 %s: %d bytes", name, len(b))
		if len(b) >= maxReply {
			t.Errorf("a page of %s marshals to %d bytes, want under %d", name, len(b), maxReply)
		}
	}
	if len(cs.Circles) != 50 || len(ps.People) != 50 {
		t.Fatalf("pages of %d circles and %d people, want 50 each", len(cs.Circles), len(ps.People))
	}
	if p := []rune(cs.Circles[0].Purpose); len(p) != circles.ListPurpose+1 || p[len(p)-1] != '…' {
		t.Errorf("a list row's purpose has %d characters, want the first %d and an ellipsis", len(p), circles.ListPurpose)
	}
}
