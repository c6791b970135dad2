// Package suites links every evaluation suite into the binary; importing it
// registers them with package eval.
package suites
