package circles_test

import (
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/circles"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestCircleLimits(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*circles.CircleInput)
		code  apperr.Code // "" for accepted
		field string
	}{
		{"name at the limit", func(in *circles.CircleInput) { in.Name = strings.Repeat("ñ", check.MaxName) }, "", ""},
		{"name of 5000 characters", func(in *circles.CircleInput) { in.Name = strings.Repeat("a", 5000) }, apperr.TooLong, "name"},
		{"purpose over the limit", func(in *circles.CircleInput) { in.Purpose = strings.Repeat("a", check.MaxProse+1) }, apperr.TooLong, "purpose"},
		{"place over the limit", func(in *circles.CircleInput) { in.Place = strings.Repeat("a", check.MaxTitle+1) }, apperr.TooLong, "place"},
		{"https video link", func(in *circles.CircleInput) { in.VideoLink = "https://meet.example.org/abc-defg-hij" }, "", ""},
		{"javascript video link", func(in *circles.CircleInput) { in.VideoLink = "javascript:alert(1)" }, apperr.Invalid, "videoLink"},
		{"video link without a scheme", func(in *circles.CircleInput) { in.VideoLink = "meet.example.org/abc" }, apperr.Invalid, "videoLink"},
		{"start in 2999", func(in *circles.CircleInput) { in.StartDate, in.EndDate = "2999-01-01", "" }, apperr.Invalid, "startDate"},
		{"end in 1850", func(in *circles.CircleInput) { in.StartDate, in.EndDate = "", "1850-01-01" }, apperr.Invalid, "endDate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, f := setup(t)
			in := validInput()
			tt.edit(&in)
			_, err := svc.Create(in)
			if tt.code == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			testdb.WantError(t, err, tt.code, tt.field)
			if n := f.Count("circles"); n != 0 {
				t.Errorf("circles = %d, want 0", n)
			}
		})
	}
}

// A form with three mistakes hears about all three in one answer.
func TestCircleShowsEveryError(t *testing.T) {
	svc, f := setup(t)
	in := validInput()
	in.Name, in.VideoLink, in.StartDate, in.EndDate = " ", "javascript:alert(1)", "2026-09-01", "2026-08-01"
	_, err := svc.Create(in)
	testdb.WantFields(t, err, "name", "videoLink", "endDate")
	c := f.Circle("Existing")
	_, err = svc.Update(c.ID, in)
	testdb.WantFields(t, err, "name", "videoLink", "endDate")
}

func TestMemberDatesInRange(t *testing.T) {
	svc, f := setup(t)
	c, p := f.Circle("Craft"), f.Person("Ana Muñoz")
	_, err := svc.AddMember(c.ID, circles.MemberInput{PersonID: p.ID, Role: model.RoleMentee, JoinedOn: "2999-01-01", LeftOn: "1850-01-01"})
	testdb.WantFields(t, err, "joinedOn", "leftOn")
}
