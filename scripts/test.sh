#!/usr/bin/env bash
# dyad's test command (README, .ci/run): formatting, vet, the race-enabled
# test suite, and a short run of every fuzz target.
#   DYAD_FUZZTIME       time per fuzz target (default 5s; 0 skips fuzzing)
#   DYAD_TEST_SERVICES  0 skips starting PostgreSQL/Chromium (their tests skip)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== gofmt"
unformatted=$(find . -name '*.go' -not -path './.git/*' -print0 | xargs -0 gofmt -l)
if [ -n "$unformatted" ]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "== go vet"
go vet ./...

# Services the tests use (a throwaway PostgreSQL cluster, headless Chromium):
# scripts/testenv.sh installs and starts them, exports DYAD_TEST_* settings
# for the tests, and stops them when this script exits.
if [ -f scripts/testenv.sh ] && [ "${DYAD_TEST_SERVICES:-1}" != "0" ]; then
	echo "== test services"
	# shellcheck source=/dev/null
	source scripts/testenv.sh
fi

echo "== go test -race"
go test -race -timeout 45m ./...

fuzztime=${DYAD_FUZZTIME:-5s}

# fuzz_once runs one fuzz target. Go 1.26's coordinator can fail a
# time-bounded run with a bare "context deadline exceeded" when a busy
# machine starves its workers at the deadline (golang/go#75804, fixed in
# Go 1.27); such a run wrote no failing input and reports 1 so the caller
# tries once more. Any other failure stops the script.
fuzz_once() {
	local out rc=0
	out=$(go test -run='^$' -fuzz="^${2}\$" -fuzztime="$fuzztime" "$1" 2>&1) || rc=$?
	printf '%s\n' "$out"
	if [ "$rc" = 0 ]; then
		return 0
	fi
	if grep -q 'context deadline exceeded' <<<"$out" && ! grep -q 'Failing input written' <<<"$out"; then
		echo "(fuzz coordinator deadline race, no failing input: retrying once)"
		return 1
	fi
	exit "$rc"
}
if [ "$fuzztime" != "0" ]; then
	echo "== fuzz smoke ($fuzztime per target)"
	grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r f; do
		dir=$(dirname "$f")
		for fn in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | cut -d' ' -f2); do
			echo "-- $dir $fn"
			fuzz_once "$dir" "$fn" || fuzz_once "$dir" "$fn"
		done
	done
fi
echo "== all tests passed"
