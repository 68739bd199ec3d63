# Issue 16 item 1: on a full disk every file DevOS writes keeps its old content and the command fails
# naming the file and the cause (never an empty file and exit 0). The disk is a 64 KiB tmpfs filled
# to the last byte (as root), else a file-size limit (RLIMIT_FSIZE, SIGXFSZ ignored) on the command.
source "$(dirname "$0")/lib.sh"
cp -r "$SOURCE/tests/fixtures/hexrepo" "$WORK/repo"
configure_db "$WORK/repo" "$WORK/db" g++
full=$WORK/full
mkdir -p "$full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k devos-faults "$full" 2>/dev/null; then
    trap 'umount "$full" 2>/dev/null || true' EXIT
    small_disk=tmpfs
else
    small_disk=rlimit
fi
echo '{"version": 1, "entries": []}' >"$full/baseline.json" # the old content to keep
echo 'old report' >"$full/report.json"
echo 'old sarif' >"$full/report.sarif"
cp "$full/baseline.json" "$WORK/baseline.before"
if [ "$small_disk" = tmpfs ]; then
    dd if=/dev/zero of="$full/filler" bs=1k count=1024 2>/dev/null || true # up to ENOSPC
    [ "$(df --output=avail "$full" | tail -1 | tr -d ' ')" = 0 ] || fail "the tmpfs is not full"
fi

# on_full_disk <command...>: runs the command with no room to write in $full.
on_full_disk() {
    if [ "$small_disk" = tmpfs ]; then "$@"; else (trap '' XFSZ; ulimit -f 2; exec "$@"); fi
}

unset CI
expect_rc 1 on_full_disk "$DEVOS" baseline create --force -p "$WORK/db" --baseline "$full/baseline.json"
expect_output "$full/baseline.json: error: cannot write the baseline"
cmp -s "$full/baseline.json" "$WORK/baseline.before" || fail "baseline create changed the old baseline"
expect_rc 1 on_full_disk "$DEVOS" baseline update -p "$WORK/db" --baseline "$full/baseline.json"
expect_output "cannot write the baseline"
cmp -s "$full/baseline.json" "$WORK/baseline.before" || fail "baseline update changed the old baseline"

expect_rc 1 on_full_disk "$DEVOS" check -p "$WORK/db" --no-baseline --format json -o "$full/report.json"
expect_output "$full/report.json: error: cannot write the report"
[ "$(cat "$full/report.json")" = "old report" ] || fail "check -o left a half-written report"
expect_rc 1 on_full_disk "$DEVOS" check -p "$WORK/db" --no-baseline -o "$WORK/report.txt" --sarif-output "$full/report.sarif"
expect_output "$full/report.sarif: error: cannot write the report"
[ "$(cat "$full/report.sarif")" = "old sarif" ] || fail "check --sarif-output left a half-written file"
# No temporary file is left behind.
[ "$(ls -A "$full" | sort | tr '\n' ' ')" = "$( [ "$small_disk" = tmpfs ] && echo 'baseline.json filler report.json report.sarif ' || echo 'baseline.json report.json report.sarif ')" ] \
    || fail "temporary files left in $full: $(ls -A "$full")"
echo "PASS ($small_disk)"
