//go:build !linux

package plantest

import "time"

// ThreadCPU is not measured here: benchmarks report the wall clock only.
func ThreadCPU() time.Duration { return 0 }
