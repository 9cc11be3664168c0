package scale

import (
	"fmt"
	"strings"

	"circlebook/backend/fold"
	"circlebook/backend/model"

	"gorm.io/gorm"
)

// peopleBatch is how many people one transaction adds.
const peopleBatch = 5000

// addPeople adds everyone as rows of the person model, a batch of rows per
// statement (people.Insert takes one): the model's hooks still set each
// person's folded name keys. The tests hold every field to the person
// form's rules.
func (g *gen) addPeople() error {
	g.people = make([]person, 0, g.size.People)
	for done := 0; done < g.size.People; {
		n := min(peopleBatch, g.size.People-done)
		batch := make([]model.Person, n)
		firsts := make([]string, n)
		for i := range batch {
			in, first := g.personInput(done + i)
			batch[i], firsts[i] = in, first
			batch[i].UUID = g.uuid()
		}
		if err := g.db.Transaction(func(tx *gorm.DB) error { return tx.CreateInBatches(&batch, 100).Error }); err != nil {
			return err
		}
		for i, p := range batch {
			g.people = append(g.people, person{id: p.ID, first: firsts[i]})
		}
		done += n
		g.res.People = done
		g.report("people", done, g.size.People)
	}
	return nil
}

// personInput makes the i-th person: a Spanish name (two surnames, often)
// or an English one, and the rest of the form; and the first word of the name.
func (g *gen) personInput(i int) (model.Person, string) {
	var first, last string
	if g.chance(0.6) {
		first, last = pick(g.rng, spanishFirst), pick(g.rng, spanishLast)
		if g.chance(0.6) {
			last += " " + pick(g.rng, spanishLast)
		}
	} else {
		first, last = pick(g.rng, englishFirst), pick(g.rng, englishLast)
	}
	place := pick(g.rng, places)
	in := model.Person{
		Name: first + " " + last, Title: pick(g.rng, titles), Team: pick(g.rng, teams),
		Location: place.city, TimeZone: place.zone,
		StartDate:   g.today.AddDate(-g.rng.IntN(15), -g.rng.IntN(12), -30-g.rng.IntN(28)).Format("2006-01-02"),
		Strengths:   pick(g.rng, strengths) + ", " + strings.ToLower(pick(g.rng, strengths)),
		GrowthAreas: pick(g.rng, growth),
	}
	if g.chance(0.9) {
		in.Email = fmt.Sprintf("%s.%s.%d@example.org", slug(first), slug(last), i+1)
	}
	if g.chance(0.01) {
		in.PrivateNote = "Prefers written feedback; check in after the offsite."
	}
	word, _, _ := strings.Cut(first, " ")
	return in, word
}

// slug is a name as an address's local part: folded, spaces and quotes dropped.
func slug(s string) string {
	return strings.NewReplacer(" ", "", "'", "").Replace(fold.Key(s))
}
