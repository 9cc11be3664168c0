package roster_test

import (
	"testing"

	"circlebook/backend/roster"
)

func TestGuessMapping(t *testing.T) {
	csv := "First name,Last name,E-mail address,Job Title,Company,City,TZ,Hire date,I want to be a,Skills,Areas to grow,Languages spoken,Max mentees,Notes,Contact\n" +
		"Ana,Lima,ana@example.org,Analyst,Acme,Lisbon,Europe/Lisbon,2021-03-01,Mentor,SQL,Speaking,pt,2,x,x@example.org\n"
	tab, err := roster.Read("r.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	want := roster.Mapping{"First name": "firstName", "Last name": "lastName", "E-mail address": "email",
		"Job Title": "title", "Company": "organization", "City": "location", "TZ": "timeZone", "Hire date": "startDate",
		"I want to be a": "roleWanted", "Skills": "strengths", "Areas to grow": "growthAreas",
		"Languages spoken": "languages", "Max mentees": "capacity"}
	got := roster.Guess(tab)
	for h, f := range want {
		if got[h] != f {
			t.Errorf("%q guessed as %q, want %q", h, got[h], f)
		}
	}
	for _, h := range []string{"Notes", "Contact"} { // Contact: email is taken
		if got[h] != "" {
			t.Errorf("%q guessed as %q, want unmapped", h, got[h])
		}
	}
}

func TestGuessBySamplesAndRoleColumn(t *testing.T) {
	csv := "Person,Col B,Col C,Role\nAna,ana@example.org,Europe/Lisbon,mentee\nBo,bo@example.org,Asia/Tokyo,Mentor\n"
	tab, err := roster.Read("r.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	got := roster.Guess(tab)
	if got["Person"] != "name" || got["Col B"] != "email" || got["Col C"] != "timeZone" || got["Role"] != "roleWanted" {
		t.Errorf("guessed %v", got)
	}
}

func TestPresets(t *testing.T) {
	svc, _ := setup(t)
	m := roster.Mapping{"Nombre": "name", "Correo": "email"}
	if _, err := svc.SavePreset(roster.Preset{Name: " HR export ", Mapping: m}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SavePreset(roster.Preset{Name: "hr EXPORT", Mapping: roster.Mapping{"Name": "name"}}); err != nil {
		t.Fatal(err)
	}
	all, err := svc.Presets()
	if err != nil || len(all) != 1 || all[0].Name != "hr EXPORT" || all[0].Mapping["Name"] != "name" {
		t.Fatalf("presets %+v, %v: want the one, replaced", all, err)
	}
	if p, err := svc.Preset("HR Export"); err != nil || p.Mapping["Name"] != "name" {
		t.Errorf("Preset = %+v, %v", p, err)
	}
	if _, err := svc.SavePreset(roster.Preset{Name: "bad", Mapping: roster.Mapping{"X": "shoeSize"}}); err == nil {
		t.Error("a preset mapping to no field was saved")
	}
	if err := svc.DeletePreset("hr export"); err != nil {
		t.Fatal(err)
	}
	if all, _ := svc.Presets(); len(all) != 0 {
		t.Errorf("after delete: %+v", all)
	}
}
