package people_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"circlebook/backend/check"
	"circlebook/backend/people"
)

// A person with every searched field at its limit, in characters that
// take three bytes each and do not repeat (so nothing compresses), saves,
// is found by a word of each field, and renames: the name and search
// indexes hold all of it on both engines (a PostgreSQL index row holds at
// most about 2,700 bytes once compressed).
func TestWidestPersonSaves(t *testing.T) {
	svc, _ := setup(t)
	rng := rand.New(rand.NewPCG(1, 2))
	in := people.PersonInput{
		Name:  words(rng, check.MaxName),
		Email: strings.Repeat("a", 64) + "@" + strings.Repeat("b", check.MaxEmail-64-1-4) + ".org",
		Title: words(rng, check.MaxTitle),
		Team:  words(rng, check.MaxTitle),
	}
	p, err := svc.Create(in)
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	for _, field := range []string{in.Name, in.Title, in.Team} {
		q := strings.Fields(field)[3]
		page, err := svc.List(people.ListRequest{Query: q})
		if err != nil || len(page.People) != 1 || page.People[0].ID != p.ID {
			t.Errorf("search %q: %d people, %v; want the widest person", q, len(page.People), err)
		}
	}
	in.Name = words(rng, check.MaxName)
	if _, err := svc.Update(p.ID, in); err != nil {
		t.Fatalf("rename refused: %v", err)
	}
}

// words returns n characters: words of 2 to 6 CJK ideographs drawn at
// random, a space between them.
func words(rng *rand.Rand, n int) string {
	var b []rune
	for len(b) < n {
		if len(b) > 0 && rng.IntN(4) == 0 && len(b) < n-1 {
			b = append(b, ' ')
			continue
		}
		b = append(b, rune(0x4E00+rng.IntN(0x9FFF-0x4E00)))
	}
	return strings.TrimSpace(string(b[:n]))
}
