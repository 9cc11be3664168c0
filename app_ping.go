package main

import (
	"context"
	"time"
)

// pingTimeout bounds one Ping: a server that does not answer by then counts as lost.
const pingTimeout = 5 * time.Second

// Ping checks that the database answers. The page asks it, with backoff,
// while its connection banner is up, and takes the banner down once it
// succeeds; a lost server fails as apperr.Unavailable (see apperr.Format).
func (a *App) Ping() error {
	sqlDB, err := a.store.DB.DB()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), pingTimeout)
	defer cancel()
	return sqlDB.PingContext(ctx)
}
