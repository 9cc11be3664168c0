package paging_test

import (
	"cmp"
	"fmt"
	"slices"
	"testing"

	"circlebook/backend/circles"
	"circlebook/backend/fold"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/paging"
	"circlebook/backend/people"
	"circlebook/backend/search"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// Names that put the order to the test: accents, case, particles, names
// that start with no word ("(Ana)", "¡Zoë!": a split of a search walks
// them), and the same name many times (then the id decides).
var (
	firsts = []string{"Ana", "ana", "Íñigo", "Inigo", "Élodie", "Łukasz", "Zoë", "Ömer", "María José", "Anabel",
		"van der", "Ñandú", "O'Brien", "Søren", "Nguyễn", "Ángel", "Ana Belén", "Zoe", "(Ana)", "¡Zoë!"}
	lasts  = []string{"Sáenz", "Gil", "Muñoz", "Wróbel", "Yılmaz", "Berg", "Dąbrowska", "Ørsted", "García", "Peña", "de la Fuente"}
	themes = []string{"Équipe", "Product Craft", "Data Guild", "Líderes", "Career Compass", "New Managers", "Órbita", "equipe"}
)

// program is a file with a list of each kind long enough to page through.
type program struct {
	db      *gorm.DB
	people  []model.Person
	circles []model.Circle
}

const (
	programPeople  = 1_500 // more than paging.Cap match "plat", so a search is capped
	programCircles = 300
)

func newProgram(t *testing.T) program {
	t.Helper()
	st, _ := testdb.New(t)
	p := program{db: st.DB}
	for i := range programPeople {
		person := model.Person{Name: firsts[i%len(firsts)] + " " + lasts[i/len(firsts)%len(lasts)], Team: "Platform"}
		if i%10 == 0 {
			person.Team = "Legal"
		}
		if i%3 == 0 {
			person.Email, person.Title = fmt.Sprintf("p%d@many.example.org", i), "Many Hats"
		}
		p.people = append(p.people, person)
	}
	for i := range programCircles {
		c := model.Circle{Name: fmt.Sprintf("%s %d", themes[i%len(themes)], i%40), Kind: model.KindGroup,
			Cadence: model.CadenceBiweekly, MeetingDay: -1, DurationMinutes: 60, Status: model.CircleActive}
		if i%7 == 0 {
			c.Status = model.CircleArchived
		}
		p.circles = append(p.circles, c)
	}
	for _, rows := range []any{&p.people, &p.circles} {
		if err := st.DB.CreateInBatches(rows, 200).Error; err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// entry is a row as the lists order it.
type entry struct {
	id         uint
	key, name  string
	searchText string
}

func order(a, b entry) int {
	return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.name, b.name), cmp.Compare(a.id, b.id))
}

// lister calls one list the way the page does.
type lister struct {
	name    string
	call    func(r paging.Request) (paging.Page, error)
	entries func() []entry // every row of the list, from the database
}

func (p program) lists(t *testing.T) []lister {
	cs, ps := circles.New(p.db, testdb.Now), people.New(p.db, testdb.Now)
	circleList := func(archived bool) lister {
		return lister{
			name: map[bool]string{false: "circles", true: "circles+archived"}[archived],
			call: func(r paging.Request) (paging.Page, error) {
				page, err := cs.List(circles.ListRequest{Query: r.Query, IncludeArchived: archived, Offset: r.Offset, After: r.After, Limit: r.Limit})
				ids := []uint{}
				for _, c := range page.Circles {
					ids = append(ids, c.ID)
				}
				return paging.Page{IDs: ids, Total: page.Total, Capped: page.Capped, Offset: page.Offset, Next: page.Next}, err
			},
			entries: func() []entry {
				var rows []model.Circle
				if err := p.db.Find(&rows).Error; err != nil {
					t.Fatal(err)
				}
				var out []entry
				for _, c := range rows {
					if archived || c.Status != model.CircleArchived {
						out = append(out, entry{c.ID, fold.Key(c.Name), c.Name, fold.Key(c.Name)})
					}
				}
				return out
			},
		}
	}
	return []lister{circleList(false), circleList(true), {
		name: "people",
		call: func(r paging.Request) (paging.Page, error) {
			page, err := ps.List(people.ListRequest{Query: r.Query, Offset: r.Offset, After: r.After, Limit: r.Limit})
			ids := []uint{}
			for _, s := range page.People {
				ids = append(ids, s.ID)
			}
			return paging.Page{IDs: ids, Total: page.Total, Capped: page.Capped, Offset: page.Offset, Next: page.Next}, err
		},
		entries: func() []entry {
			var rows []model.Person
			if err := p.db.Find(&rows).Error; err != nil {
				t.Fatal(err)
			}
			var out []entry
			for _, x := range rows {
				key, text := model.PersonKeys(x.Name, x.Email, x.Team, x.Title)
				out = append(out, entry{x.ID, key, x.Name, text})
			}
			return out
		},
	}}
}

// want returns the ids of l's rows matching query, in list order: sorted in
// Go by fold.Key and matched by search.Query.Match (the index's rule).
func (l lister) want(query string) []uint {
	q := search.Parse(query)
	var es []entry
	for _, e := range l.entries() {
		if q.Match(e.searchText) {
			es = append(es, e)
		}
	}
	slices.SortFunc(es, order)
	ids := []uint{}
	for _, e := range es {
		ids = append(ids, e.id)
	}
	return ids
}

// wantTotal is what Total says for n matches of query.
func wantTotal(query string, n int) (int, bool) {
	if search.Parse(query).Empty() || n <= paging.Cap {
		return n, false
	}
	return paging.Cap + 1, true
}

// queries covers the plain list, searches of few matches and of more than
// paging.Cap (capped), accents and case, and a word that starts no word.
var queries = []string{"", "ana", "inigo saenz", "IÑIGO", "many", "plat", "a", "equipe", "Équipe 3", "zzz"}

// TestEveryRowOnceByCursor pages each list by Next, 37 rows at a time: every
// matching row comes exactly once, in order, each page where Offset says.
func TestEveryRowOnceByCursor(t *testing.T) {
	p := newProgram(t)
	for _, l := range p.lists(t) {
		for _, query := range queries {
			want := l.want(query)
			var got []uint
			after, pages := "", 0
			for {
				page, err := l.call(paging.Request{Query: query, After: after, Limit: 37})
				if err != nil {
					t.Fatalf("%s %q: %v", l.name, query, err)
				}
				total, capped := wantTotal(query, len(want))
				if page.Total != total || page.Capped != capped || page.Offset != len(got) {
					t.Fatalf("%s %q page %d: total %d capped %v offset %d, want %d %v %d",
						l.name, query, pages, page.Total, page.Capped, page.Offset, total, capped, len(got))
				}
				got = append(got, page.IDs...)
				if pages++; page.Next == "" || pages > len(want) {
					break
				}
				if len(page.IDs) != 37 {
					t.Fatalf("%s %q: a page of %d before the end", l.name, query, len(page.IDs))
				}
				after = page.Next
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s %q: paged %d rows, want %d in order (first difference at %d)", l.name, query, len(got), len(want), firstDiff(got, want))
			}
		}
	}
}

func firstDiff(a, b []uint) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestOffsetJumps: a jump lands on the row asked for, past the end on the
// last page, and from there Next goes on where it should, in a capped
// search too.
func TestOffsetJumps(t *testing.T) {
	p := newProgram(t)
	for _, l := range p.lists(t) {
		for _, query := range []string{"", "ana", "plat", "a"} {
			want := l.want(query)
			total, capped := wantTotal(query, len(want))
			extent := min(len(want), total)
			for _, offset := range []int{0, 1, 24, 25, 26, 333, extent / 2, extent - 25, extent - 1, extent, extent + 7, 1 << 30} {
				if offset < 0 {
					continue
				}
				page, err := l.call(paging.Request{Query: query, Offset: offset, Limit: 25})
				if err != nil {
					t.Fatal(err)
				}
				at := offset
				if offset >= extent {
					at = max(extent-25, 0)
				}
				end := min(at+25, len(want))
				if page.Offset != at || !slices.Equal(page.IDs, want[at:end]) {
					t.Errorf("%s %q offset %d: page at %d with %d rows, want at %d: %v", l.name, query, offset, page.Offset, len(page.IDs), at, page.IDs)
					continue
				}
				if page.Total != total || page.Capped != capped {
					t.Errorf("%s %q offset %d: total %d (capped %v), want %d (%v)", l.name, query, offset, page.Total, page.Capped, total, capped)
				}
				if page.Next == "" {
					continue
				}
				next, err := l.call(paging.Request{Query: query, After: page.Next, Limit: 25})
				if err != nil {
					t.Fatal(err)
				}
				if next.Offset != end || !slices.Equal(next.IDs, want[end:min(end+25, len(want))]) {
					t.Errorf("%s %q offset %d: the next page is at %d, want %d", l.name, query, offset, next.Offset, end)
				}
			}
		}
	}
}

// TestLimits: 0 and less ask for the default page, more than the most gets the most.
func TestLimits(t *testing.T) {
	p := newProgram(t)
	for _, l := range p.lists(t) {
		for _, tt := range []struct{ ask, get int }{{0, paging.DefaultLimit}, {-3, paging.DefaultLimit}, {1, 1}, {100, 100}, {101, paging.MaxLimit}, {1 << 30, paging.MaxLimit}} {
			page, err := l.call(paging.Request{Limit: tt.ask})
			if err != nil {
				t.Fatal(err)
			}
			if len(page.IDs) != tt.get {
				t.Errorf("%s: limit %d returned %d rows, want %d", l.name, tt.ask, len(page.IDs), tt.get)
			}
		}
		if page, err := l.call(paging.Request{Offset: -5, Limit: 3}); err != nil || page.Offset != 0 {
			t.Errorf("%s: a negative offset: page at %d (%v), want 0", l.name, page.Offset, err)
		}
	}
}

// hostile are things people type that are FTS5 syntax, or look like it.
var hostile = []string{
	`"`, `""`, `"ana`, `ana"`, `'`, `*`, `a*`, `*a`, `^ana`, `ana^`, `AND`, `OR`, `NOT`, `ana AND gil`, `ana OR zoe`,
	`ana NOT gil`, `NEAR(ana gil)`, `NEAR(ana gil, 2)`, `ana NEAR gil`, `(`, `)`, `(ana`, `ana)`, `{name_key}: ana`,
	`name_key:ana`, `search_key : ana`, `-ana`, `+ana`, `ana -gil`, `:`, `ana:`, `\`, `%`, `_`, `--`, `;`,
	`'; DROP TABLE people; --`, `" OR 1=1 --`, "\x00", "ana\x00gil", `rank MATCH 'x'`, `people_fts`, `ana**`, `""ana""`,
	"🙂", "ana 🙂", "\u202eana", "安娜", "ﬁ", "ＡＮＡ", "a\u0301na", "NEAR", "near(", "AND ana", "OR OR OR",
}

// TestHostileQueries: whatever is typed is words to look for, never syntax;
// no query errors, and each finds what the word rule says it should.
func TestHostileQueries(t *testing.T) {
	p := newProgram(t)
	for _, l := range p.lists(t) {
		for _, query := range hostile {
			want := l.want(query)
			page, err := l.call(paging.Request{Query: query, Limit: paging.MaxLimit})
			if err != nil {
				t.Errorf("%s %q: %v", l.name, query, err)
				continue
			}
			total, capped := wantTotal(query, len(want))
			if page.Total != total || page.Capped != capped || !slices.Equal(page.IDs, want[:min(len(want), paging.MaxLimit)]) {
				t.Errorf("%s %q: %d rows of %d (capped %v), want %d of %d", l.name, query, len(page.IDs), page.Total, page.Capped, min(len(want), paging.MaxLimit), total)
			}
		}
	}
	var n int64
	p.db.Table("people").Count(&n)
	if n != programPeople {
		t.Errorf("%d people after the queries, want %d", n, programPeople)
	}
}

// TestBadCursor: a cursor this code did not write is refused, as "after".
func TestBadCursor(t *testing.T) {
	p := newProgram(t)
	good, err := p.lists(t)[2].call(paging.Request{Limit: 1})
	if err != nil || good.Next == "" {
		t.Fatalf("first page: %+v, %v", good, err)
	}
	for _, after := range []string{"x", "!!!", "eyJrIjoxfQ", good.Next[:len(good.Next)-3] + "@@@", (paging.Cursor{Key: "a"}).String(),
		(paging.Cursor{ID: 1, Offset: -1}).String(), string(make([]byte, 10_000))} {
		for _, l := range p.lists(t) {
			_, err := l.call(paging.Request{After: after})
			testdb.WantError(t, err, "invalid", "after")
		}
	}
}

// TestAccentsAndCase: the words typed match whatever the accents and case on
// either side, and sort as a person reads.
func TestAccentsAndCase(t *testing.T) {
	st, f := testdb.New(t)
	for _, name := range []string{"Íñigo Sáenz", "Inés Ruiz", "Zoë Walker", "ana gil", "Ana Gil", "Ángel Peña"} {
		f.Person(name)
	}
	for _, name := range []string{"Équipe Norte", "equipo sur", "Zeta", "Ñandú", "alpha"} {
		f.Circle(name)
	}
	ps, cs := people.New(st.DB, testdb.Now), circles.New(st.DB, testdb.Now)
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"inigo", []string{"Íñigo Sáenz"}},
		{"IÑIGO SAENZ", []string{"Íñigo Sáenz"}},
		{"sáe", []string{"Íñigo Sáenz"}},
		{"ines", []string{"Inés Ruiz"}},
		{"zoe", []string{"Zoë Walker"}},
		{"ANA", []string{"Ana Gil", "ana gil"}},
		{"angel pena", []string{"Ángel Peña"}},
		{"", []string{"Ana Gil", "ana gil", "Ángel Peña", "Inés Ruiz", "Íñigo Sáenz", "Zoë Walker"}},
	} {
		page, err := ps.List(people.ListRequest{Query: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range page.People {
			got = append(got, p.Name)
		}
		if !slices.Equal(got, tt.want) || page.Total != len(tt.want) {
			t.Errorf("people %q: %q (total %d), want %q", tt.query, got, page.Total, tt.want)
		}
	}
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"equipe", []string{"Équipe Norte"}},
		{"EQUIP", []string{"Équipe Norte", "equipo sur"}},
		{"nandu", []string{"Ñandú"}},
		{"", []string{"alpha", "Équipe Norte", "equipo sur", "Ñandú", "Zeta"}},
	} {
		page, err := cs.List(circles.ListRequest{Query: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range page.Circles {
			got = append(got, c.Name)
		}
		if !slices.Equal(got, tt.want) || page.Total != len(tt.want) {
			t.Errorf("circles %q: %q (total %d), want %q", tt.query, got, page.Total, tt.want)
		}
	}
}

// TestKeptCountsFollowWrites writes through the services (and plain SQL,
// as an import or a migration would) and checks that the kept counts equal
// a recount, that each FTS5 table agrees with its table, and that the lists
// still page right.
func TestKeptCountsFollowWrites(t *testing.T) {
	p := newProgram(t)
	ps, cs := people.New(p.db, testdb.Now), circles.New(p.db, testdb.Now)
	steps := []struct {
		name string
		do   func() error
	}{
		{"create a person", func() error {
			_, err := ps.Create(people.PersonInput{Name: "Aarón Zúñiga", Team: "Platform"})
			return err
		}},
		{"rename a person", func() error {
			_, err := ps.Update(p.people[3].ID, people.PersonInput{Name: "Zacarías Ángel", Email: "zac@example.org"})
			return err
		}},
		{"save a person unchanged", func() error {
			_, err := ps.Update(p.people[4].ID, people.PersonInput{Name: p.people[4].Name, Team: p.people[4].Team})
			return err
		}},
		{"delete a person", func() error { return ps.Delete(p.people[5].ID) }},
		{"create a circle", func() error {
			_, err := cs.Create(circles.CircleInput{Name: "Ágora", Status: model.CircleActive})
			return err
		}},
		{"rename a circle", func() error {
			_, err := cs.Update(p.circles[1].ID, circles.CircleInput{Name: "Zenit", Status: model.CircleActive})
			return err
		}},
		{"archive a circle", func() error { _, err := cs.Archive(p.circles[2].ID); return err }},
		{"restore a circle", func() error { _, err := cs.Restore(p.circles[7].ID); return err }},
		{"rename and archive at once", func() error {
			_, err := cs.Update(p.circles[3].ID, circles.CircleInput{Name: "Archivo", Status: model.CircleArchived})
			return err
		}},
		{"delete a circle", func() error { return cs.Delete(p.circles[4].ID) }},
		{"delete an archived circle", func() error { return cs.Delete(p.circles[14].ID) }},
		{"plain SQL", func() error {
			return p.db.Exec("UPDATE circles SET name = 'Óptimo', name_key = 'optimo', status = 'paused' WHERE id = ?", p.circles[21].ID).Error
		}},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		countsAgree(t, p.db, st.name)
	}
	for _, l := range p.lists(t) {
		for _, query := range []string{"", "zacarias", "zenit", "agora", "a", "inigo", "product", "data", "optimo", "archivo"} {
			want := l.want(query)
			page, err := l.call(paging.Request{Query: query, Limit: paging.MaxLimit})
			if err != nil {
				t.Fatal(err)
			}
			total, _ := wantTotal(query, len(want))
			if page.Total != total || !slices.Equal(page.IDs, want[:min(len(want), paging.MaxLimit)]) {
				t.Errorf("%s %q after the writes: %d of %d, want %d", l.name, query, len(page.IDs), page.Total, total)
			}
			last, err := l.call(paging.Request{Query: query, Offset: 1 << 30, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if extent := min(len(want), total); !slices.Equal(last.IDs, want[max(extent-10, 0):extent]) {
				t.Errorf("%s %q after the writes: the last page is wrong", l.name, query)
			}
		}
	}
}

// countsAgree recounts name_prefixes from the tables and, on SQLite, asks
// FTS5 to check each index (its own structure; the lists' searches check
// it against the table) and checks that the rows' places are in list
// order (PostgreSQL keeps neither: its GIN indexes are kept by the server).
func countsAgree(t *testing.T, db *gorm.DB, step string) {
	t.Helper()
	want := map[string]int{}
	add := func(list, key string) {
		r := []rune(key)
		for d := 1; d <= 4; d++ {
			want[fmt.Sprintf("%s/%d/%s", list, d, string(r[:min(d, len(r))]))]++
		}
	}
	var rows []struct{ NameKey, Status string }
	db.Raw("SELECT name_key, '' AS status FROM people").Scan(&rows)
	for _, r := range rows {
		add("people", r.NameKey)
	}
	db.Raw("SELECT name_key, status FROM circles").Scan(&rows)
	for _, r := range rows {
		add("circles", r.NameKey)
		if r.Status != model.CircleArchived {
			add("circles-current", r.NameKey)
		}
	}
	var kept []struct {
		List, Prefix string
		Depth, N     int
	}
	db.Raw("SELECT list, depth, prefix, n FROM name_prefixes WHERE n <> 0").Scan(&kept)
	got := map[string]int{}
	for _, k := range kept {
		got[fmt.Sprintf("%s/%d/%s", k.List, k.Depth, k.Prefix)] = k.N
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: name_prefixes %s = %d, want %d", step, k, got[k], n)
		}
	}
	for k, n := range got {
		if want[k] == 0 {
			t.Errorf("%s: name_prefixes %s = %d, want 0", step, k, n)
		}
	}
	if testdb.Engine() != store.SQLite {
		return
	}
	for _, fts := range []string{"people_fts", "circles_fts", "people_list_fts", "circles_list_fts"} {
		if err := db.Exec("INSERT INTO " + fts + " (" + fts + ") VALUES ('integrity-check')").Error; err != nil {
			t.Errorf("%s: %s disagrees with its table: %v", step, fts, err)
		}
	}
	for _, table := range []string{"people", "circles"} {
		var byPlace, byName []uint
		db.Table(table).Where("list_order IS NOT NULL").Order("list_order").Pluck("id", &byPlace)
		db.Table(table).Where("list_order IS NOT NULL").Order("name_key, name, id").Pluck("id", &byName)
		if !slices.Equal(byPlace, byName) || len(byPlace) == 0 {
			t.Errorf("%s: the places of %d %s are not in list order", step, len(byPlace), table)
		}
	}
}
