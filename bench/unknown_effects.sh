#!/usr/bin/env bash
# purity.unknown-effect findings on a generated template-heavy repo (bench/template_heavy_repo.sh:
# a header-only hash map, templated algorithms, records with implicit and defaulted members, UNITS
# logic TUs): through the plugin's effect summaries + `devos link`, and through `devos check`.
# Only the two calls to a logic declaration with no body anywhere are really unknown.
# Usage: bench/unknown_effects.sh [build-dir] [units]     (after a build of devos and the plugin)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
units=${2:-20}
plugin=$build/lib/libDevOSPlugin.so
devos=$build/bin/devos
work=$(mktemp -d -t devos-unknown.XXXXXX)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
bench/template_heavy_repo.sh "$repo" "$units"

summaries=()
for source in "$repo"/src/logic/*.cpp; do
    object=$work/obj/$(basename "$source").o
    mkdir -p "$work/obj"
    clang++-19 -std=c++23 -I"$repo/src" -fplugin="$plugin" -c "$source" -o "$object"
    summaries+=("$object.devos.json")
done
(cd "$repo" && "$devos" link "${summaries[@]}" >"$work/link.txt" 2>&1) || true
cmake -S "$repo" -B "$work/db" -G Ninja -DCMAKE_CXX_COMPILER=g++ >/dev/null
"$devos" check -p "$work/db" --no-cache >"$work/check.txt" 2>&1 || true

count() { grep -c "\[devos $1\]" "$2" || true; }
echo "| path | TUs | purity.unknown-effect | purity.transitive | all findings |"
echo "|---|---|---|---|---|"
for path in link check; do
    echo "| $path | $units | $(count purity.unknown-effect "$work/$path.txt") | $(count purity.transitive "$work/$path.txt") | $(grep -c '\[devos ' "$work/$path.txt" || true) |"
done
echo
echo "unknown callees (devos link):"
grep '\[devos purity.unknown-effect\]' "$work/link.txt" | sed -E "s/.* calls '([^']*)'.*/\1/" | sort | uniq -c | sort -rn | head -12
