# shellcheck shell=bash
# Test services for dyad's tests, sourced by scripts/test.sh (or by hand:
# `source scripts/testenv.sh; go test ./internal/store/...`).
#
# - PostgreSQL: installs Debian's postgresql when missing, starts a
#   throwaway cluster (initdb in a temp dir, a free port on 127.0.0.1, run as
#   an unprivileged user) and exports DYAD_TEST_POSTGRES=postgres://...
# - Chromium: installs Debian's chromium when missing and exports
#   DYAD_TEST_CHROME=/usr/bin/chromium.
# An EXIT trap stops the cluster and removes the temp dir; an EXIT trap set
# before this file was sourced still runs. Sourcing it again is a no-op while
# the cluster runs. A DYAD_TEST_POSTGRES or DYAD_TEST_CHROME already set is
# kept as it is. Tests that need a service skip when its variable is unset.

_dyad_apt_updated=
_dyad_apt_install() {
	if [ "$(id -u)" != 0 ]; then
		echo "testenv: $1 is not installed and this is not root: its tests will skip" >&2
		return 2
	fi
	if [ -z "$_dyad_apt_updated" ]; then
		DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
		_dyad_apt_updated=1
	fi
	echo "testenv: installing $1 (apt-get)" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}

_dyad_pg_bindir() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	[ -n "$d" ] && [ -x "$d/initdb" ] && printf '%s\n' "$d"
}

_dyad_free_port() {
	local port i
	for i in $(seq 1 50); do
		port=$((20000 + RANDOM % 30000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			printf '%s\n' "$port"
			return 0
		fi
	done
	return 1
}

_dyad_testenv_stop() {
	if [ -n "${_DYAD_PG_DIR:-}" ] && [ -d "$_DYAD_PG_DIR" ]; then
		if [ "$(id -u)" = 0 ]; then
			runuser -u "$_DYAD_PG_USER" -- "$_DYAD_PG_BIN/pg_ctl" -D "$_DYAD_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
		else
			"$_DYAD_PG_BIN/pg_ctl" -D "$_DYAD_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
		fi
		rm -rf "$_DYAD_PG_DIR"
	fi
	_DYAD_PG_DIR=
}

_dyad_testenv_exit() {
	local rc=$?
	_dyad_testenv_stop
	if [ -n "${_dyad_prev_exit_trap:-}" ]; then
		eval "$_dyad_prev_exit_trap"
	fi
	return $rc
}

_dyad_start_postgres() {
	if [ -n "${DYAD_TEST_POSTGRES:-}" ]; then
		return 0 # given from outside, or started by an earlier sourcing
	fi
	local bin
	bin=$(_dyad_pg_bindir) || true
	if [ -z "$bin" ]; then
		_dyad_apt_install postgresql || { [ $? = 2 ] && return 0; echo "testenv: could not install postgresql" >&2; return 1; }
		bin=$(_dyad_pg_bindir) || { echo "testenv: postgresql installed but initdb not found" >&2; return 1; }
	fi
	local user dir port
	user=$(id -un)
	dir=$(mktemp -d "${TMPDIR:-/tmp}/dyad-pg.XXXXXX")
	chmod 755 "$dir"
	local run=()
	if [ "$(id -u)" = 0 ]; then
		# initdb refuses to run as root.
		user=postgres
		id -u "$user" >/dev/null 2>&1 || user=nobody
		chown "$user" "$dir"
		run=(runuser -u "$user" --)
	fi
	if ! "${run[@]}" "$bin/initdb" -D "$dir/data" -U dyad --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
		echo "testenv: initdb failed:" >&2
		cat "$dir/initdb.log" >&2
		rm -rf "$dir"
		return 1
	fi
	port=$(_dyad_free_port) || { echo "testenv: no free port" >&2; rm -rf "$dir"; return 1; }
	if ! "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
		start >/dev/null; then
		echo "testenv: postgres did not start:" >&2
		cat "$dir/server.log" >&2
		rm -rf "$dir"
		return 1
	fi
	_DYAD_PG_DIR=$dir
	_DYAD_PG_BIN=$bin
	_DYAD_PG_USER=$user
	export DYAD_TEST_POSTGRES="postgres://dyad@127.0.0.1:$port/postgres?sslmode=disable"
	echo "testenv: postgres on 127.0.0.1:$port (cluster in $dir)" >&2
}

_dyad_find_chrome() {
	local c
	for c in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
		[ -x "$c" ] && { printf '%s\n' "$c"; return 0; }
	done
	return 1
}

_dyad_start_chrome() {
	if [ -n "${DYAD_TEST_CHROME:-}" ]; then
		return 0
	fi
	local c
	c=$(_dyad_find_chrome) || true
	if [ -z "$c" ]; then
		_dyad_apt_install chromium || { [ $? = 2 ] && return 0; echo "testenv: could not install chromium" >&2; return 1; }
		c=$(_dyad_find_chrome) || { echo "testenv: chromium installed but not found" >&2; return 1; }
	fi
	export DYAD_TEST_CHROME=$c
	echo "testenv: chromium at $c" >&2
}

if [ -z "${_DYAD_TESTENV_TRAP:-}" ]; then
	# Keep an EXIT trap set before us: ours runs it after stopping the cluster.
	_dyad_prev_exit_trap=
	_dyad_t=$(trap -p EXIT)
	if [ -n "$_dyad_t" ]; then
		_dyad_prev_exit_trap=$(eval "_dyad_f() { printf '%s' \"\$3\"; }; _dyad_f $_dyad_t")
	fi
	unset _dyad_t
	trap _dyad_testenv_exit EXIT
	_DYAD_TESTENV_TRAP=1
fi
_dyad_start_postgres && _dyad_start_chrome
