package main

import (
	"log"
	"sync"

	"circlebook/backend/deeplink"
	"circlebook/backend/store"
)

// Readiness is whether the window's data is ready for the page: a data
// file made by an older Circlebook is migrated after the window opens, so
// the page can show how far that is instead of a window that does not come.
type Readiness struct {
	Ready    bool           `json:"ready"`
	Progress store.Progress `json:"progress"` // while not ready
	Error    string         `json:"error"`    // the migration failed: the app cannot go on
}

// preparing is the window's migration: the open it waits to resolve and
// what it has reached.
type preparing struct {
	mu    sync.Mutex
	state Readiness
	open  string        // a deep link to resolve once migrated (--open), or ""
	done  chan struct{} // closed when the migration has ended, either way
}

// Ready tells the page whether it may start, and until then how far the
// migration is. A page that finds an error shows it and goes no further.
func (a *App) Ready() Readiness {
	if a.prep == nil {
		return Readiness{Ready: true}
	}
	a.prep.mu.Lock()
	defer a.prep.mu.Unlock()
	return a.prep.state
}

// migrateLater leaves the store's pending migrations to the window's
// startup, and a deep link to resolve after them.
func (a *App) migrateLater(open string) {
	a.prep = &preparing{open: open, done: make(chan struct{})}
}

// prepare runs the pending migrations, recording their progress for Ready,
// then resolves the deep link the window was asked to open on. A link that
// no longer resolves opens the first screen instead: the window is up.
func (a *App) prepare() {
	p := a.prep
	defer close(p.done)
	err := a.store.MigratePending(func(pr store.Progress) {
		p.mu.Lock()
		p.state.Progress = pr
		p.mu.Unlock()
	})
	route := ""
	if err == nil && p.open != "" {
		var linkErr error
		if route, linkErr = deeplink.Resolve(a.store.DB, p.open); linkErr != nil {
			log.Printf("--open %s: %v", p.open, linkErr)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil {
		p.state.Error = err.Error()
		return
	}
	a.route = route
	p.state = Readiness{Ready: true}
}

// waitPrepared waits for a migration under way to end before the store closes.
func (a *App) waitPrepared() {
	if a.prep != nil {
		<-a.prep.done
	}
}
