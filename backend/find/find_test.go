package find_test

import (
	"errors"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/demo"
	"circlebook/backend/find"
	"circlebook/backend/internal/testdb"
)

// TestMunozDemoFindsANote is the "done when": the demo data's
// Ana Muñoz and a note about a demo, typed without the accent.
func TestMunozDemoFindsANote(t *testing.T) {
	st := testdb.Open(t)
	if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
		t.Fatal(err)
	}
	res, err := find.New(st.DB, testdb.Now).Search(find.Request{Query: "munoz demo"})
	if err != nil {
		t.Fatal(err)
	}
	var note *find.Hit
	for _, g := range res.Groups {
		if g.Kind == "notes" && len(g.Hits) > 0 {
			note = &g.Hits[0]
		}
	}
	if note == nil {
		t.Fatalf("no note found for %q: %+v", "munoz demo", res)
	}
	if !strings.Contains(note.Route, "find=munoz+demo") || !strings.Contains(note.Route, "&note=") {
		t.Errorf("route = %q", note.Route)
	}
	marked := false
	for _, s := range note.Snippet {
		marked = marked || s.Mark
	}
	if !marked || note.Where == "" {
		t.Errorf("hit = %+v, want a marked snippet and a where", note)
	}
}

// TestTooLongIsRefused: over 10,000 characters is the one search refused.
func TestTooLongIsRefused(t *testing.T) {
	st := testdb.Open(t)
	_, err := find.New(st.DB, testdb.Now).Search(find.Request{Query: strings.Repeat("a", 10001)})
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Message != "A search can be at most 10,000 characters." {
		t.Fatalf("err = %v", err)
	}
}
