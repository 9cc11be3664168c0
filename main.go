// Command circlebook is the desktop notebook of a mentoring-circle leader.
// main.go only wires: it reads flags, opens the store, builds the services
// and hands them to the window, the browser-mode server or a CLI command.
package main

import (
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
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"circlebook/backend/apperr"
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

// errUsage marks a command-line mistake: exit code 2.
var errUsage = errors.New("usage")

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "circlebook:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

const usage = `Usage:
  circlebook [--data DIR]                 open the window
  circlebook serve [--addr 127.0.0.1:0]   browser mode on loopback
  circlebook demo                         load the sample program
  circlebook version                      print the version

--data DIR (or CIRCLEBOOK_DATA) sets the data folder; it works with every command.`

// run parses the global flags, then dispatches to the command.
func run(args []string, stdout, stderr io.Writer) error {
	global := flag.NewFlagSet("circlebook", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	data := global.String("data", "", "data folder")
	if err := global.Parse(args); err != nil {
		return usageError(err)
	}
	rest := global.Args()
	if len(rest) == 0 {
		return runWindow(*data)
	}
	cmd := flag.NewFlagSet(rest[0], flag.ContinueOnError)
	cmd.SetOutput(io.Discard)
	cmd.StringVar(data, "data", *data, "data folder")
	addr := cmd.String("addr", "127.0.0.1:0", "listen address (loopback only)")
	if err := cmd.Parse(rest[1:]); err != nil {
		return usageError(err)
	}
	if cmd.NArg() > 0 {
		return usageError(fmt.Errorf("unexpected argument %q", cmd.Arg(0)))
	}
	switch rest[0] {
	case "serve":
		return runServe(*data, *addr, stdout)
	case "demo":
		return runDemo(*data, stdout)
	case "version":
		fmt.Fprintln(stdout, "circlebook", version)
		return nil
	case "help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	return usageError(fmt.Errorf("unknown command %q", rest[0]))
}

func usageError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Println(usage)
		os.Exit(0)
	}
	return fmt.Errorf("%w: %v (see circlebook help)", errUsage, err)
}

// openStore opens the database in the data folder chosen by flag, environment or platform.
func openStore(data string) (*store.Store, error) {
	dir, err := store.DataDir(data)
	if err != nil {
		return nil, err
	}
	return store.Open(dir)
}

// runWindow opens the desktop window.
func runWindow(data string) error {
	if !hasDisplay() {
		return errors.New("no display found (DISPLAY and WAYLAND_DISPLAY are unset); run `circlebook serve` to use Circlebook in a browser")
	}
	st, err := openStore(data)
	if err != nil {
		return err
	}
	svc := services.New(st.DB, time.Now, filepath.Dir(st.Path))
	app := NewApp(st, version)
	return wails.Run(&options.App{
		Title:            "Circlebook",
		Width:            1200,
		Height:           800,
		MinWidth:         1024,
		MinHeight:        700,
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
func runServe(data, addr string, stdout io.Writer) error {
	l, err := rpc.Listen(addr)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	st, err := openStore(data)
	if err != nil {
		l.Close()
		return err
	}
	defer st.Close()
	svc := services.New(st.DB, time.Now, filepath.Dir(st.Path))
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
func runDemo(data string, stdout io.Writer) error {
	st, err := openStore(data)
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := services.New(st.DB, time.Now, filepath.Dir(st.Path)).Demo.Load()
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
