// Command circlebook is the desktop notebook of a mentoring-circle leader.
// main.go only wires: it reads flags, opens the store, builds the services
// and hands them to the window, the browser-mode server or a CLI command.
package main

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"slices"
	"syscall"
	"time"

	"circlebook/backend/apperr"
	"circlebook/backend/atomic"
	"circlebook/backend/bundle"
	"circlebook/backend/check"
	"circlebook/backend/deeplink"
	"circlebook/backend/export"
	"circlebook/backend/rpc"
	"circlebook/backend/services"
	"circlebook/backend/store"
	"circlebook/frontend"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

//go:embed build/linux/circlebook.png
var appIcon []byte // the window icon on Linux, 256 px

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// inputError is a mistake in what was asked (a flag, a name, a date, a
// path): one line on stderr and exit code 2.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

// badInput marks err as the asker's mistake.
func badInput(err error) error { return inputError{err} }

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "circlebook:", err)
		if errors.As(err, new(inputError)) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

const usage = `Usage:
  circlebook [--data DIR] [--db URL] [--open LINK]   open the window, on LINK's screen: today, circles, people,
                                          program, import, match, form, circle/NAME|UUID[/growth|/import],
                                          person/UUID, goal/UUID, session/UUID[/live]
  circlebook serve [--addr 127.0.0.1:0]   browser mode on loopback
  circlebook demo [--scale program|tenth | --cohort]
                                          load the sample program; --cohort the sample cohort of
                                          40 people to match and form circles from; --scale generates a program of
                                          159,000 people and 16,000 circles (or a tenth) into an
                                          empty data folder
  circlebook check                        check the whole data file (PRAGMA integrity_check)
  circlebook export --circle NAME|UUID --format md|html|pdf|csv|ics|json
                    [--from DATE] [--to DATE] [--anonymize] [--figures-only]
                    [--table roster|attendance|actions|skills] [--page A4|Letter]
                    [--include-private] [--out FILE]
                                          a circle's summary (stdout without --out, except PDF)
  circlebook export --person NAME|UUID --format md|html|pdf [--from DATE] [--to DATE] [--out FILE]
                                          a person's growth report: shared goals, check-ins,
                                          milestones, skills and attendance
  circlebook import FILE                  import a bundle (merged by UUID)
  circlebook copy --from DSN|FILE --to DSN|FILE [--merge]
                                          copy a whole database into an empty one, SQLite or
                                          PostgreSQL either way, checking counts and checksums;
                                          --merge adds to one that holds records, by UUID
  circlebook people import FILE [--map COLUMN=FIELD ...] [--circle NAME --role ROLE] [--cohort NAME]
                    [--dry-run]
                                          import a roster (CSV, TSV or XLSX): one line per row
                                          (create, update, skip or error, and why); any error
                                          row exits 2 and writes nothing
  circlebook people undo-import           undo the last roster import
  circlebook search QUERY [--circle NAME] [--limit N] [--json]
                                          search everything (private notes too, marked);
                                          one line per hit, or JSON objects
  circlebook today [--json]               what the Today screen lists: the next session, today's
                                          and this week's sessions, and what needs attention
  circlebook program [--cohort NAME] [--kind pair|group] [--limit N]
                    [--format csv|pdf --out FILE] [--page-size A4|Letter]
                                          the program view: each circle and pair with its health
                                          (a line each), or every row to a CSV or PDF file
  circlebook match (--cohort NAME | --circle NAME) [--weights FILE] [--must-share-language]
                   [--min-overlap HOURS] [--json] [--publish [--first-session DATE]]
                                          pair the cohort's mentees with its mentors (the best
                                          total score), each pair with why; --publish makes them
                                          circles of two
  circlebook form (--cohort NAME | --circle NAME) (--circles K | --size MIN-MAX) [--seed N]
                  [--json] [--create [--first-session DATE]]
                                          split the cohort into circles mixing tenures,
                                          organizations and time zones; --create makes them
  circlebook version                      print the version

--data DIR (or CIRCLEBOOK_DATA) sets the data folder; it works with every command.
--db postgres://USER:PASSWORD@HOST/DATABASE (or CIRCLEBOOK_DB) works on a PostgreSQL database
  instead of the data folder's file (which still keeps drafts and preferences); every command.
--trace-keys prints, on stderr, how long each key press in the window took to reach the screen.`

