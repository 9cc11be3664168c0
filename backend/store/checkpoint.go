package store

import (
	"database/sql"
	"log"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"
)

// A commit appends its pages to the WAL; a checkpoint copies them into the
// database file and syncs it. SQLite runs one inside whichever commit takes
// the WAL past wal_autocheckpoint pages, and that commit waits for it, so a
// keystroke's save would pay for other writes' pages (5 to 50 ms at program
// scale). The store checkpoints on a connection of its own instead, once
// writing has paused for CheckpointIdle: a PASSIVE checkpoint, which never
// waits for or blocks the writer. A commit's own checkpoint stays as a
// backstop, at walBackstop pages, for writing that never pauses (an import).
// Durability is unchanged: a commit is durable once its WAL frames are
// synced, before any checkpoint.

// CheckpointIdle is how long the store waits after its last write before it
// checkpoints the WAL in the background.
const CheckpointIdle = time.Second

// walBackstop is the WAL size, in pages, at which a commit checkpoints all
// the same (SQLite's default is 1000; 10,000 pages is 40 MB).
const walBackstop = "10000"

// checkpointer checkpoints the WAL when the store's writes pause.
type checkpointer struct {
	db      *sql.DB
	idle    time.Duration
	last    atomic.Int64  // when the last write ran, in Unix nanoseconds
	wrote   chan struct{} // a write ran since the last checkpoint began
	done    chan struct{} // closed by stop
	stopped chan struct{} // closed when run returns
	once    sync.Once     // Close may run twice
}

// startCheckpoints starts checkpointing the store's file after each pause
// in the writes made through s.DB.
func (s *Store) startCheckpoints() error {
	db, err := sql.Open("sqlite", dsn(s.Path, false))
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	c := &checkpointer{db: db, idle: CheckpointIdle, wrote: make(chan struct{}, 1), done: make(chan struct{}), stopped: make(chan struct{})}
	if err := c.watch(s.DB); err != nil {
		db.Close()
		return err
	}
	s.checkpoints = c
	c.touch(nil) // the first pause after opening merges the search indexes (merge.go) and checkpoints
	go c.run()
	return nil
}

// watch notes every write statement run through db (creates, updates,
// deletes and raw statements, in or out of transactions).
func (c *checkpointer) watch(db *gorm.DB) error {
	cb := db.Callback()
	for _, err := range []error{
		cb.Create().After("gorm:create").Register("store:checkpoint-create", c.touch),
		cb.Update().After("gorm:update").Register("store:checkpoint-update", c.touch),
		cb.Delete().After("gorm:delete").Register("store:checkpoint-delete", c.touch),
		cb.Raw().After("gorm:raw").Register("store:checkpoint-raw", c.touch),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// touch records a write; it never blocks.
func (c *checkpointer) touch(*gorm.DB) {
	c.last.Store(time.Now().UnixNano())
	select {
	case c.wrote <- struct{}{}:
	default:
	}
}

// run waits for a write, then for a pause of c.idle after the last one,
// then checkpoints; until stop.
func (c *checkpointer) run() {
	defer close(c.stopped)
	for {
		select {
		case <-c.done:
			return
		case <-c.wrote:
		}
		for wait := c.idle; wait > 0; wait = time.Until(time.Unix(0, c.last.Load()).Add(c.idle)) {
			select {
			case <-c.done:
				return
			case <-time.After(wait):
			}
		}
		select { // writes until now are in this checkpoint
		case <-c.wrote:
		default:
		}
		c.merge()
		c.checkpoint()
	}
}

// merge merges the search indexes' segments (merge.go), a step at a time,
// until they are merged, a write arrives or the store closes.
func (c *checkpointer) merge() {
	more := func() bool {
		select {
		case <-c.done:
			return false
		default:
			return len(c.wrote) == 0
		}
	}
	if _, err := mergeIndexes(c.db, more); err != nil {
		log.Printf("store: merging the search indexes: %v", err) // searches stay right, only slower
	}
}

// checkpoint copies what the WAL holds into the file, as far as readers
// allow, without waiting for the writer.
func (c *checkpointer) checkpoint() {
	var busy, frames, copied int
	if err := c.db.QueryRow("PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &frames, &copied); err != nil {
		log.Printf("store: background checkpoint: %v", err) // the WAL keeps the pages; the backstop or Close copies them
	}
}

// stop ends the checkpoints and closes their connection; a checkpoint
// under way finishes first. A nil checkpointer, or one stopped already,
// does nothing.
func (c *checkpointer) stop() {
	if c == nil {
		return
	}
	c.once.Do(func() {
		close(c.done)
		<-c.stopped
		c.db.Close()
	})
}
