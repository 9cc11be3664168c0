package e2e_test

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"circlebook/backend/internal/pgtest"
	"circlebook/backend/internal/testdb"

	"github.com/chromedp/chromedp"
)

// pgCluster is a throwaway PostgreSQL server of one test, which the test
// may stop and start again (the server going away mid-session).
type pgCluster struct {
	dir string // pgtest's folder: data/, sock/, server.log
	dsn string // the superuser's address of the database Circlebook uses
}

// startCluster starts a PostgreSQL cluster for t in a folder of its own
// (directly under the temporary folder: the server's user must reach its
// socket) with an empty database, and stops and removes it when t ends.
// Without PostgreSQL's programs it skips, unless the test engine is
// PostgreSQL (CIRCLEBOOK_TEST_ENGINE=postgres), which needs them.
func startCluster(t *testing.T) pgCluster {
	t.Helper()
	if _, err := pgtest.BinDir(); err != nil {
		if os.Getenv(testdb.EnvEngine) == "postgres" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	dir, err := os.MkdirTemp("", "cbpg-")
	if err != nil {
		t.Fatal(err)
	}
	server, err := pgtest.Start(dir)
	if err != nil {
		os.RemoveAll(dir)
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := pgtest.Stop(dir); err != nil {
			t.Error(err)
		}
	})
	dsn, err := pgtest.CreateDatabase(server, "circlebook")
	if err != nil {
		t.Fatal(err)
	}
	return pgCluster{dir: dir, dsn: dsn}
}

// stop shuts the server down the way an administrator would (fast:
// sessions are cut, open transactions rolled back).
func (c pgCluster) stop(t *testing.T) {
	t.Helper()
	c.pgCtl(t, "-m", "fast", "stop")
}

// start starts the stopped server again, on its socket only.
func (c pgCluster) start(t *testing.T) {
	t.Helper()
	opts := fmt.Sprintf("-k %s -c listen_addresses=''", filepath.Join(c.dir, "sock"))
	c.pgCtl(t, "-l", filepath.Join(c.dir, "server.log"), "-t", "60", "-o", opts, "start")
}

// pgCtl runs pg_ctl on the cluster and waits for it, as the server's
// owner (postgres, when the tests run as root: the server refuses root).
func (c pgCluster) pgCtl(t *testing.T, args ...string) {
	t.Helper()
	bin, err := pgtest.BinDir()
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(bin, "pg_ctl")
	args = append([]string{"-D", filepath.Join(c.dir, "data"), "-w"}, args...)
	cmd := exec.Command(name, args...)
	if os.Geteuid() == 0 {
		cmd = exec.Command("runuser", append([]string{"-u", pgtest.Superuser, "--", name}, args...)...)
	}
	cmd.Dir = c.dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pg_ctl %s: %v: %s", strings.Join(args, " "), err, out)
	}
}

// openPG opens the cluster's database, as a second program would.
func (c pgCluster) openPG(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", c.dsn)
	if err != nil {
		t.Fatal(err)
	}
	// A connection each query, none kept: the tests stop and start the
	// server, and a kept connection to the stopped one fails its next
	// write ("broken pipe") once the new one is up.
	db.SetMaxIdleConns(0)
	t.Cleanup(func() { db.Close() })
	return db
}

// serveOn runs `circlebook serve` on the PostgreSQL database at dsn, with
// data as the local folder (drafts, preferences).
func serveOn(t *testing.T, dsn, data string) server {
	t.Helper()
	t.Setenv("CIRCLEBOOK_DB", dsn) // serveFor's process inherits it: --db's environment twin
	return serveFor(t, data, 30*time.Second)
}

