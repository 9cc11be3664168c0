package e2e_test

import (
	"errors"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The real window runs the sample program from PostgreSQL: it opens a
// session's live screen there (--open), saves what is typed, keeps typing
// through the server going away (Go journals the text; the page retries),
// and saves the whole text once the server is back. It finds its way by
// the window title and the database, never by pixels.
func TestPostgresWindowKeepsTypingThroughAnOutage(t *testing.T) {
	needDisplay(t)
	pg := startCluster(t)
	data := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "--db", pg.dsn, "--data", data, "demo"); code != 0 {
		t.Fatalf("demo on PostgreSQL: code %d: %s", code, errOut)
	}
	db := pg.openPG(t)
	var session int
	var uuid, circle, before string
	err := db.QueryRow(`SELECT s.id, s.uuid, c.name, COALESCE(n.body, '') FROM sessions s JOIN circles c ON c.id = s.circle_id
		LEFT JOIN notes n ON n.session_id = s.id AND n.visibility = 'shared'
		WHERE s.status = 'held' ORDER BY s.starts_at DESC LIMIT 1`).Scan(&session, &uuid, &circle, &before)
	if err != nil {
		t.Fatal(err)
	}
	stored := func() string {
		var body string
		if err := db.QueryRow(`SELECT COALESCE(max(body), '') FROM notes WHERE session_id = $1 AND visibility = 'shared'`, session).Scan(&body); err != nil {
			t.Fatal(err)
		}
		return body
	}

	d := launchDesktop(t, data, "--db", pg.dsn, "--open", "session/"+uuid+"/live")
	d.waitTitle(t, `^Live · .*`+regexp.QuoteMeta(circle)+` — Circlebook$`)
	first := "Ana will lead the demo."
	d.typeText(t, 20, first)
	waitUntil(t, 20*time.Second, "the first words in the database", func() bool { return stored() == before+first })

	pg.stop(t)
	rest := " Ben takes the retro."
	d.typeText(t, 20, rest)
	full := before + first + rest
	waitUntil(t, 30*time.Second, "Go's draft journal to hold the whole text", func() bool { return journaled(data, session) == full })

	pg.start(t)
	waitUntil(t, 40*time.Second, "the whole text in the database once the server is back", func() bool { return stored() == full })
	waitUntil(t, 10*time.Second, "the draft journal to be emptied", func() bool { return journaled(data, session) == "" })
	d.terminate(t)
}

// The window refuses a database it cannot use before it opens: exit 2,
// one line on stderr, no password (as every command does).
func TestPostgresWindowRefusesABadAddress(t *testing.T) {
	needDisplay(t)
	bin := buildDesktop(t, "circlebook")
	for _, dsn := range []string{
		"postgres://ana:" + pgSecret + "@db.example.org:notaport/circlebook",
		"postgres://ana:" + pgSecret + "@/circlebook?host=/nonexistent/circlebook-socket&connect_timeout=3",
	} {
		cmd := exec.Command(bin, "--data", t.TempDir(), "--db", dsn)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 2 || strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("window on %s: %v, stderr %q; want exit 2 and one line", dsn, err, stderr.String())
		}
		if strings.Contains(stderr.String(), pgSecret) {
			t.Errorf("the password is in %q", stderr.String())
		}
	}
}
