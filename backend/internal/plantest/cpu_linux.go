package plantest

import (
	"syscall"
	"time"
)

// ThreadCPU is the CPU time the calling OS thread has used (lock the
// goroutine to its thread first): unlike the wall clock, it leaves out the
// time the thread waited for a core another process held. Benchmarks
// report it beside their wall-clock figures.
func ThreadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