// run parses the global flags, then dispatches to the command.
func run(args []string, stdout, stderr io.Writer) error {
	global := flag.NewFlagSet("circlebook", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	var w where
	global.StringVar(&w.data, "data", "", "data folder")
	global.StringVar(&w.db, "db", "", "a PostgreSQL database's postgres:// URL")
	var win windowArgs
	global.StringVar(&win.open, "open", "", "the screen to open on")
	global.BoolVar(&win.traceKeys, "trace-keys", false, "print key-to-screen times on stderr")
	if err := global.Parse(args); err != nil {
		return usageError(err)
	}
	rest := global.Args()
	if len(rest) == 0 {
		return runWindow(w, win)
	}
	name, args := rest[0], rest[1:]
	cmd := flag.NewFlagSet(name, flag.ContinueOnError)
	cmd.SetOutput(io.Discard)
	cmd.StringVar(&w.data, "data", w.data, "data folder")
	cmd.StringVar(&w.db, "db", w.db, "a PostgreSQL database's postgres:// URL")
	switch name {
	case "serve":
		addr := cmd.String("addr", "127.0.0.1:0", "listen address (loopback only)")
		if err := parseArgs(cmd, args, 0); err != nil {
			return err
		}
		return runServe(w, *addr, stdout)
	case "demo":
		size := cmd.String("scale", "", "program or tenth: generate a program of that size instead")
		cohort := cmd.Bool("cohort", false, "load the sample cohort of 40 to match and form circles from")
		if err := parseArgs(cmd, args, 0); err != nil {
			return err
		}
		if *cohort {
			return runDemoCohort(w, stdout)
		}
		if *size != "" {
			return runScaleDemo(w, *size, stdout, stderr)
		}
		return runDemo(w, stdout)
	case "check":
		if err := parseArgs(cmd, args, 0); err != nil {
			return err
		}
		return runCheck(w, stdout)
	case "export":
		f := exportFlags(cmd)
		if err := parseArgs(cmd, args, 0); err != nil {
			return err
		}
		return runExport(w, *f, stdout)
	case "import":
		if err := parseArgs(cmd, args, 1); err != nil {
			return err
		}
		return runImport(w, cmd.Arg(0), stdout)
	case "copy":
		a := copyFlags(cmd)
		if err := parseArgs(cmd, args, 0); err != nil {
			return err
		}
		return runCopy(*a, stdout, stderr)
	case "search":
		return searchCommand(cmd, args, w, stdout)
	case "program":
		return programCommand(cmd, args, w, stdout)
	case "people":
		return peopleCommand(cmd, args, w, stdout)
	case "match":
		return matchCommand(cmd, args, w, stdout, stderr)
	case "form":
		return formCommand(cmd, args, w, stdout, stderr)
	case "today":
		asJSON := cmd.Bool("json", false, "print JSON")
		if err := parseArgs(cmd, args, 0); err != nil {
			return err
		}
		return runToday(w, *asJSON, stdout)
	case "version":
		fmt.Fprintln(stdout, "circlebook", version)
		return nil
	case "help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	return usageError(fmt.Errorf("unknown command %q", name))
}

// parseArgs parses a command's flags and requires exactly n other arguments.
func parseArgs(cmd *flag.FlagSet, args []string, n int) error {
	if err := cmd.Parse(args); err != nil {
		return usageError(err)
	}
	if cmd.NArg() > n {
		return usageError(fmt.Errorf("unexpected argument %q", cmd.Arg(n)))
	}
	if cmd.NArg() < n {
		return usageError(fmt.Errorf("%s needs a file name", cmd.Name()))
	}
	return nil
}

func usageError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Println(usage)
		os.Exit(0)
	}
	return badInput(fmt.Errorf("%v (see circlebook help)", err))
}

// windowArgs are the flags that only the window takes.
type windowArgs struct {
	open      string // a deep link: the screen to open on
	traceKeys bool   // report key-to-screen times on stderr
}

