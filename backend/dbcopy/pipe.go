package dbcopy

import (
	"context"
	"errors"
)

// errStopped ends a read whose batches are no longer wanted.
var errStopped = errors.New("stopped")

// pipeBatches reads t's batches from src on a goroutine of its own (at
// most two batches ahead) while write takes them in order on this one, so
// the source's reading overlaps the target's writing. Each batch is hashed
// into d as it is read.
func pipeBatches(ctx context.Context, src conn, t table, batch int, d *digest, write func([][]any) error) error {
	batches := make(chan [][]any, 2)
	stop := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		defer close(batches)
		readErr <- scan(ctx, src, t, batch, func(rows [][]any) error {
			for _, r := range rows {
				d.add(r)
			}
			select {
			case batches <- rows:
				return nil
			case <-stop:
				return errStopped
			}
		})
	}()
	var writeErr error
	for rows := range batches {
		if writeErr = write(rows); writeErr != nil {
			close(stop)
			break
		}
	}
	for range batches { // let the reader finish, so the source is free again
	}
	if err := <-readErr; err != nil && !errors.Is(err, errStopped) {
		return err
	}
	return writeErr
}
