//go:build !unix

package main

import "os"

// childPeakRSSMB is 0 where a finished process's peak memory is not reported
// as on Unix: bench's whole-process figures then leave it out.
func childPeakRSSMB(*os.ProcessState) float64 { return 0 }
