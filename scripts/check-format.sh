#!/usr/bin/env bash
# DevOS's own format gate: every first-party C++ file (not the fixtures, which hold findings on
# purpose, nor examples/, which have their own .clang-format) is clang-format-19 clean against the
# repo's .clang-format. Prints each file that is not, with clang-format's diagnostics; exit 1 if any.
# Fix with: scripts/check-format.sh --fix
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
format=$(command -v clang-format-19 || true)
[ -n "$format" ] || { echo "check-format: clang-format-19 is not installed (apt-get install clang-format-19)" >&2; exit 2; }
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -d '' files < <(git ls-files -z -- '*.cpp' '*.hpp' '*.h' '*.cu' ':!:tests/fixtures/**' ':!:examples/**')
else
    mapfile -d '' files < <(find . -path ./build -prune -o -path ./tests/fixtures -prune -o -path ./examples -prune -o \
        -path '*/node_modules' -prune -o \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.cu' \) -print0)
fi
[ "${#files[@]}" -gt 0 ] || { echo "check-format: no C++ files found under $root" >&2; exit 2; }
if [ "${1:-}" = --fix ]; then
    printf '%s\0' "${files[@]}" | xargs -0 "$format" -i --style=file
    exit 0
fi
# One clang-format run over every file; its diagnostics name each file that is not clean. A run
# that fails for another reason (a broken .clang-format) is a failure, never a silent pass.
set +e
out=$(printf '%s\0' "${files[@]}" | xargs -0 "$format" --dry-run --Werror --style=file 2>&1)
rc=$?
set -e
mapfile -t bad < <(printf '%s\n' "$out" | sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
if [ "$rc" != 0 ] && [ "${#bad[@]}" = 0 ]; then
    printf '%s\n' "$out" | tail -20 >&2
    echo "check-format: clang-format failed (exit $rc) without naming an unformatted file" >&2
    exit 2
fi
for f in "${bad[@]}"; do
    echo "check-format: $f is not clang-format clean (scripts/check-format.sh --fix)" >&2
done
echo "check-format: ${#files[@]} files, ${#bad[@]} not formatted"
[ "${#bad[@]}" = 0 ]