// runWindow opens the desktop window.
func runWindow(w where, win windowArgs) error {
	if !hasDisplay() {
		return errors.New("no display found (DISPLAY and WAYLAND_DISPLAY are unset); run `circlebook serve` to use Circlebook in a browser")
	}
	st, err := openWindowStore(w)
	if err != nil {
		return err
	}
	app := NewApp(st, version)
	app.traceKeys = win.traceKeys
	switch {
	case st.Pending():
		app.migrateLater(win.open) // the page shows the migration's progress
	case win.open != "":
		if app.route, err = deeplink.Resolve(st.DB, win.open); err != nil {
			st.Close()
			return badInput(err)
		}
	}
	svc := services.New(st.DB, time.Now, st.Folder())
	return wails.Run(&options.App{
		Title:            "Circlebook",
		Width:            1200,
		Height:           800,
		MinWidth:         640,
		MinHeight:        480,
		AssetServer:      &assetserver.Options{Assets: frontend.Assets()},
		BackgroundColour: &options.RGBA{R: 250, G: 249, B: 247, A: 255},
		OnStartup:        app.startup,
		OnDomReady:       app.domReady,
		OnBeforeClose:    app.beforeClose,
		OnShutdown:       app.shutdown,
		Bind:             append([]any{app}, svc.Bindings()...),
		ErrorFormatter:   apperr.Format,
		Linux:            &linux.Options{Icon: appIcon, ProgramName: "circlebook", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
	})
}

// runServe is browser mode: the same services over HTTP on loopback.
func runServe(w where, addr string, stdout io.Writer) error {
	l, err := rpc.Listen(addr)
	if err != nil {
		return badInput(err)
	}
	st, err := openStore(w)
	if err != nil {
		l.Close()
		return err
	}
	defer st.Close()
	svc := services.New(st.DB, time.Now, st.Folder())
	app := NewApp(st, version)
	srv, err := rpc.New(append([]any{app}, svc.Bindings()...), frontend.Assets(), apperr.Format)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "Circlebook is running in browser mode. Open:")
	fmt.Fprintln(stdout, srv.URL(l))
	fmt.Fprintln(stdout, "Press Ctrl+C to stop.")
	return serveUntilSignal(l, srv)
}

// runDemo loads the sample program into the data file.
func runDemo(w where, stdout io.Writer) error {
	st, err := openStore(w)
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := services.New(st.DB, time.Now, st.Folder()).Demo.Load()
	if err != nil {
		return err
	}
	if !r.Created {
		fmt.Fprintln(stdout, "The sample program is already loaded in", st.Path)
		return nil
	}
	fmt.Fprintf(stdout, "Loaded the sample program into %s: %d circles, %d people, %d sessions.\n", st.Path, r.Circles, r.People, r.Sessions)
	return nil
}

// runDemoCohort loads the sample cohort of 40 people (12 mentors).
func runDemoCohort(w where, stdout io.Writer) error {
	st, err := openStore(w)
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := services.New(st.DB, time.Now, st.Folder()).Demo.LoadCohort()
	if err != nil {
		return err
	}
	if !r.Created {
		fmt.Fprintf(stdout, "The sample cohort %q is already loaded in %s\n", r.Cohort, st.Path)
		return nil
	}
	fmt.Fprintf(stdout, "Loaded the sample cohort %q into %s: %d people, %d of them mentors.\n", r.Cohort, st.Path, r.People, r.Mentors)
	return nil
}

