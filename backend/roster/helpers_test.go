package roster_test

import (
	"os"
	"path/filepath"
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/roster"
)

// setup opens a fresh database and the roster service over it.
func setup(t testing.TB) (*roster.Roster, testdb.Fixture) {
	t.Helper()
	st, f := testdb.New(t)
	return roster.New(st.DB, testdb.Now), f
}

// file writes data to a file named name in a temporary folder.
func file(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// person loads the person with that email.
func person(t testing.TB, f testdb.Fixture, email string) model.Person {
	t.Helper()
	var p model.Person
	if err := f.DB.Where("lower(email) = lower(?)", email).Take(&p).Error; err != nil {
		t.Fatalf("person %s: %v", email, err)
	}
	return p
}

// actions lists each row's action, by row number.
func actions(p roster.Plan) map[int]string {
	out := map[int]string{}
	for _, r := range p.Rows {
		out[r.Row] = r.Action
	}
	return out
}

// rowOf returns the plan of row n.
func rowOf(t testing.TB, p roster.Plan, n int) roster.RowPlan {
	t.Helper()
	for _, r := range p.Rows {
		if r.Row == n {
			return r
		}
	}
	t.Fatalf("no row %d in the plan", n)
	return roster.RowPlan{}
}

// sameData fails unless the database is as fingerprinted.
func sameData(t testing.TB, f testdb.Fixture, before testdb.Fingerprint) {
	t.Helper()
	if after := f.Fingerprint(); !after.Equal(before) {
		t.Errorf("the database changed: %s", before.Diff(after))
	}
}
