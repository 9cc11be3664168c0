package form_test

import (
	"errors"
	"slices"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/form"
)

// circleOf finds the circle holding person id.
func circleOf(r form.Result, id string) int {
	for k, c := range r.Circles {
		if slices.Contains(c.Members, id) {
			return k
		}
	}
	return -1
}

func TestMoveRechecksRulesAndExplains(t *testing.T) {
	in := cohort(4, 40, 5) // 8 who can lead
	in.Options.MinSize, in.Options.MaxSize = 4, 12
	in.Options.Pinned = map[string]int{"p0001": 0}
	r := mustForm(t, in)
	in.Options = r.Options
	var mentee string
	for _, id := range r.Circles[1].Members {
		if p := byID(in)[id]; !p.Leads() && id != "p0001" {
			mentee = id
		}
	}
	moved, err := form.Move(in, r.Circles, mentee, 2)
	if err != nil {
		t.Fatalf("Move: %v", err)
	}
	checkRules(t, in, moved)
	if circleOf(moved, mentee) != 2 || len(moved.Circles[2].Members) != len(r.Circles[2].Members)+1 {
		t.Fatalf("%s not moved to circle 2: %v", mentee, moved.Circles[2].Members)
	}
	if e := moved.Circles[2].Explanation; e.Size != len(moved.Circles[2].Members) {
		t.Errorf("explanation not worked out again: size %d", e.Size)
	}
	if moved.SeedCost != r.Cost {
		t.Errorf("cost before the move %g, Form said %g", moved.SeedCost, r.Cost)
	}
	back, err := form.Move(in, moved.Circles, mentee, 1)
	if err != nil || back.Cost != r.Cost {
		t.Errorf("moving back: err %v, cost %g, want %g", err, back.Cost, r.Cost)
	}

	bad := []struct {
		name, person, field string
		to                  int
	}{
		{"pinned", "p0001", "pinned", 2},
		{"nobody", "nobody", "person", 1},
		{"no such circle", mentee, "circle", len(r.Circles)},
		{"last leader", r.Circles[3].Members[0], "circle", 4},
	}
	in.Options.MaxLeaders = 2
	for _, tc := range bad {
		if tc.name == "last leader" && len(r.Circles[3].Explanation.Leaders) != 1 {
			continue
		}
		_, err := form.Move(in, r.Circles, tc.person, tc.to)
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Code != apperr.Invalid || ae.Field != tc.field {
			t.Errorf("%s: got %v, want Invalid on %q", tc.name, err, tc.field)
		}
	}
}

func TestMoveRefusesTooSmallOrTooBigACircle(t *testing.T) {
	in := cohort(6, 24, 4)
	in.Options.Circles = 3 // sizes exactly 8: no move fits
	r := mustForm(t, in)
	in.Options = r.Options
	last := func(r form.Result, k int) string { return r.Circles[k].Members[len(r.Circles[k].Members)-1] }
	_, err := form.Move(in, r.Circles, last(r, 0), 1)
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Field != "circle" {
		t.Fatalf("got %v, want Invalid on circle", err)
	}
	in.Options.MinSize, in.Options.MaxSize = 6, 9 // circle 1 takes one more, not two
	once, err := form.Move(in, r.Circles, last(r, 0), 1)
	if err != nil {
		t.Fatal(err)
	}
	_, err = form.Move(in, once.Circles, last(once, 0), 1)
	if !errors.As(err, &ae) || ae.Field != "circle" || ae.Message != "Circle 2 would have 10 members; at most 9." {
		t.Fatalf("got %v, want circle 2 too big", err)
	}
}

func TestMoveRefusesAPlacementThatIsNotTheCohort(t *testing.T) {
	in := cohort(6, 24, 4)
	in.Options.Circles = 3
	r := mustForm(t, in)
	in.Options = r.Options
	broken := slices.Clone(r.Circles)
	broken[0].Members = broken[0].Members[1:]
	if _, err := form.Move(in, broken, r.Circles[1].Members[0], 0); err == nil {
		t.Fatal("a placement missing someone was accepted")
	}
}
