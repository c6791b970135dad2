//go:build !(linux && (amd64 || arm64))

package parse

// hugePages is a no-op where dyad does not ask for huge pages (see the
// Linux version).
func hugePages[T any](s []T, collapse bool) {}
