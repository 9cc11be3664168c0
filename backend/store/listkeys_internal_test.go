package store

import (
	"slices"
	"strings"
	"testing"

	"gorm.io/gorm"
)

// upTo opens dir with the migrations before id only, as the version before
// id would, and runs fill on it.
func upTo(t *testing.T, dir, id string, fill func(db *gorm.DB)) {
	t.Helper()
	saved := migrations
	i := slices.IndexFunc(migrations, func(m Migration) bool { return m.ID == id })
	if i < 0 {
		t.Fatalf("no migration %s", id)
	}
	migrations = migrations[:i]
	defer func() { migrations = saved }()
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fill(st.DB)
}

// TestListMigrationsFillExistingRows opens a file written by the version
// before 2026-12-02-circle-keys, with circles, people and tags in it: the
// migrations fold the circles' names, index both kinds for search, and
// count the lists and the tags as a recount would.
func TestListMigrationsFillExistingRows(t *testing.T) {
	dir := t.TempDir()
	upTo(t, dir, "2026-12-02-circle-keys", func(db *gorm.DB) {
		for _, stmt := range []string{
			`INSERT INTO circles (id, uuid, created_at, updated_at, name, status) VALUES
				(1, 'c1', '2026-11-01', '2026-11-01', 'Équipe Norte', 'active'),
				(2, 'c2', '2026-11-01', '2026-11-01', 'Archivo Viejo', 'archived'),
				(3, 'c3', '2026-11-01', '2026-11-01', 'alpha', 'paused')`,
			`INSERT INTO people (id, uuid, created_at, updated_at, name, email, team, name_key, search_key) VALUES
				(1, 'p1', '2026-11-01', '2026-11-01', 'Íñigo Sáenz', 'inigo@example.org', 'Diseño', 'inigo saenz', 'inigo saenz` + "\n" + `inigo@example.org` + "\n" + `diseno` + "\n" + `'),
				(2, 'p2', '2026-11-01', '2026-11-01', 'Ana Gil', '', '', 'ana gil', 'ana gil` + "\n\n\n" + `')`,
			`INSERT INTO sessions (id, uuid, created_at, updated_at, circle_id, starts_at, status) VALUES
				(1, 's1', '2026-11-01', '2026-11-01', 1, '2026-11-02T10:00', 'held'),
				(2, 's2', '2026-11-01', '2026-11-01', 1, '2026-11-09T10:00', 'held')`,
			`INSERT INTO session_topics (session_id, topic_id) SELECT 1, id FROM topics WHERE name IN ('Feedback', 'Career growth')`,
			`INSERT INTO session_topics (session_id, topic_id) SELECT 2, id FROM topics WHERE name = 'Feedback'`,
		} {
			if err := db.Exec(stmt).Error; err != nil {
				t.Fatal(err)
			}
		}
	})

	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.DB

	var keys []string
	db.Raw("SELECT name_key FROM circles ORDER BY id").Scan(&keys)
	if want := []string{"equipe norte", "archivo viejo", "alpha"}; !slices.Equal(keys, want) {
		t.Errorf("circle keys %q, want %q", keys, want)
	}
	var pinned int64
	db.Raw("SELECT COUNT(*) FROM circles WHERE pinned").Scan(&pinned)
	if pinned != 0 {
		t.Errorf("%d circles pinned by the migration, want none", pinned)
	}

	match := func(fts, query string) []int {
		var ids []int
		if err := db.Raw("SELECT rowid FROM "+fts+" WHERE "+fts+" MATCH ? ORDER BY rowid", query).Scan(&ids).Error; err != nil {
			t.Fatal(err)
		}
		return ids
	}
	for _, tt := range []struct {
		fts, query string
		want       []int
	}{
		{"circles_fts", `"equ"*`, []int{1}},
		{"circles_fts", `"a"*`, []int{2, 3}},
		{"people_fts", `"disen"*`, []int{1}},
		{"people_fts", `"inigo"* "saenz"*`, []int{1}},
		{"people_fts", `"gil"*`, []int{2}},
	} {
		if got := match(tt.fts, tt.query); !slices.Equal(got, tt.want) {
			t.Errorf("%s MATCH %s = %v, want %v", tt.fts, tt.query, got, tt.want)
		}
	}

	var counts []string
	db.Raw("SELECT list || ' ' || prefix || ' ' || n FROM name_prefixes WHERE depth = 1 ORDER BY list, prefix").Scan(&counts)
	if want := []string{"circles a 2", "circles e 1", "circles-current a 1", "circles-current e 1", "people a 1", "people i 1"}; !slices.Equal(counts, want) {
		t.Errorf("name_prefixes at depth 1: %q, want %q", counts, want)
	}
	var deep []string
	db.Raw("SELECT prefix FROM name_prefixes WHERE list = 'circles' AND depth = 4 ORDER BY prefix").Scan(&deep)
	if want := []string{"alph", "arch", "equi"}; !slices.Equal(deep, want) {
		t.Errorf("circles' prefixes at depth 4: %q, want %q", deep, want)
	}

	var tags []string
	db.Raw("SELECT t.name || ' ' || c.sessions FROM topic_counts c JOIN topics t ON t.id = c.topic_id ORDER BY t.name").Scan(&tags)
	if want := []string{"Career growth 1", "Feedback 2"}; !slices.Equal(tags, want) {
		t.Errorf("topic counts %q, want %q", tags, want)
	}

	// The lists walk their indexes in order, from a range (as the first page
	// and every cursor do): no sort, no scan of the table.
	for _, q := range []string{
		"SELECT t.id FROM circles t WHERE t.status <> 'archived' AND t.name_key >= '' ORDER BY t.name_key, t.name, t.id LIMIT 51",
		"SELECT t.id FROM circles t WHERE t.name_key >= '' ORDER BY t.name_key, t.name, t.id LIMIT 51",
		"SELECT t.id FROM circles t WHERE t.pinned AND t.status <> 'archived' AND t.name_key >= '' ORDER BY t.name_key, t.name, t.id LIMIT 20",
		"SELECT t.id FROM people t WHERE (t.name_key, t.name, t.id) > ('ana', 'Ana', 3) ORDER BY t.name_key, t.name, t.id LIMIT 51",
	} {
		var plan []struct{ Detail string }
		db.Raw("EXPLAIN QUERY PLAN " + q).Scan(&plan)
		for _, p := range plan {
			if strings.Contains(p.Detail, "TEMP B-TREE") || strings.HasPrefix(p.Detail, "SCAN") {
				t.Errorf("%s\n  plan: %s", q, p.Detail)
			}
		}
	}
}
