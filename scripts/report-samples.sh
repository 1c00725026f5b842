#!/usr/bin/env bash
# Regenerates the sample PDF reports (English, Traditional Chinese,
# Portuguese, and English on US Letter) from the sample assessment in
# crates/report/tests/common/sample.rs, and renders every page to PNG with
# pdftoppm, to look at before calling a layout change done.
#   scripts/report-samples.sh [output-dir]   (default: target/report-samples)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${1:-target/report-samples}"
mkdir -p "$out"
rm -f "$out"/*.png
cargo run --quiet --release -p report --example samples -- "$out"
for pdf in "$out"/report-*.pdf; do
  pdftoppm -r 60 -png "$pdf" "${pdf%.pdf}"
done
echo "pages: $(ls "$out"/*.png | wc -l) PNG files in $out"
