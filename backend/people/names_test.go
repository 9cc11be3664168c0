package people_test

import (
	"slices"
	"testing"

	"circlebook/backend/model"
	"circlebook/backend/people"
)

// TestListMatchesWithoutAccentsOrCase: a search finds a name, email, team or
// title whatever the accents and case on either side.
func TestListMatchesWithoutAccentsOrCase(t *testing.T) {
	svc, f := setup(t)
	f.Person("Íñigo Sáenz", func(p *model.Person) { p.Email = "inigo@example.org" })
	f.Person("Ángel Peña", func(p *model.Person) { p.Team = "Diseño" })
	f.Person("Agnieszka Dąbrowska", func(p *model.Person) { p.Title = "Jefa de Ingeniería" })
	f.Person("Nguyễn Văn An")
	f.Person("Łukasz Wróbel")
	f.Person("Jörg Straße")
	f.Person("Søren Ørsted")
	f.Person("Ines Ruiz")
	tests := []struct {
		search string
		want   []string
	}{
		{"inigo", []string{"Íñigo Sáenz"}},
		{"ÍÑIGO", []string{"Íñigo Sáenz"}},
		{"saenz", []string{"Íñigo Sáenz"}},
		{"angel", []string{"Ángel Peña"}},
		{"pena", []string{"Ángel Peña"}},
		{"dabrowska", []string{"Agnieszka Dąbrowska"}},
		{"nguyen", []string{"Nguyễn Văn An"}},
		{"lukasz", []string{"Łukasz Wróbel"}},
		{"strasse", []string{"Jörg Straße"}},
		{"soren orsted", []string{"Søren Ørsted"}},
		{"Inés", []string{"Ines Ruiz"}},                 // accents typed, none stored
		{"diseno", []string{"Ángel Peña"}},              // team
		{"ingenieria", []string{"Agnieszka Dąbrowska"}}, // title
		{"INIGO@EXAMPLE", []string{"Íñigo Sáenz"}},      // email
		{"  inigo   saenz ", []string{"Íñigo Sáenz"}},   // spacing aside
		{"saenz angel", nil},                            // never across two fields or people
	}
	for _, tt := range tests {
		r, err := svc.List(people.ListRequest{Query: tt.search})
		if err != nil {
			t.Fatal(err)
		}
		if got := names(r.People); !slices.Equal(got, tt.want) || r.Total != len(tt.want) {
			t.Errorf("List(%q) = %q (total %d), want %q", tt.search, got, r.Total, tt.want)
		}
	}
}

// TestListSortsAsAPersonReads: accents and case do not send a name after Z.
func TestListSortsAsAPersonReads(t *testing.T) {
	svc, f := setup(t)
	for _, n := range []string{"Zoë Walker", "Íñigo Sáenz", "ana gil", "Élodie Roux", "Łukasz Wróbel", "Ömer Yılmaz", "van der Berg", "Ana Gil", "Anabel Ortiz"} {
		f.Person(n)
	}
	r, err := svc.List(people.ListRequest{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Ana Gil", "ana gil", "Anabel Ortiz", "Élodie Roux", "Íñigo Sáenz", "Łukasz Wróbel", "Ömer Yılmaz", "van der Berg", "Zoë Walker"}
	if got := names(r.People); !slices.Equal(got, want) {
		t.Errorf("List order\n got %q\nwant %q", got, want)
	}
}

// TestSimilar finds the people a new person may duplicate: the same name
// whatever its accents and case, a name that is the start of theirs (or
// theirs the start of it) in whole words, or the same email.
func TestSimilar(t *testing.T) {
	svc, f := setup(t)
	f.Person("Íñigo Sáenz", func(p *model.Person) { p.Email = "Inigo@Example.org" })
	f.Person("Ana")
	f.Person("Ana María Gil")
	f.Person("Anabel Ortiz")
	f.Person("Émile Brun", func(p *model.Person) { p.Email = "Émile@Example.org" })
	tests := []struct {
		name, email string
		want        []string
	}{
		{"inigo saenz", "", []string{"Íñigo Sáenz"}},
		{"  IÑIGO   SAENZ ", "", []string{"Íñigo Sáenz"}},
		{"Íñigo", "", []string{"Íñigo Sáenz"}},            // the start of their name
		{"Iñigo Sáenz Ruiz", "", []string{"Íñigo Sáenz"}}, // their name is the start of this one
		{"Someone Else", "inigo@example.ORG", []string{"Íñigo Sáenz"}},
		{"Someone Else", "ÉMILE@EXAMPLE.org", []string{"Émile Brun"}}, // ASCII case aside, as idx_people_email
		{"Ana", "", []string{"Ana", "Ana María Gil"}},                 // not Anabel: whole words only
		{"ana maria", "", []string{"Ana", "Ana María Gil"}},
		{"Inigo Sa", "", nil},
		{"Zed", "zed@example.org", nil},
		{"", "", nil},
	}
	for _, tt := range tests {
		got, err := svc.Similar(tt.name, tt.email)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(names(got), tt.want) {
			t.Errorf("Similar(%q, %q) = %q, want %q", tt.name, tt.email, names(got), tt.want)
		}
	}
}

// TestPersonPageSortsCirclesAsAPersonReads: a person's circles go by name,
// case and accents aside.
func TestPersonPageSortsCirclesAsAPersonReads(t *testing.T) {
	svc, f := setup(t)
	ana := f.Person("Ana")
	for _, name := range []string{"Zeta", "Équipe Norte", "alpha", "Órbita"} {
		f.Member(f.Circle(name), ana, model.RoleMentee)
	}
	page, err := svc.Get(ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range page.Circles {
		got = append(got, c.Name)
	}
	if want := []string{"alpha", "Équipe Norte", "Órbita", "Zeta"}; !slices.Equal(got, want) {
		t.Errorf("circles %q, want %q", got, want)
	}
}
