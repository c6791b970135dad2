#!/usr/bin/env bash
# dyad's test command (README, .ci/run): formatting, vet, the race-enabled
# test suite, and a short run of every fuzz target.
#   DYAD_FUZZTIME   time per fuzz target (default 5s; 0 skips fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== gofmt"
unformatted=$(find . -name '*.go' -not -path './.git/*' -print0 | xargs -0 gofmt -l)
if [ -n "$unformatted" ]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "== go vet"
go vet ./...

echo "== go test -race"
go test -race -timeout 45m ./...

fuzztime=${DYAD_FUZZTIME:-5s}
if [ "$fuzztime" != "0" ]; then
	echo "== fuzz smoke ($fuzztime per target)"
	grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r f; do
		dir=$(dirname "$f")
		for fn in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | cut -d' ' -f2); do
			echo "-- $dir $fn"
			go test -run='^$' -fuzz="^${fn}\$" -fuzztime="$fuzztime" "$dir"
		done
	done
fi
echo "== all tests passed"
