package durability_test

import (
	"bufio"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"circlebook/backend/model"
	"circlebook/backend/services"
	"circlebook/backend/store"

	_ "github.com/glebarez/go-sqlite" // the "sqlite" driver, for the read-only checks
)

// childEnv carries the data folder to the child saver; the child test skips
// unless it is set.
const childEnv = "CIRCLEBOOK_KILL_CHILD_DIR"

// seedEnv replays a run: TestKill9 logs the seed it used.
const seedEnv = "CIRCLEBOOK_KILL_SEED"

// childLimit stops a child that nobody killed, should the parent be gone.
const childLimit = 30 * time.Second

// TestChildSaver is the process TestKill9 kills. It opens the store in the
// folder it is given, resumes the note at the iteration the database holds,
// and saves one word more at a time through Notes.Save, printing
// "ack <session> <iteration>" only after Save returned nil. Lines go straight
// to os.Stdout, which Go does not buffer: each is one write(2) into the pipe,
// so an ack the parent reads was sent after its commit.
func TestChildSaver(t *testing.T) {
	dir := os.Getenv(childEnv)
	if dir == "" {
		t.Skip("runs only as TestKill9's child")
	}
	go func() { // the parent holds our stdin open; EOF means it is gone
		io.Copy(io.Discard, os.Stdin)
		os.Exit(4)
	}()
	say := func(format string, args ...any) { fmt.Fprintf(os.Stdout, format+"\n", args...) }
	fail := func(format string, args ...any) { say("error "+format, args...); os.Exit(2) }

	say("open")
	st, err := store.Open(dir)
	if err != nil {
		fail("open: %v", err)
	}
	say("opened")
	svc := services.New(st.DB, time.Now, dir)
	ses, err := sessionFor(st.DB)
	if err != nil {
		fail("session: %v", err)
	}
	var note model.Note
	if err := st.DB.Where("session_id = ? AND visibility = ?", ses, model.Shared).Limit(1).Find(&note).Error; err != nil {
		fail("read note: %v", err)
	}
	var text noteText
	for text.b.Len() < len(note.Body) {
		text.next()
	}
	if text.b.String() != note.Body {
		fail("stored note is no iteration's text (%d bytes)", len(note.Body))
	}
	say("resume %d %d", ses, text.k)
	for deadline := time.Now().Add(childLimit); time.Now().Before(deadline); {
		body := text.next()
		if _, err := svc.Notes.Save(ses, model.Shared, body); err != nil {
			fail("save %d: %v", text.k, err)
		}
		say("ack %d %d", ses, text.k)
	}
	say("not killed")
	os.Exit(3)
}

// killRun is what one child did before it was killed.
type killRun struct {
	opened  bool // the child had finished store.Open
	lastAck int  // the highest iteration acknowledged, 0 if none
	acks    int
}

// TestKill9 kills a saving child with SIGKILL at random moments, reusing
// each data folder across kills so the next process recovers the WAL, and
// after every kill checks the file is sound and the note holds the last
// acknowledged text or the one after it, whole.
func TestKill9(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		t.Skip("this is the child")
	}
	folders, killsPerFolder := 5, 40
	if testing.Short() {
		folders, killsPerFolder = 2, 10
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv(seedEnv); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("%s: %v", seedEnv, err)
		}
	}
	t.Logf("seed %d (replay with %s=%d)", seed, seedEnv, seed)
	rng := rand.New(rand.NewPCG(seed, 0x636972636c65))

	start := time.Now()
	kills, inOpen, saves := 0, 0, 0
	for f := range folders {
		dir := filepath.Join(t.TempDir(), fmt.Sprintf("data-%d", f))
		acked := 0 // the last iteration this folder's children acknowledged
		for r := range killsPerFolder {
			// The first kills of a fresh folder, and one in ten after, land in
			// store.Open and its migrations (about 10 ms); the rest anywhere
			// in 5-300 ms of saving.
			delay := 5*time.Millisecond + time.Duration(rng.Int64N(int64(295*time.Millisecond)))
			if r < 3 || rng.IntN(10) == 0 {
				delay = time.Duration(rng.Int64N(int64(15 * time.Millisecond)))
			}
			run := killChild(t, dir, delay)
			kills++
			saves += run.acks
			if !run.opened {
				inOpen++
			}
			if run.lastAck > 0 {
				acked = run.lastAck
			}
			label := fmt.Sprintf("folder %d kill %d (after %v, %d acks, last %d)", f, r, delay.Round(time.Millisecond), run.acks, run.lastAck)
			if testing.Verbose() {
				t.Logf("%s opened=%v", label, run.opened)
			}
			// Odd kills reopen the folder as the app would; even ones only
			// look, leaving the WAL (and, after kill 0, perhaps a
			// half-migrated file) for the next child to recover.
			// The stored iteration is durable now: the next child resumes
			// from it, so it is what the next kill is measured against.
			if r%2 == 1 {
				acked = checkOpened(t, dir, acked, label)
			} else {
				acked = checkReadOnly(t, dir, acked, label)
			}
			if t.Failed() {
				t.FailNow()
			}
		}
	}
	t.Logf("%d kills (%d during store.Open), %d acknowledged saves, %v", kills, inOpen, saves, time.Since(start).Round(time.Millisecond))
}

