//go:build !(linux && desktop)

package main

import "time"

// sendCloseMark has no way here to queue a mark behind the window's pending
// input; the page then waits for typing to pause before it saves.
func sendCloseMark(time.Duration) bool { return false }