// serveUntilSignal serves until SIGINT or SIGTERM, then shuts down gracefully.
func serveUntilSignal(l net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

// hasDisplay reports whether a window can open: always on Windows and macOS,
// on Linux only with an X11 or Wayland display.
func hasDisplay() bool {
	if runtime.GOOS != "linux" {
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}

// exportArgs are the export command's flags.
type exportArgs struct {
	circle, person, format, from, to, table, page, out string
	anonymize, figuresOnly, includePrivate             bool
}

func exportFlags(cmd *flag.FlagSet) *exportArgs {
	f := &exportArgs{}
	cmd.StringVar(&f.circle, "circle", "", "the circle's name or UUID")
	cmd.StringVar(&f.person, "person", "", "a person's name or UUID: their growth report instead")
	cmd.StringVar(&f.format, "format", "md", "md, html, pdf, csv, ics or json (the bundle)")
	cmd.StringVar(&f.page, "page", "A4", "with pdf: A4 or Letter")
	cmd.StringVar(&f.from, "from", "", "first day, YYYY-MM-DD")
	cmd.StringVar(&f.to, "to", "", "last day, YYYY-MM-DD")
	cmd.StringVar(&f.table, "table", export.TableAttendance, "with csv: roster, attendance, actions or skills")
	cmd.StringVar(&f.out, "out", "", "file to write (default: standard output)")
	cmd.BoolVar(&f.anonymize, "anonymize", false, "Member 1, Member 2, ... instead of names")
	cmd.BoolVar(&f.figuresOnly, "figures-only", false, "numbers only, no notes")
	cmd.BoolVar(&f.includePrivate, "include-private", false, "with json: include private notes")
	return f
}

// runExport writes a circle's summary or bundle to stdout or, whole or not
// at all, to a file. Bad input exits 2 with one line.
func runExport(w where, f exportArgs, stdout io.Writer) error {
	if f.person != "" {
		return runPersonExport(w, f, stdout)
	}
	if err := f.check(); err != nil {
		return badInput(err)
	}
	st, err := openStore(w)
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := export.FindCircle(st.DB, f.circle)
	if err != nil {
		return badInput(err)
	}
	out, err := f.render(st, id)
	if err != nil {
		return err
	}
	if f.out == "" {
		_, err = stdout.Write(out)
		return err
	}
	if err := atomic.WriteFile(f.out, out, 0o600); err != nil {
		return badInput(fmt.Errorf("cannot write %s: %v", f.out, err))
	}
	return nil
}

func (f exportArgs) check() error {
	if err := check.First(check.Date("from", f.from), check.Date("to", f.to), check.Order("to", f.from, f.to)); err != nil {
		return err
	}
	if f.includePrivate && f.format != "json" {
		return errors.New("--include-private goes with --format json only")
	}
	if f.format != "json" && !slices.Contains(export.Formats, f.format) {
		return fmt.Errorf("unknown format %q: use md, html, pdf, csv, ics or json", f.format)
	}
	if f.format == "pdf" && f.out == "" {
		return errors.New("a PDF goes to a file: add --out FILE")
	}
	if !slices.Contains(export.PageSizes, f.page) {
		return fmt.Errorf("unknown page size %q: use A4 or Letter", f.page)
	}
	return nil
}

func (f exportArgs) render(st *store.Store, circleID uint) ([]byte, error) {
	if f.format == "json" {
		b, err := bundle.Export(st.DB, circleID, bundle.Options{IncludePrivate: f.includePrivate}, time.Now())
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		err = bundle.Write(&buf, b)
		return buf.Bytes(), err
	}
	s, err := export.Build(st.DB, circleID, export.Options{From: f.from, To: f.to, Anonymize: f.anonymize, FiguresOnly: f.figuresOnly}, time.Now())
	if err != nil {
		return nil, err
	}
	var out []byte
	if f.format == "pdf" {
		out, err = export.PDF(s, f.page)
	} else {
		out, err = export.Render(s, f.format, f.table)
	}
	if err != nil {
		return nil, badInput(err)
	}
	return out, nil
}

// runImport merges a bundle into the data file, all or nothing.
func runImport(w where, path string, stdout io.Writer) error {
	file, err := os.Open(path)
	if err != nil {
		return badInput(err)
	}
	defer file.Close()
	st, err := openStore(w)
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := bundle.Import(st.DB, file, time.Now())
	if err != nil {
		var ae *apperr.Error
		if errors.As(err, &ae) && ae.Code != apperr.Internal {
			return badInput(fmt.Errorf("%s: %v", path, err))
		}
		return err
	}
	t := r.Total()
	fmt.Fprintf(stdout, "Imported %s: %d records created, %d updated, %d unchanged.\n", path, t.Created, t.Updated, t.Unchanged)
	return nil
}
