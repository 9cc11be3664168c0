package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"circlebook/backend/atomic"
	"circlebook/backend/store"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// flushWait is how long closing the window waits for the page to save
// text still pending.
const flushWait = 5 * time.Second

// App is the window's lifecycle and the few app-level methods the page calls.
// It is the only place that touches the Wails runtime.
type App struct {
	ctx     context.Context
	store   *store.Store
	version string
}

// NewApp returns the app over an open store.
func NewApp(st *store.Store, version string) *App {
	return &App{store: st, version: version}
}

// AppInfo is what the page shows about the running app.
type AppInfo struct {
	Version  string `json:"version"`
	DataFile string `json:"dataFile"`
}

// Info returns the version and where the data file lives.
func (a *App) Info() AppInfo {
	return AppInfo{Version: a.version, DataFile: a.store.Path}
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

func (a *App) startup(ctx context.Context) { a.ctx = ctx }

func (a *App) domReady(context.Context) {}

// beforeClose asks the page to save any text still pending ("notes:flush")
// and lets the window close once it answers ("notes:flushed") or flushWait
// passes. Wails calls it off the UI thread, so waiting here does not block
// the page.
func (a *App) beforeClose(ctx context.Context) bool {
	done := make(chan struct{})
	cancel := runtime.EventsOnce(ctx, "notes:flushed", func(...any) { close(done) })
	defer cancel()
	runtime.EventsEmit(ctx, "notes:flush")
	select {
	case <-done:
	case <-time.After(flushWait):
		log.Print("closing without the page's answer to notes:flush")
	}
	return false
}

func (a *App) shutdown(context.Context) {
	if err := a.store.Close(); err != nil {
		log.Printf("close database: %v", err)
	}
}
