//go:build linux && (amd64 || arm64)

package parse

import (
	"syscall"
	"unsafe"
)

// madvCollapse is Linux's MADV_COLLAPSE (6.1 on), which the syscall
// package does not name.
const madvCollapse = 25

// hugePages asks the kernel to back the 2 MB-aligned part of s with huge
// pages. The parser's look-ups land on random slots of a table of tens of
// megabytes; with 4 KB pages most of them also miss the TLB, and the page
// walks cost the parser about a tenth of its time. MADV_HUGEPAGE makes the
// pages not yet touched come huge; MADV_COLLAPSE, when collapse is set,
// turns those already touched into huge pages now (by copying them, a few
// milliseconds for the table). Both are advice about memory s already
// owns: where the kernel lacks them or declines, nothing changes, and the
// contents of s never do. (The range keeps the advice once the Go heap
// reuses it, which at worst backs later objects there with huge pages.)
func hugePages[T any](s []T, collapse bool) {
	const huge = 2 << 20
	if len(s) == 0 {
		return
	}
	p := unsafe.Pointer(unsafe.SliceData(s))
	start := uintptr(p)
	end := start + uintptr(len(s))*unsafe.Sizeof(s[0])
	lo, hi := (start+huge-1)&^(huge-1), end&^(huge-1)
	if hi <= lo {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Add(p, lo-start)), hi-lo)
	advice := syscall.MADV_HUGEPAGE
	if collapse {
		advice = madvCollapse
	}
	_ = syscall.Madvise(b, advice) // advice only: an error changes nothing
}
