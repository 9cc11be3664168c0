package circles_test

import (
	"errors"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/check"
	"circlebook/backend/circles"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func setup(t *testing.T) (*circles.Circles, testdb.Fixture) {
	t.Helper()
	st, f := testdb.New(t)
	return circles.New(st.DB, testdb.Now), f
}

func validInput() circles.CircleInput {
	return circles.CircleInput{
		Name: "Product Craft Circle", Purpose: "Sharpen discovery.", Kind: model.KindGroup, Cadence: model.CadenceMonthly,
		MeetingDay: 4, MeetingTime: "15:00", DurationMinutes: 90, TimeZone: "Europe/London", Place: "Room 4.12",
		StartDate: "2026-03-05", EndDate: "2026-12-17", Status: model.CircleActive, Color: "#2f7de1",
	}
}

func TestCreate(t *testing.T) {
	svc, f := setup(t)
	in := validInput()
	in.Name = "  Product Craft Circle \n"
	c, err := svc.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || len(c.UUID) != 36 {
		t.Errorf("created circle has ID %d, UUID %q", c.ID, c.UUID)
	}
	if c.Name != "Product Craft Circle" {
		t.Errorf("Name = %q, want it trimmed", c.Name)
	}
	var stored model.Circle
	if err := f.DB.Take(&stored, c.ID).Error; err != nil {
		t.Fatal(err)
	}
	if stored.Name != c.Name || stored.Cadence != model.CadenceMonthly || stored.MeetingDay != 4 || stored.TimeZone != "Europe/London" ||
		stored.EndDate != "2026-12-17" || stored.Color != "#2f7de1" || stored.DurationMinutes != 90 {
		t.Errorf("stored %+v, want the input's fields", stored)
	}
}

func TestCreateFillsDefaults(t *testing.T) {
	svc, _ := setup(t)
	c, err := svc.Create(circles.CircleInput{Name: "Chidi & Mateus", MeetingDay: -1})
	if err != nil {
		t.Fatal(err)
	}
	if c.Kind != model.KindGroup || c.Cadence != model.CadenceBiweekly || c.Status != model.CircleForming || c.DurationMinutes != 60 {
		t.Errorf("defaults: kind %q cadence %q status %q duration %d; want group, biweekly, forming, 60",
			c.Kind, c.Cadence, c.Status, c.DurationMinutes)
	}
}

func TestCreateRejectsInvalidInput(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*circles.CircleInput)
		code  apperr.Code
		field string
	}{
		{"empty name", func(in *circles.CircleInput) { in.Name = "" }, apperr.Invalid, "name"},
		{"whitespace name", func(in *circles.CircleInput) { in.Name = " \t\n " }, apperr.Invalid, "name"},
		{"bad kind", func(in *circles.CircleInput) { in.Kind = "trio" }, apperr.Invalid, "kind"},
		{"bad cadence", func(in *circles.CircleInput) { in.Cadence = "daily" }, apperr.Invalid, "cadence"},
		{"end date before start date", func(in *circles.CircleInput) { in.StartDate, in.EndDate = "2026-06-02", "2026-06-01" }, apperr.Invalid, "endDate"},
		{"impossible date", func(in *circles.CircleInput) { in.StartDate = "2026-02-30" }, apperr.Invalid, "startDate"},
		{"custom cadence without days", func(in *circles.CircleInput) { in.Cadence, in.CadenceDays = model.CadenceCustom, 0 }, apperr.Invalid, "cadenceDays"},
		{"meeting day out of range", func(in *circles.CircleInput) { in.MeetingDay = 7 }, apperr.Invalid, "meetingDay"},
		{"bad meeting time", func(in *circles.CircleInput) { in.MeetingTime = "25:00" }, apperr.Invalid, "meetingTime"},
		{"too short", func(in *circles.CircleInput) { in.DurationMinutes = 4 }, apperr.Invalid, "durationMinutes"},
		{"bad colour name", func(in *circles.CircleInput) { in.Color = "blue" }, apperr.Invalid, "color"},
		{"short hex colour", func(in *circles.CircleInput) { in.Color = "#fff" }, apperr.Invalid, "color"},
		{"bad time zone", func(in *circles.CircleInput) { in.TimeZone = "Mars/Olympus_Mons" }, apperr.Invalid, "timeZone"},
		{"Local is not a zone", func(in *circles.CircleInput) { in.TimeZone = "Local" }, apperr.Invalid, "timeZone"},
		{"bad status", func(in *circles.CircleInput) { in.Status = "deleted" }, apperr.Invalid, "status"},
		{"name over 100,000 characters", func(in *circles.CircleInput) { in.Name = strings.Repeat("n", 100_001) }, apperr.TooLong, "name"},
		{"purpose over 100,000 characters", func(in *circles.CircleInput) { in.Purpose = strings.Repeat("é", 100_001) }, apperr.TooLong, "purpose"},
		{"place over 100,000 characters", func(in *circles.CircleInput) { in.Place = strings.Repeat("p", 100_001) }, apperr.TooLong, "place"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, f := setup(t)
			in := validInput()
			tt.edit(&in)
			_, err := svc.Create(in)
			testdb.WantError(t, err, tt.code, tt.field)
			if n := f.Count("circles"); n != 0 {
				t.Errorf("circles = %d after a rejected create, want 0", n)
			}
		})
	}
}

