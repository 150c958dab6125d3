# Helpers for the QEMU test scripts: TAP output and checks on a captured guest log.
# Source it, call check_* for each test, then `finish`.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
B=${B:-build}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/qemutest.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
_n=0
_failed=0

# ok NAME / not_ok NAME MESSAGE...
ok() {
	_n=$((_n + 1))
	echo "ok $_n - $1"
}
not_ok() {
	_n=$((_n + 1))
	_failed=$((_failed + 1))
	echo "not ok $_n - $1"
	shift
	echo "# $*"
}

# expect_line NAME LOG REGEX: the log has a line matching the extended regex.
expect_line() {
	if grep -Eq -- "$3" "$2"; then
		ok "$1"
	else
		not_ok "$1" "expected a line matching /$3/, seen none in:"
		sed 's/^/#   /' "$2" | tail -n 30
	fi
}

# expect_status NAME SEEN EXPECTED
expect_status() {
	if [[ $2 == "$3" ]]; then ok "$1"; else not_ok "$1" "expected exit status $3, seen $2"; fi
}

finish() {
	echo "1..$_n"
	((_failed == 0))
}

# relay_ktests LOG: turn the kernel's TAP lines in LOG into this script's TAP lines (with
# the failure messages that precede them), so the test names stay the kernel's.
relay_ktests() {
	local line msgs=""
	while IFS= read -r line; do
		line=${line%$'\r'}
		[[ $line == '['*'] '* ]] && line=${line#*] }
		if [[ $line =~ ^#\ .*:[0-9]+:\ (.*)$ ]]; then
			msgs+="${BASH_REMATCH[1]}; "
		elif [[ $line =~ ^ok\ [0-9]+\ -\ (.*)$ ]]; then
			ok "${BASH_REMATCH[1]}"
			msgs=""
		elif [[ $line =~ ^not\ ok\ [0-9]+\ -\ (.*)$ ]]; then
			not_ok "${BASH_REMATCH[1]}" "$msgs"
			msgs=""
		fi
	done <"$1"
}