// waitUntil polls cond for up to within, failing with what it waited for.
func waitUntil(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", within, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// journaled reads the draft Go journaled for a session's shared note, or "".
func journaled(data string, session int) string {
	b, err := os.ReadFile(filepath.Join(data, "drafts", fmt.Sprintf("session-%d-shared.json", session)))
	if err != nil {
		return ""
	}
	var d struct{ Body string }
	if json.Unmarshal(b, &d) != nil {
		return ""
	}
	return d.Body
}

// Browser mode runs the sample program from PostgreSQL; when the server
// goes away mid-session the page says so in a banner and keeps every word
// typed (in the page, its local mirror and Go's draft journal), and when
// the server comes back the banner goes and the whole text is saved.
func TestPostgresServerGoesAwayMidSession(t *testing.T) {
	pg := startCluster(t)
	data := t.TempDir()
	if out, errOut, code := runCLI(t, env(), "--db", pg.dsn, "--data", data, "demo"); code != 0 || !strings.Contains(out, "4 circles, 25 people") {
		t.Fatalf("demo on PostgreSQL: code %d, %q %q", code, out, errOut)
	}
	axe := axeSource(t)
	srv := serveOn(t, pg.dsn, data)
	p := openPage(t, srv)
	db := pg.openPG(t)

	// The circles list, a circle's page, and a session started there, live.
	p.do(t, chromedpNavigate(srv, "#/circles")) // the app opens on Today once there is data
	p.waitFor(t, `document.querySelectorAll('[data-testid=circle-row]').length === 4`)
	p.click(t, "circle-row")
	p.click(t, "start-now")
	p.waitVisible(t, "page-live")
	p.waitVisible(t, "notes-shared")
	var session int
	if _, err := fmt.Sscanf(eval[string](t, p, `location.hash`), "#/sessions/%d/live", &session); err != nil {
		t.Fatalf("live screen at %q: %v", eval[string](t, p, `location.hash`), err)
	}
	stored := func() string {
		var body string
		if err := db.QueryRow(`SELECT body FROM notes WHERE session_id = $1 AND visibility = 'shared'`, session).Scan(&body); err != nil && !errors.Is(err, sql.ErrNoRows) {
			t.Fatal(err)
		}
		return body
	}

	first := "Ana will lead the demo."
	p.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, first))
	p.waitFor(t, `document.querySelector('[data-testid=save-status][data-visibility=shared]').dataset.state === 'saved'`)
	if got := stored(); got != first {
		t.Fatalf("stored %q, want %q", got, first)
	}
	if p.count(t, "connection-banner") != 0 {
		t.Fatal("the connection banner shows while the database answers")
	}

	// The server goes away; the leader keeps typing.
	pg.stop(t)
	full := first + " Ben takes the retro; Chidi the notes."
	p.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, full[len(first):]))
	p.waitVisible(t, "connection-banner")
	if got := p.text(t, "connection-banner"); got != "Lost the connection to the program database — retrying…" {
		t.Errorf("banner says %q", got)
	}
	p.waitFor(t, `document.querySelector('[data-testid=save-status][data-visibility=shared]').dataset.state === 'error'`)
	if got := eval[string](t, p, `document.querySelector('[data-testid=notes-shared]').value`); got != full {
		t.Errorf("the notes hold %q, want %q", got, full)
	}
	p.waitFor(t, fmt.Sprintf(`Object.keys(localStorage).some((k) => k.startsWith('circlebook.draft.') && JSON.parse(localStorage.getItem(k)).body === %q)`, full))
	waitUntil(t, 20*time.Second, "Go's draft journal to hold the whole text", func() bool { return journaled(data, session) == full })
	p.axeCheckBanner(t, axe)

	// The server comes back: the banner goes and the whole text is saved.
	pg.start(t)
	waitUntil(t, 40*time.Second, "the banner to go", func() bool { return p.count(t, "connection-banner") == 0 })
	p.waitFor(t, `document.querySelector('[data-testid=save-status][data-visibility=shared]').dataset.state === 'saved'`)
	if got := stored(); got != full {
		t.Errorf("stored %q after the server came back, want %q", got, full)
	}
	if got := journaled(data, session); got != "" {
		t.Errorf("the draft journal still holds %q after the save", got)
	}
	if n := count(t, db, `SELECT count(*) FROM notes WHERE session_id = $1`, session); n != 1 {
		t.Errorf("%d notes for the session, want the one shared note", n)
	}
}

// axeCheckBanner runs axe in each view mode and fails on any serious or
// critical violation in the connection banner. Others are the screen's
// own (the live screen has its own a11y test) and are only logged.
func (p *page) axeCheckBanner(t *testing.T, axe string) {
	t.Helper()
	for _, m := range a11yModes {
		p.emulate(t, m)
		for _, v := range p.axeRun(t, axe) {
			for _, n := range v.Nodes {
				if strings.Contains(n.Target, "connection") {
					t.Errorf("connection banner, %s: %s (%s): %s\n  %s (screenshot: %s)", m.name, v.ID, v.Impact, v.Help, n.Summary, p.shotAs(t, "banner-"+m.name))
				} else {
					t.Logf("%s, not the banner: %s (%s) at %s", m.name, v.ID, v.Impact, n.Target)
				}
			}
		}
	}
	p.emulate(t, a11yModes[0])
}