func TestLimitCountsCharactersNotBytes(t *testing.T) {
	svc, _ := setup(t)
	in := validInput()
	in.Purpose = strings.Repeat("é", check.MaxProse) // twice as many bytes as characters
	if _, err := svc.Create(in); err != nil {
		t.Errorf("a purpose of exactly check.MaxProse characters was refused: %v", err)
	}
}

func TestUpdate(t *testing.T) {
	svc, f := setup(t)
	orig := f.Circle("Data Guild")
	in := validInput()
	in.Name, in.Cadence, in.CadenceDays = "Data & Infrastructure Guild", model.CadenceCustom, 10

	got, err := svc.Update(orig.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != orig.ID || got.UUID != orig.UUID {
		t.Errorf("Update changed identity: %d/%s -> %d/%s", orig.ID, orig.UUID, got.ID, got.UUID)
	}
	var stored model.Circle
	f.DB.Take(&stored, orig.ID)
	if stored.Name != "Data & Infrastructure Guild" || stored.Cadence != model.CadenceCustom || stored.CadenceDays != 10 {
		t.Errorf("stored %q %q %d, want the update", stored.Name, stored.Cadence, stored.CadenceDays)
	}
	if !stored.CreatedAt.Equal(orig.CreatedAt) {
		t.Errorf("CreatedAt moved from %v to %v", orig.CreatedAt, stored.CreatedAt)
	}
	if n := f.Count("circles"); n != 1 {
		t.Errorf("circles = %d, want 1", n)
	}
}

func TestUpdateRejectsInvalidInputAndKeepsRow(t *testing.T) {
	svc, f := setup(t)
	orig := f.Circle("Data Guild", func(c *model.Circle) { c.Color = "#16a34a" })
	in := validInput()
	in.Color = "green"
	_, err := svc.Update(orig.ID, in)
	testdb.WantError(t, err, apperr.Invalid, "color")
	var stored model.Circle
	f.DB.Take(&stored, orig.ID)
	if stored.Name != "Data Guild" || stored.Color != "#16a34a" {
		t.Errorf("a rejected update changed the row to %q %q", stored.Name, stored.Color)
	}
}

func TestArchiveAndRestore(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Emerging Leaders")
	f.Session(c, "2026-10-01T17:00", model.SessionHeld)

	archived, err := svc.Archive(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if archived.Status != model.CircleArchived {
		t.Errorf("Archive: status %q, want archived", archived.Status)
	}
	var stored model.Circle
	f.DB.Take(&stored, c.ID)
	if stored.Status != model.CircleArchived {
		t.Errorf("stored status %q after Archive, want archived", stored.Status)
	}
	if n := f.Count("sessions"); n != 1 {
		t.Errorf("sessions = %d after Archive, want its history kept", n)
	}

	restored, err := svc.Restore(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	f.DB.Take(&stored, c.ID)
	if restored.Status != model.CircleActive || stored.Status != model.CircleActive {
		t.Errorf("Restore: returned %q, stored %q; want active", restored.Status, stored.Status)
	}
}

func TestUnknownCircle(t *testing.T) {
	svc, f := setup(t)
	f.Circle("Exists")
	const missing = 999
	calls := map[string]func() error{
		"Get":     func() error { _, err := svc.Get(missing); return err },
		"Update":  func() error { _, err := svc.Update(missing, validInput()); return err },
		"Archive": func() error { _, err := svc.Archive(missing); return err },
		"Restore": func() error { _, err := svc.Restore(missing); return err },
		"Delete":  func() error { return svc.Delete(missing) },
		"AddMember": func() error {
			_, err := svc.AddMember(missing, circles.MemberInput{PersonID: f.Person("Ana").ID, Role: model.RoleMentee})
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			err := call()
			testdb.WantError(t, err, apperr.NotFound, "")
			if !errors.Is(err, apperr.ErrNotFound) {
				t.Errorf("errors.Is(%v, ErrNotFound) = false", err)
			}
		})
	}
	if n := f.Count("circles"); n != 1 {
		t.Errorf("circles = %d, want the one that exists", n)
	}
}

func TestDeleteCascadesButKeepsPeople(t *testing.T) {
	svc, f := setup(t)
	doomed := f.Circle("Doomed")
	kept := f.Circle("Kept")
	ana, kwame := f.Person("Ana"), f.Person("Kwame")
	f.Member(doomed, ana, model.RoleLeader)
	f.Member(doomed, kwame, model.RoleMentee)
	f.Member(kept, ana, model.RoleMentor)
	s := f.Session(doomed, "2026-11-01T10:00", model.SessionHeld)
	f.DB.Create(&model.AgendaItem{SessionID: s.ID, Title: "Check-in"})
	f.Mark(s, ana, model.Present)
	f.Mark(s, kwame, model.Absent)
	ks := f.Session(kept, "2026-11-02T10:00", model.SessionHeld)
	f.Mark(ks, ana, model.Present)

	if err := svc.Delete(doomed.ID); err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"circles": 1, "people": 2, "memberships": 1, "sessions": 1, "agenda_items": 0, "attendance": 1}
	for table, n := range f.Counts() {
		if n != want[table] {
			t.Errorf("%s = %d after Delete, want %d", table, n, want[table])
		}
	}
	var left model.Membership
	f.DB.Take(&left)
	if left.CircleID != kept.ID {
		t.Errorf("the membership left belongs to circle %d, want %d", left.CircleID, kept.ID)
	}
}
