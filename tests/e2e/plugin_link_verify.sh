# Cross-TU purity through the plugin's effect summaries: every TU of the violations fixture is
# compiled by clang-19 with the plugin (its own expected-* markers checked by -verify), then
# `devos link --verify` merges the summaries: every expected-* and linked-* marker must match.
source "$(dirname "$0")/lib.sh"
: "${PLUGIN:?}"
repo=$SOURCE/tests/fixtures/hexrepo
mkdir -p "$WORK/obj"
summaries=()
while read -r source; do
    summary=$WORK/obj/$(echo "$source" | tr / _).devos.json
    expect_rc 0 clang++-19 -std=c++23 -fsyntax-only -fplugin="$PLUGIN" -fplugin-arg-devos-summary="$summary" \
        -Xclang -verify -Xclang -verify-ignore-unexpected=note -I"$repo/src" -I"$repo/include" "$repo/$source"
    summaries+=("$summary")
done < <(cd "$repo" && find src tests -name '*.cpp' | sort)
expect_rc 0 "$DEVOS" link --verify --root "$repo" "${summaries[@]}"
expect_output "0 mismatches"
# Without --verify the same summaries report the cross-TU findings, through a template instantiation
# and through an implicit copy assignment.
expect_rc 1 "$DEVOS" link --root "$repo" "${summaries[@]}"
expect_output "[devos purity.transitive] 'shop::wallElapsed' is not pure: shop::wallElapsed() → shop::elapsedSince() [src/logic/templates.cpp] → shop::WallTicks::now() [src/adapters/stamp_impl.cpp] → time [purity.clock]"
expect_output "[devos purity.transitive] 'shop::assignStamped' is not pure: shop::assignStamped() → shop::StampedBox::operator=() [src/logic/records.hpp]"
expect_no_output "'shop::FlatMap::find', which is declared"
echo "PASS"
