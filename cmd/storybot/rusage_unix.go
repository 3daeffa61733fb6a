//go:build unix

package main

import (
	"os"
	"syscall"
)

// childPeakRSSMB is a finished process's peak resident memory in MB (Linux
// reports it in KB), or 0 when the system does not say.
func childPeakRSSMB(ps *os.ProcessState) float64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return float64(ru.Maxrss) / 1024
	}
	return 0
}
