package pairing

import "sync"

// Progress is how far the latest matching or forming run is, for a page
// that asks while it waits (as the window asks how far a migration is).
type Progress struct {
	Running bool   `json:"running"`
	What    string `json:"what"` // "matching" or "forming"
	Done    int    `json:"done"`
	Total   int    `json:"total"`
}

// tracker keeps the latest run's progress.
type tracker struct {
	mu sync.Mutex
	p  Progress
}

// start records a run beginning and returns the callback its engine reports to.
func (t *tracker) start(what string) func(done, total int) {
	t.mu.Lock()
	t.p = Progress{Running: true, What: what}
	t.mu.Unlock()
	return func(done, total int) {
		t.mu.Lock()
		t.p.Done, t.p.Total = done, total
		t.mu.Unlock()
	}
}

// stop records the run's end.
func (t *tracker) stop() {
	t.mu.Lock()
	t.p.Running = false
	t.mu.Unlock()
}

// Progress tells how far the latest run is; Running is false once it ended.
func (p *Pairing) Progress() Progress {
	p.track.mu.Lock()
	defer p.track.mu.Unlock()
	return p.track.p
}
