package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"circlebook/backend/atomic"
	"circlebook/backend/store"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// closeWait is the most closing the window waits for the page to save the
// text still pending; pingWait is how long a page may take to answer a ping
// before it counts as hung.
const (
	closeWait = 60 * time.Second
	pingWait  = 5 * time.Second
)

// App is the window's lifecycle and the few app-level methods the page calls.
// It is the only place that touches the Wails runtime.
type App struct {
	ctx       context.Context
	store     *store.Store
	version   string
	route     string     // the page route to open on (--open), or ""
	traceKeys bool       // print key-to-screen times on stderr (--trace-keys)
	prep      *preparing // the migration the window runs after opening (app_ready.go), or nil
}

// NewApp returns the app over an open store.
func NewApp(st *store.Store, version string) *App {
	return &App{store: st, version: version}
}

// AppInfo is what the page shows about the running app.
type AppInfo struct {
	Version   string `json:"version"`
	DataFile  string `json:"dataFile"`
	Route     string `json:"route"`     // the screen to open on, e.g. "#/sessions/12/live"
	TraceKeys bool   `json:"traceKeys"` // report key-to-screen times ("diag:keys")
}

// Info returns the version, where the data file lives and how the window was asked to start.
func (a *App) Info() AppInfo {
	if a.prep != nil {
		a.prep.mu.Lock()
		defer a.prep.mu.Unlock()
	}
	return AppInfo{Version: a.version, DataFile: a.store.Path, Route: a.route, TraceKeys: a.traceKeys}
}

// OpenURL opens a web or mail link in the system browser, never in the window.
func (a *App) OpenURL(link string) error {
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto") {
		return errors.New("only http, https and mailto links open")
	}
	if a.ctx == nil {
		return errors.New("no window: open the link from the browser")
	}
	runtime.BrowserOpenURL(a.ctx, u.String())
	return nil
}

// SaveFile asks where to save an export with the native save dialog and
// writes it there whole or not at all. It returns the chosen path, or ""
// when the user cancelled. Browser mode has no window: the page downloads.
func (a *App) SaveFile(name string, data []byte) (string, error) {
	if a.ctx == nil {
		return "", errors.New("no window: the browser downloads the file instead")
	}
	opts := runtime.SaveDialogOptions{Title: "Save export", DefaultFilename: filepath.Base(name), CanCreateDirectories: true}
	if ext := strings.TrimPrefix(filepath.Ext(name), "."); ext != "" {
		opts.Filters = []runtime.FileFilter{{DisplayName: strings.ToUpper(ext) + " files (*." + ext + ")", Pattern: "*." + ext}}
	}
	path, err := runtime.SaveFileDialog(a.ctx, opts)
	if err != nil || path == "" {
		return "", err
	}
	if err := atomic.WriteFile(path, data, 0o600); err != nil {
		return "", fmt.Errorf("could not save %s: %w", path, err)
	}
	return path, nil
}

func (a *App) startup(ctx context.Context) {
	a.ctx = ctx
	if a.prep != nil {
		go a.prepare()
	}
	if a.traceKeys {
		runtime.EventsOn(ctx, "diag:keys", func(data ...any) {
			b, _ := json.Marshal(data)
			fmt.Fprintf(os.Stderr, "key-latency %s\n", b)
		})
	}
}

func (a *App) domReady(context.Context) {}

// beforeClose makes sure every word typed reaches the database before the
// window closes (the close button, Ctrl+Q, SIGTERM at logout). It queues a
// close mark behind the input the window has already received; when the page
// sees the mark, every key before it has been typed into the page, and it
// saves what is pending and answers "notes:flushed". Where no mark can be
// queued, it asks the page directly ("notes:flush"), and the page waits for
// typing to pause. A page still working through typed keys can take a
// while: the window waits as long as the page answers pings, up to
// closeWait. Wails calls this off the UI thread, so waiting here does not
// block the page.
func (a *App) beforeClose(ctx context.Context) bool {
	done := make(chan struct{})
	cancel := runtime.EventsOnce(ctx, "notes:flushed", func(...any) { close(done) })
	defer cancel()
	if !sendCloseMark(time.Second) {
		runtime.EventsEmit(ctx, "notes:flush")
	}
	giveUp := time.After(closeWait)
	for {
		select {
		case <-done:
			return false
		case <-giveUp:
			log.Print("closing without the page's answer: it did not finish saving in time")
			return false
		case <-time.After(time.Second):
			if !a.pageAlive(ctx) {
				log.Print("closing without the page's answer: it stopped responding")
				return false
			}
		}
	}
}

// pageAlive pings the page ("app:ping") and reports whether it answered
// ("app:pong") within pingWait. Pings travel apart from key presses, so a
// page busy with a backlog of keys still answers between them.
func (a *App) pageAlive(ctx context.Context) bool {
	pong := make(chan struct{}, 1)
	cancel := runtime.EventsOnce(ctx, "app:pong", func(...any) { pong <- struct{}{} })
	defer cancel()
	runtime.EventsEmit(ctx, "app:ping")
	select {
	case <-pong:
		return true
	case <-time.After(pingWait):
		return false
	}
}

func (a *App) shutdown(context.Context) {
	a.waitPrepared()
	if err := a.store.Close(); err != nil {
		log.Printf("close database: %v", err)
	}
}
