#!/usr/bin/env bash
# Regenerates the PDF report's fonts in crates/report/fonts/ from Noto Sans TC
# (SIL OFL 1.1): subsets of the Google Fonts TrueType build, taken from npm
# (@expo-google-fonts/noto-sans-tc, one full TTF per weight), cut with
# fontTools from PyPI (scripts/fonts.py says which file holds what).
#
# Run it after changing any text in content/ (the Chinese content subset must
# hold every character of the content: crates/report/tests/fonts.rs fails
# otherwise). Idempotent: the same sources and content give the same bytes,
# and a second run downloads nothing (cache: $FONTS_CACHE, default
# ~/.cache/report-fonts).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGE="@expo-google-fonts/noto-sans-tc"
VERSION="0.4.3"
FONTTOOLS="fonttools==4.68.0"
cache="${FONTS_CACHE:-$HOME/.cache/report-fonts}"
out="crates/report/fonts"
mkdir -p "$cache" "$out"

if [ ! -x "$cache/venv/bin/python" ] || ! "$cache/venv/bin/python" -c 'import fontTools, brotli' 2>/dev/null \
   || [ "$("$cache/venv/bin/python" -c 'import fontTools; print(fontTools.version)')" != "${FONTTOOLS#*==}" ]; then
  echo "[fonts] installing $FONTTOOLS into $cache/venv"
  python3 -m venv "$cache/venv"
  "$cache/venv/bin/pip" install --quiet "$FONTTOOLS" "brotli==1.2.1"
fi

tarball="$cache/expo-google-fonts-noto-sans-tc-$VERSION.tgz"
if [ ! -f "$tarball" ]; then
  echo "[fonts] fetching $PACKAGE@$VERSION from npm (about 39 MB, once)"
  (cd "$cache" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
fi
src="$cache/noto-sans-tc-$VERSION"
if [ ! -f "$src/package/700Bold/NotoSansTC_700Bold.ttf" ]; then
  mkdir -p "$src"
  tar -xzf "$tarball" -C "$src" package/LICENSE_FONT \
    package/400Regular/NotoSansTC_400Regular.ttf package/700Bold/NotoSansTC_700Bold.ttf
fi

"$cache/venv/bin/python" scripts/fonts.py . \
  "$src/package/400Regular/NotoSansTC_400Regular.ttf" \
  "$src/package/700Bold/NotoSansTC_700Bold.ttf" \
  "$src/package/LICENSE_FONT" "$out"

# Sizes as served (gzip -9 and brotli 11), for the record.
for f in "$out"/*.ttf; do
  "$cache/venv/bin/python" - "$f" <<'EOF'
import brotli, gzip, os, sys
data = open(sys.argv[1], 'rb').read()
print(f"[fonts] {os.path.basename(sys.argv[1])}: {len(data) / 1024:.1f} KiB, "
      f"gzip {len(gzip.compress(data, 9, mtime=0)) / 1024:.1f} KiB, brotli {len(brotli.compress(data, quality=11)) / 1024:.1f} KiB")
EOF
done
