package roster_test

import (
	"slices"
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/roster"
)

// spreadsheetCSV is a roster as a spreadsheet in a semicolon locale saves
// it: a byte order mark, a title row, semicolons, accents, dates day first,
// and row 7 repeating row 4's email in other case.
const spreadsheetCSV = "\uFEFFMentoring roster 2026;;;;;;;\r\n" +
	";;;;;;;\r\n" +
	"Nombre;Correo;Organización;Zona horaria;Fecha inicio;Rol;Fortalezas;Idiomas\r\n" +
	"Íñigo Sáenz;inigo@example.org;Acme;Europe/Madrid;03/02/2022;Mentor;\"Liderazgo; negociación\";es, en\r\n" +
	"Zoë Ångström;zoe@example.org;Globex;Europe/Stockholm;15/09/2024;mentee;\"Datos, \"\"SQL\"\"\";sv\r\n" +
	"Chidi Okafor;chidi@example.org;Acme;Africa/Lagos;2021-06-01;both;Coaching;en\r\n" +
	"Iñigo Sáenz (copy);INIGO@Example.org;Acme;Europe/Madrid;03/02/2022;Mentor;;es\r\n"

func TestSpreadsheetCSVToCircleThenAgainChangesNothing(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Spring cohort")
	path := file(t, "roster.csv", []byte(spreadsheetCSV))

	before := f.Fingerprint()
	p, err := svc.DryRun(roster.Request{Source: roster.Source{Path: path}, Circle: "spring COHORT", Role: model.RoleMentee})
	if err != nil {
		t.Fatal(err)
	}
	sameData(t, f, before)
	if p.Delimiter != ";" || p.Encoding != "utf-8 with BOM" || p.HeaderRow != 3 {
		t.Errorf("read as delimiter %q, encoding %q, header row %d", p.Delimiter, p.Encoding, p.HeaderRow)
	}
	if want := map[int]string{4: "create", 5: "create", 6: "create", 7: "error"}; !equal(actions(p), want) {
		t.Errorf("actions %v, want %v", actions(p), want)
	}
	if r := rowOf(t, p, 7); r.Field != "email" || !strings.Contains(r.Reason, "row 4") {
		t.Errorf("row 7: %+v, want a duplicate of row 4's email", r)
	}

	_, err = svc.Import(roster.Request{Source: roster.Source{Path: path}, Circle: "Spring cohort", Role: model.RoleMentee})
	testdb.WantError(t, err, apperr.Invalid, "rows")
	sameData(t, f, before)

	req := roster.Request{Source: roster.Source{Path: path}, Skip: []int{7}, Circle: "Spring cohort", Role: model.RoleMentee}
	res, err := svc.Import(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 3 || res.Joined != 3 || res.Updated != 0 {
		t.Errorf("created %d, joined %d, updated %d; want 3, 3, 0", res.Created, res.Joined, res.Updated)
	}
	inigo := person(t, f, "inigo@example.org")
	if inigo.Name != "Íñigo Sáenz" || inigo.Organization != "Acme" || inigo.StartDate != "2022-02-03" ||
		inigo.RoleWanted != "mentor" || inigo.Strengths != "Liderazgo, negociación" || inigo.TimeZone != "Europe/Madrid" {
		t.Errorf("Íñigo stored as %+v", inigo)
	}
	if zoe := person(t, f, "zoe@example.org"); zoe.Strengths != `Datos, "SQL"` || zoe.StartDate != "2024-09-15" {
		t.Errorf("Zoë stored as %+v", zoe)
	}
	if n := f.Count("memberships"); n != 3 {
		t.Errorf("%d memberships, want 3", n)
	}
	var roles []string
	f.DB.Model(&model.Membership{}).Where("circle_id = ?", c.ID).Pluck("role", &roles)
	if len(roles) != 3 || roles[0] != model.RoleMentee {
		t.Errorf("roles in the circle: %v", roles)
	}

	again := f.Fingerprint()
	p, err = svc.DryRun(req)
	if err != nil {
		t.Fatal(err)
	}
	if p.Skips != 4 || p.Creates+p.Updates+p.Errors+p.Joins != 0 {
		t.Errorf("second dry run: %d skips, %d creates, %d updates, %d errors, %d joins; want only skips",
			p.Skips, p.Creates, p.Updates, p.Errors, p.Joins)
	}
	if _, err := svc.Import(req); err != nil {
		t.Fatal(err)
	}
	sameData(t, f, again)
}

func equal(a, b map[int]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestMatchByEmailElseByNameWithAWarning(t *testing.T) {
	svc, f := setup(t)
	ana := f.Person("Ana Lima", func(p *model.Person) { p.Email = "Ana.Lima@Example.org"; p.Title = "Analyst" })
	f.Person("Kwame Mensah", func(p *model.Person) { p.Title = "Engineer" })
	f.Person("Sam Lee", func(p *model.Person) { p.Email = "sam1@example.org" })
	f.Person("Sam Lee", func(p *model.Person) { p.Email = "" })
	f.Person("Sam Lee", func(p *model.Person) { p.Email = "" })
	csv := "Name,Email,Title\n" +
		" ana lima ,  ana.lima@example.ORG ,Lead analyst\n" +
		"KWAME MENSAH,,Engineer\n" +
		"Kwame Mensah,kwame@example.org,Engineer\n" +
		"Sam Lee,,Chef\n"
	p, err := svc.DryRun(roster.Request{Source: roster.Source{Name: "r.csv", Data: []byte(csv)}})
	if err != nil {
		t.Fatal(err)
	}
	if r := rowOf(t, p, 2); r.Action != "update" || r.PersonID != ana.ID || !slices.Equal(r.Changes, []string{"name", "title"}) {
		t.Errorf("row 2 (same email, other case): %+v", r)
	}
	if r := rowOf(t, p, 3); r.Action != "update" || r.Warning == "" || !slices.Equal(r.Changes, []string{"name"}) {
		t.Errorf("row 3 (by name): %+v, want an update with a warning", r)
	}
	if r := rowOf(t, p, 4); r.Action != "error" || !strings.Contains(r.Reason, "Row 3") {
		t.Errorf("row 4 (the same person again, by name): %+v", r)
	}
	if r := rowOf(t, p, 5); r.Action != "error" || r.Field != "name" {
		t.Errorf("row 5 (two people of that name without email): %+v", r)
	}
}

func TestRowErrorsNameTheirField(t *testing.T) {
	svc, f := setup(t)
	csv := "Name,Email,Start,Time zone,Role wanted,Capacity\n" +
		",nobody@example.org,,,,\n" +
		"Bad Email,not-an-email,,,,\n" +
		"Bad Date,,31/02/2024,,,\n" +
		"Future,,2027-01-01,,,\n" +
		"Bad Zone,,,Mars/Olympus,,\n" +
		"Bad Role,,,,sponsor,\n" +
		"Bad Capacity,,,,,lots\n" +
		"Fine,fine@example.org,2020-01-01,America/Chicago,mentor,3\n"
	p, err := svc.DryRun(roster.Request{Source: roster.Source{Name: "r.csv", Data: []byte(csv)}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{2: "name", 3: "email", 4: "startDate", 5: "startDate", 6: "timeZone", 7: "roleWanted", 8: "capacity"}
	for row, field := range want {
		if r := rowOf(t, p, row); r.Action != "error" || r.Field != field || r.Reason == "" {
			t.Errorf("row %d: %+v, want an error about %s", row, r, field)
		}
	}
	if r := rowOf(t, p, 9); r.Action != "create" {
		t.Errorf("row 9: %+v, want create", r)
	}
	// Fixing and skipping rows makes the import go through.
	before := f.Fingerprint()
	fixes := map[int]map[string]string{2: {"name": "Nobody"}, 3: {"email": "bad@example.org"}, 4: {"startDate": "2024-02-28"}}
	res, err := svc.Import(roster.Request{Source: roster.Source{Name: "r.csv", Data: []byte(csv)}, Fixes: fixes, Skip: []int{5, 6, 7, 8}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 4 || person(t, f, "bad@example.org").Name != "Bad Email" || person(t, f, "fine@example.org").Capacity != 3 {
		t.Errorf("created %d", res.Created)
	}
	_ = before
}