// killChild starts the saver on dir, kills it delay after it reports it is
// opening the store, and returns what it acknowledged, every line read.
func killChild(t *testing.T, dir string, delay time.Duration) killRun {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildSaver$", "-test.timeout=2m")
	cmd.Env = append(os.Environ(), childEnv+"="+dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1024)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()

	var run killRun
	var killAt <-chan time.Time
	startup := time.After(20 * time.Second)
	for killed := false; ; {
		select {
		case line, ok := <-lines:
			if !ok {
				err := cmd.Wait()
				if !killed {
					t.Fatalf("child ended before it was killed (%v)\nstderr:\n%s", err, stderr.String())
				}
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() != -1 {
					t.Fatalf("child: %v, want killed by a signal\nstderr:\n%s", err, stderr.String())
				}
				return run
			}
			if err := run.read(line); err != nil {
				cmd.Process.Kill()
				t.Fatalf("child: %v\nstderr:\n%s", err, stderr.String())
			}
			if line == "open" {
				killAt = time.After(delay)
			}
		case <-killAt:
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			killed, killAt = true, nil
		case <-startup:
			if killAt == nil && !killed {
				cmd.Process.Kill()
				t.Fatalf("child never began to open the store\nstderr:\n%s", stderr.String())
			}
		}
	}
}

// read takes one line of the child's protocol.
func (r *killRun) read(line string) error {
	word, rest, _ := strings.Cut(line, " ")
	switch word {
	case "open", "resume":
	case "opened":
		r.opened = true
	case "ack":
		var ses, k int
		if _, err := fmt.Sscanf(rest, "%d %d", &ses, &k); err != nil {
			return fmt.Errorf("bad ack %q", line)
		}
		if r.lastAck > 0 && k != r.lastAck+1 {
			return fmt.Errorf("ack %d after ack %d", k, r.lastAck)
		}
		r.lastAck = k
		r.acks++
	default:
		return fmt.Errorf("%s", line)
	}
	return nil
}

// checkOpened opens the folder the way the app does after a crash (store.Open
// recovers and checkpoints the WAL) and checks file, note and action items.
func checkOpened(t *testing.T, dir string, acked int, label string) int {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Errorf("%s: store.Open: %v", label, err)
		return acked
	}
	defer st.Close()
	if got, err := st.IntegrityCheck(); err != nil || got != "ok" {
		t.Errorf("%s: integrity_check = %q, %v", label, got, err)
	}
	sqlDB, err := st.DB.DB()
	if err != nil {
		t.Fatal(err)
	}
	stored := checkNote(t, sqlDB, acked, label)
	svc := services.New(st.DB, time.Now, dir)
	if drafts, err := svc.Notes.Recover(); err != nil || len(drafts) > 0 {
		t.Errorf("%s: Recover = %d drafts, %v; nothing failed, so the journal should be empty", label, len(drafts), err)
	}
	return stored
}

// sqliteReadOnlyRecovery is SQLITE_READONLY_RECOVERY: a read-only connection
// met a WAL that must be recovered first.
const sqliteReadOnlyRecovery = 776

// checkReadOnly looks at the folder through a read-only connection, which
// cannot checkpoint: the WAL the killed child left stays for the next child's
// store.Open to recover.
func checkReadOnly(t *testing.T, dir string, acked int, label string) int {
	t.Helper()
	path := filepath.Join(dir, store.FileName)
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		if acked > 0 {
			t.Errorf("%s: database file missing or empty (%v) after acknowledged saves", label, err)
		}
		return acked
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var verdict string
	err = db.QueryRow("PRAGMA integrity_check").Scan(&verdict)
	var coded interface{ Code() int }
	if errors.As(err, &coded) && coded.Code() == sqliteReadOnlyRecovery {
		// The kill left a WAL that needs recovering, which only a writer
		// may do: the next child's store.Open does it, and the next
		// reopening check verifies what this one could not.
		return acked
	}
	if err != nil || verdict != "ok" {
		t.Errorf("%s: integrity_check = %q, %v", label, verdict, err)
	}
	var tables int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name IN ('notes', 'action_items')`).Scan(&tables); err != nil {
		t.Errorf("%s: %v", label, err)
		return acked
	}
	if tables < 2 {
		if acked > 0 {
			t.Errorf("%s: no notes table after acknowledged saves", label)
		}
		return acked // killed before the migrations were done
	}
	return checkNote(t, db, acked, label)
}

// checkNote checks that the note is some iteration's whole text, the last
// acknowledged one or the one whose ack the kill cut off, and that its version
// and action items were committed with it.
func checkNote(t *testing.T, db *sql.DB, acked int, label string) int {
	t.Helper()
	var (
		id      int64
		body    string
		version int
	)
	err := db.QueryRow(`SELECT id, body, version FROM notes WHERE visibility = 'shared' ORDER BY id LIMIT 1`).Scan(&id, &body, &version)
	if errors.Is(err, sql.ErrNoRows) {
		if acked > 0 {
			t.Errorf("%s: the note is gone; iteration %d was acknowledged", label, acked)
		}
		return acked
	}
	if err != nil {
		t.Errorf("%s: read note: %v", label, err)
		return acked
	}
	k, ok := iterationOf(body)
	switch {
	case !ok:
		t.Errorf("%s: stored body (%d bytes) is no iteration's text: torn or foreign write", label, len(body))
		return acked
	case k < acked:
		t.Errorf("%s: stored iteration %d, but %d was acknowledged: an acknowledged save was lost", label, k, acked)
	case k > acked+1:
		t.Errorf("%s: stored iteration %d, but only %d was acknowledged and saves run one at a time", label, k, acked)
	}
	if version != k {
		t.Errorf("%s: note version %d with the text of iteration %d", label, version, k)
	}
	var items int64
	if err := db.QueryRow(`SELECT count(*) FROM action_items WHERE note_id = ? AND source = 'notes'`, id).Scan(&items); err != nil {
		t.Errorf("%s: count action items: %v", label, err)
	} else if items != tasksIn(k) {
		t.Errorf("%s: %d action items from the note, want %d for iteration %d", label, items, tasksIn(k), k)
	}
	return k
}
