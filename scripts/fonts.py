"""Subsets Noto Sans TC (the Google Fonts TrueType build, SIL OFL 1.1) into the
report's font files. Run by scripts/fonts.sh, which fetches the font and
fontTools; deterministic (same sources and content -> same bytes).

Files written into the output directory (crates/report/fonts/):

  NotoSansTC-Latin-Regular.ttf, NotoSansTC-Latin-Bold.ttf
      Latin, punctuation and symbols: every non-CJK character of the
      content, plus Latin-1 and Latin Extended-A for typed names. Embedded in
      the report worker (small), used by every report.
  NotoSansTC-Content.ttf
      Every other character of content/ (the Traditional Chinese of the bank
      and the catalogs) plus CJK punctuation and full-width forms. Fetched by
      the worker for a Chinese report, or for typed CJK text.
  NotoSansTC-Common-1.ttf … NotoSansTC-Common-8.ttf
      Big5 level 1 (5,401 common characters) not already in the content font,
      in eight slices by code point (about 560 characters, 120 KB gzip each).
      The worker fetches only the slices that hold characters of typed text
      (company name, owners) the content font lacks.
  *.cmap      the code points each file covers (ranges, one per line), read
              by crates/report/build.rs so the worker knows what to fetch
              before fetching it.
  OFL.txt     the licence.
"""
import glob
import os
import sys
import tomllib

from fontTools import subset
from fontTools.ttLib import TTFont

root, regular_path, bold_path, licence_path, out = sys.argv[1:6]


def content_chars():
    chars = set()
    for path in sorted(glob.glob(os.path.join(root, 'content', '**', '*.toml'), recursive=True)):
        with open(path, 'rb') as f:
            data = tomllib.load(f)

        def walk(v):
            if isinstance(v, dict):
                for x in v.values():
                    walk(x)
            elif isinstance(v, list):
                for x in v:
                    walk(x)
            elif isinstance(v, str):
                chars.update(v)

        walk(data)
    return {ord(c) for c in chars if c.isprintable() or c == '\u00a0'}


def is_cjk(cp):
    return (0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF
            or 0xFE30 <= cp <= 0xFE4F or 0xFF00 <= cp <= 0xFFEF or cp >= 0x20000)


def big5_level1():
    out = set()
    for b1 in range(0xA4, 0xC7):
        for b2 in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            if b1 == 0xC6 and b2 > 0x7E:
                break
            try:
                out.add(ord(bytes([b1, b2]).decode('big5')))
            except UnicodeDecodeError:
                pass
    return out


regular = TTFont(regular_path)
covered = set(regular.getBestCmap())
content = content_chars()

latin = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180))
latin |= set(range(0x2010, 0x2028)) | set(range(0x2030, 0x203B)) | {0x20AC, 0x2122}
latin |= {0x2190, 0x2191, 0x2192, 0x2193, 0x2212, 0x2248, 0x2260, 0x2264, 0x2265, 0x00D7, 0x00F7}
latin |= {0x25A0, 0x25A1, 0x25CB, 0x25CF, 0x2713}
latin |= {cp for cp in content if not is_cjk(cp)}
latin &= covered

cjk_extra = set(range(0x3000, 0x3040)) | set(range(0xFF01, 0xFF5F))
content_set = ((content | cjk_extra) - latin) & covered
common_set = (big5_level1() - latin - content_set) & covered

missing = sorted(cp for cp in content if cp not in covered and cp > 0x20)
if missing:
    sys.exit('the font lacks content characters: ' + ' '.join(f'U+{cp:04X}' for cp in missing))


def write(src, unicodes, name):
    options = subset.Options()
    options.layout_features = []          # no shaping in the report: no GSUB/GPOS
    options.hinting = False               # the build is unhinted anyway
    options.drop_tables += ['vhea', 'vmtx', 'BASE', 'STAT', 'GDEF', 'GPOS', 'GSUB', 'gasp']
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]   # keep the copyright and licence
    options.notdef_outline = True
    options.recalc_timestamp = False
    font = TTFont(src, recalcTimestamp=False)
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(unicodes))
    sub.subset(font)
    path = os.path.join(out, name + '.ttf')
    font.save(path)
    cmap = sorted(TTFont(path).getBestCmap())
    ranges = []
    for cp in cmap:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    with open(os.path.join(out, name + '.cmap'), 'w') as f:
        f.write(f'# Code points of {name}.ttf, written by scripts/fonts.py\n')
        for a, b in ranges:
            f.write(f'{a:X}-{b:X}\n' if a != b else f'{a:X}\n')
    print(f'{name}.ttf: {len(cmap)} code points, {os.path.getsize(path)} bytes')


os.makedirs(out, exist_ok=True)
write(regular_path, latin, 'NotoSansTC-Latin-Regular')
write(bold_path, latin, 'NotoSansTC-Latin-Bold')
write(regular_path, content_set, 'NotoSansTC-Content')
SLICES = 8
common = sorted(common_set)
for i in range(SLICES):
    part = common[i * len(common) // SLICES:(i + 1) * len(common) // SLICES]
    write(regular_path, set(part), f'NotoSansTC-Common-{i + 1}')
with open(licence_path, encoding='utf-8') as f:
    licence = f.read()
with open(os.path.join(out, 'OFL.txt'), 'w', encoding='utf-8') as f:
    f.write('Noto Sans TC (the Google Fonts TrueType build, npm @expo-google-fonts/noto-sans-tc 0.4.3),\n'
            'subset by scripts/fonts.sh for the PDF report. Reserved Font Names apply to the original.\n\n')
    f.write(licence)
