package state

import "time"

// buckets are token buckets kept in the process. Each is stored as its
// level at a moment: refilling is computed on use, so idle buckets cost
// nothing but memory, and a full bucket is the same as a missing one.
type buckets struct {
	max       int
	m         map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
	full   time.Time // when it will have refilled completely
}

// level is the bucket's tokens at now, capped at burst.
func (b *bucket) level(now time.Time, c Bucket) float64 {
	return min(float64(c.Burst), b.tokens+max(0, now.Sub(b.at).Seconds())*c.PerSecond)
}

// take spends a token of every bucket in cs, only if each has one.
func (bs *buckets) take(now time.Time, cs []Bucket) bool {
	bs.sweep(now)
	var arr [4]*bucket
	got := arr[:0]
	for _, c := range cs {
		b := bs.m[c.Key]
		if b == nil {
			b = &bucket{tokens: float64(c.Burst), at: now}
		}
		if b.level(now, c) < 1 {
			return false
		}
		got = append(got, b)
	}
	for i, c := range cs {
		b := got[i]
		b.tokens = b.level(now, c) - 1
		b.at = now
		b.full = now.Add(c.fullAfter())
		bs.m[c.Key] = b
	}
	return true
}

// sweep drops buckets that have refilled: forgetting them forgets nothing.
// It runs at most once a minute, or at once when the map is at its bound,
// when it also drops the quarter idle longest even if not yet full.
func (bs *buckets) sweep(now time.Time) {
	full := len(bs.m) >= bs.max
	if !full && now.Sub(bs.lastSweep) < time.Minute {
		return
	}
	bs.lastSweep = now
	for k, b := range bs.m {
		if !now.Before(b.full) {
			delete(bs.m, k)
		}
	}
	if len(bs.m) < bs.max {
		return
	}
	cut := idleCutoff(bs.m, len(bs.m)/4)
	for k, b := range bs.m {
		if !b.at.After(cut) {
			delete(bs.m, k)
		}
	}
}

// idleCutoff returns a time at or after the n-th oldest bucket's last use,
// found by bisecting between the oldest and newest, so the sweep costs
// O(len·log) without sorting or allocating a copy.
func idleCutoff(m map[string]*bucket, n int) time.Time {
	var lo, hi time.Time
	for _, b := range m {
		if lo.IsZero() || b.at.Before(lo) {
			lo = b.at
		}
		if b.at.After(hi) {
			hi = b.at
		}
	}
	for range 32 {
		mid := lo.Add(hi.Sub(lo) / 2)
		c := 0
		for _, b := range m {
			if !b.at.After(mid) {
				c++
			}
		}
		if c >= n {
			hi = mid
		} else {
			lo = mid
		}
		if hi.Sub(lo) <= time.Millisecond {
			break
		}
	}
	return hi
}
