package main

import (
	"context"
	"log"

	"circlebook/backend/store"
)

// App is the window's lifecycle and the few app-level methods the page calls.
// It is the only place that would touch the Wails runtime.
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

func (a *App) startup(ctx context.Context) { a.ctx = ctx }

func (a *App) domReady(context.Context) {}

// beforeClose lets the window close; later, it will wait for unsaved text.
func (a *App) beforeClose(context.Context) bool { return false }

func (a *App) shutdown(context.Context) {
	if err := a.store.Close(); err != nil {
		log.Printf("close database: %v", err)
	}
}
