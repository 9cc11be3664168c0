//go:build !linux

package plans_test

import "time"

// threadCPU is not measured here: the benchmarks report the wall clock only.
func threadCPU() time.Duration { return 0 }
