package e2e_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"circlebook/backend/circles"
	"circlebook/backend/internal/pgtest"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/services"
	"circlebook/backend/sessions"
	"circlebook/backend/store"
)

// copyRefused runs copy with args and checks it exits 2 with one line on
// stderr saying want, and never the password.
func copyRefused(t *testing.T, want string, args ...string) {
	t.Helper()
	out, errOut, code := runCLI(t, env(), append([]string{"copy"}, args...)...)
	if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "circlebook: ") {
		t.Errorf("copy %v: code %d, stderr %q, want exit 2 and one line", args, code, errOut)
	}
	if !strings.Contains(errOut, want) {
		t.Errorf("copy %v: stderr %q, want it to say %q", args, errOut, want)
	}
	if strings.Contains(out+errOut, pgSecret) {
		t.Errorf("copy %v: the password is in the output: %q %q", args, out, errOut)
	}
}

// The sample program copied SQLite -> PostgreSQL -> SQLite by the CLI
// exports the same summary; a second copy into the now full database and
// the same database twice are refused.
func TestCopyCLIRoundTrip(t *testing.T) {
	pg := pgtest.NewDatabase(t, testdb.PostgresServer(t))
	a, b := t.TempDir(), filepath.Join(t.TempDir(), "back")
	if _, errOut, code := runCLI(t, env(), "demo", "--data", a); code != 0 {
		t.Fatalf("demo: code %d: %s", code, errOut)
	}
	for _, step := range [][2]string{{a, pg}, {pg, filepath.Join(b, "circlebook.db")}} {
		out, errOut, code := runCLI(t, env(), "copy", "--from", step[0], "--to", step[1])
		if code != 0 || !strings.Contains(out, "counts and checksums match") || !strings.Contains(errOut, "copy attendance:") {
			t.Fatalf("copy %s -> %s: code %d\n%s\n%s", step[0], step[1], code, out, errOut)
		}
	}
	for _, circle := range []string{"Product Craft Circle", "Chidi & Mateus"} {
		want, _, _ := runCLI(t, env(), "export", "--data", a, "--circle", circle, "--format", "md")
		got, errOut, code := runCLI(t, env(), "export", "--data", b, "--circle", circle, "--format", "md")
		if code != 0 || got != want || len(want) < 100 {
			t.Errorf("%s: the summary after the round trip differs (code %d, %s)", circle, code, errOut)
		}
	}
	copyRefused(t, "not empty", "--from", a, "--to", pg)
	copyRefused(t, "same database", "--from", a, "--to", filepath.Join(a, "circlebook.db"))
	copyRefused(t, "same database", "--from", pg, "--to", pg+"&application_name=other")
	copyRefused(t, "same database", "--from", pg, "--to", pg+"&application_name=other", "--merge")
	copyRefused(t, "copy needs --from and --to", "--from", a, "--merge")
}

// --merge brings a laptop's new work into the program database (SQLite ->
// PostgreSQL) and the program database's into another laptop (PostgreSQL ->
// SQLite), saying per table what it added and kept; merging again adds
// nothing; into an empty folder it is a copy; a conflict exits 2 with one line.
func TestCopyCLIMerge(t *testing.T) {
	pg := pgtest.NewDatabase(t, testdb.PostgresServer(t))
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if _, errOut, code := runCLI(t, env(), "demo", "--data", dir); code != 0 {
			t.Fatalf("demo: code %d: %s", code, errOut)
		}
	}
	merge := func(from, to, want string) string {
		t.Helper()
		out, errOut, code := runCLI(t, env(), "copy", "--from", from, "--to", to, "--merge")
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("merge %s -> %s: code %d, want %q\n%s\n%s", from, to, code, want, out, errOut)
		}
		return out
	}
	merge(a, pg, "The target was empty: the merge was a copy.")
	newWork(t, b)
	out := merge(b, pg, "every source record is in the target")
	for _, line := range []string{`circles +1 added +\d+ kept`, `sessions +1 added +\d+ kept`, `people +0 added +\d+ kept`} {
		if !regexp.MustCompile(`(?m)^` + line + `$`).MatchString(out) {
			t.Errorf("the report lacks a line %s:\n%s", line, out)
		}
	}
	merge(b, pg, ": 0 records added")
	merge(pg, a, ": 2 records added") // b's circle and its session
	merge(pg, a, ": 0 records added")
	if got, _, _ := runCLI(t, env(), "export", "--data", a, "--circle", "Merged in", "--format", "md"); !strings.Contains(got, "Merged in") {
		t.Errorf("the merged circle does not export from the other laptop:\n%s", got)
	}

	db, err := sql.Open("sqlite", "file:"+filepath.Join(b, "circlebook.db"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`UPDATE sessions SET circle_id = (SELECT MIN(id) FROM circles) WHERE id = (SELECT MAX(id) FROM sessions)`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCLI(t, env(), "copy", "--from", b, "--to", pg, "--merge")
	lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
	if last := lines[len(lines)-1]; code != 2 || !strings.HasPrefix(last, "circlebook: ") || !strings.Contains(last, "conflict") {
		t.Errorf("a conflicting merge: code %d, stderr %q; want exit 2 and, after the progress, one line saying conflict", code, errOut)
	}
}

// newWork adds, through the services, a circle with a held session to the
// data folder dir.
func newWork(t *testing.T, dir string) {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := services.New(st.DB, testdb.Now, dir)
	c, err := s.Circles.Create(circles.CircleInput{Name: "Merged in", Cadence: model.CadenceWeekly, TimeZone: "Europe/London",
		StartDate: "2026-11-01", Status: model.CircleActive})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sessions.Schedule(c.ID, sessions.SessionInput{StartsAt: "2026-11-20T10:00", Status: model.SessionHeld}); err != nil {
		t.Fatal(err)
	}
}

// Bad input exits 2 with one line, never the password, and makes nothing.
func TestCopyCLIBadInputExitsTwo(t *testing.T) {
	dir, demo := t.TempDir(), t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", demo); code != 0 {
		t.Fatalf("demo: code %d: %s", code, errOut)
	}
	to := filepath.Join(dir, "target")
	copyRefused(t, "malformed database address", "--from", "postgres://ana:"+pgSecret+"@db.example.org:notaport/cb", "--to", to)
	copyRefused(t, "cannot connect to the database", "--from", "postgres://ana:"+pgSecret+"@/cb?host=/nonexistent/socket&connect_timeout=3", "--to", to)
	copyRefused(t, "cannot connect to the database", "--from", demo, "--to", "postgres://ana:"+pgSecret+"@/cb?host=/nonexistent/socket&connect_timeout=3")
	copyRefused(t, "no database at", "--from", filepath.Join(dir, "nothing"), "--to", to)
	if err := os.WriteFile(filepath.Join(dir, "circlebook.db"), []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	copyRefused(t, "not a Circlebook database", "--from", dir, "--to", to)
	copyRefused(t, "data folder or the circlebook.db", "--from", filepath.Join(dir, "notes.txt"), "--to", to)
	if _, err := os.Stat(to); !os.IsNotExist(err) {
		t.Errorf("a refused copy made %s", to)
	}
}

// A source a newer Circlebook migrated is refused, and left alone.
func TestCopyCLIRefusesNewerSource(t *testing.T) {
	src := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", src); code != 0 {
		t.Fatalf("demo: code %d: %s", code, errOut)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(src, "circlebook.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO schema_migrations (id, applied_at) VALUES ('2999-01-01-from-the-future', '2999-01-01 00:00:00')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	copyRefused(t, "made by a newer Circlebook", "--from", src, "--to", filepath.Join(t.TempDir(), "target"))
}
