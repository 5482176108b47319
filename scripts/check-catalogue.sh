#!/bin/sh
# check-catalogue.sh - fail when docs/MUTATORS.md is stale: its category
# table and the name, category and description of every mutator row must
# equal what `mutsmith list --markdown` prints for the registry now. Cheap:
# the sweep figures are not recomputed (`make catalogue` does that).
# Usage: scripts/check-catalogue.sh MUTSMITH [CATALOGUE]
set -u
bin=$1; doc=${2:-docs/MUTATORS.md}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[ -f "$doc" ] || { echo "catalogue: FAIL $doc missing (make catalogue)"; exit 1; }
"$bin" list --markdown > "$tmp/now.md" || { echo "catalogue: FAIL mutsmith list --markdown"; exit 1; }

# the category table, then name|category|description of each mutator row
# (escaped \| inside a cell does not split it)
fields() {
    sed -n '/^## Categories/,/^## Mutators/p' "$1" | grep '^| '
    grep '^| `' "$1" | sed 's/\\|/\x01/g' | awk -F'|' '{ print $2 "|" $3 "|" $4 }'
}
fields "$doc" > "$tmp/doc"
fields "$tmp/now.md" > "$tmp/want"
if ! cmp -s "$tmp/doc" "$tmp/want"; then
    echo "catalogue: FAIL $doc is stale; run make catalogue. Differences (< file, > registry):"
    diff "$tmp/doc" "$tmp/want" | grep '^[<>]' | head -20
    exit 1
fi
echo "catalogue: ok ($(grep -c '^| `' "$tmp/now.md") mutators)"
