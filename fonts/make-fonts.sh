#!/usr/bin/env bash
# Reproduce the bundled CJK serif fonts of casepack from Debian's fonts-noto-cjk.
#
#   fonts/make-fonts.sh [path/to/fonts-noto-cjk_*.deb]
#
# Without an argument the .deb is fetched with `apt-get download` (run `apt-get update`
# first). The Simplified-Chinese face (index 2 of each .ttc) is cut out and subset with
# fontTools' pyftsubset (installed from PyPI into a throw-away venv, version pinned) to:
#   - the GB 18030 two-byte set (= GBK plus 80 more characters; all 20,902 basic CJK
#     ideographs U+4E00..U+9FA5), its private-use codes excepted;
#   - ASCII, Latin-1 (¥ included), general punctuation, CJK symbols and punctuation,
#     fullwidth forms (￥ included), number forms (Ⅰ), enclosed alphanumerics (① ⑴ ⒈),
#     enclosed CJK letters (㈠), letterlike symbols (№ ℃), currency symbols;
#   - only the Simplified-Chinese layout: scripts DFLT, hani, latn with their default and
#     ZHS language systems (the JAN/KOR/ZHT/ZHH `locl` glyphs are what doubles the size).
# The output is byte-identical on re-runs (pyftsubset keeps head.modified of the source).
set -euo pipefail

DEB_VERSION="1:20220127+repack1-1"   # Debian 12 (bookworm); the committed files come from it
FONTTOOLS_VERSION="4.68.0"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ $# -ge 1 ]]; then
    deb="$(realpath "$1")"
else
    chmod 0777 "$work"   # apt downloads as user _apt
    (cd "$work" && apt-get download "fonts-noto-cjk=$DEB_VERSION")
    deb="$(ls "$work"/fonts-noto-cjk_*.deb)"
fi
dpkg-deb -x "$deb" "$work/x"
src="$work/x/usr/share/fonts/opentype/noto"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "fonttools==$FONTTOOLS_VERSION"

# The code points to keep, one hex value a line.
"$work/venv/bin/python" - "$work/unicodes.txt" <<'PY'
import sys
keep = set()
# GB 18030 two-byte area (lead 0x81-0xFE, trail 0x40-0x7E, 0x80-0xFE): GBK and a little more.
for lead in range(0x81, 0xFF):
    for trail in [*range(0x40, 0x7F), *range(0x80, 0xFF)]:
        try:
            ch = bytes([lead, trail]).decode("gb18030")
        except UnicodeDecodeError:
            continue
        cp = ord(ch)
        if not 0xE000 <= cp <= 0xF8FF:  # user-defined areas map to private use: no glyphs
            keep.add(cp)
ranges = [
    (0x4E00, 0x9FA5),  # CJK unified ideographs, basic block as in GB 18030 two-byte
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement (¥ U+00A5)
    (0x2000, 0x206F),  # general punctuation (“ ” ‘ ’ … — ‰ ※)
    (0x20A0, 0x20CF),  # currency symbols (€)
    (0x2100, 0x214F),  # letterlike symbols (℃ № ™)
    (0x2150, 0x218F),  # number forms (Ⅰ Ⅱ ⅰ)
    (0x2460, 0x24FF),  # enclosed alphanumerics (① ⑴ ⒈)
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。〈〉《》「」【】〔〕)
    (0x3200, 0x32FF),  # enclosed CJK letters and months (㈠ ㊣)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms (，：；（）￥)
]
for lo, hi in ranges:
    keep.update(range(lo, hi + 1))
with open(sys.argv[1], "w") as f:
    for cp in sorted(keep):
        f.write(f"U+{cp:04X}\n")
PY

for weight in Regular Bold; do
    "$work/venv/bin/pyftsubset" "$src/NotoSerifCJK-$weight.ttc" \
        --font-number=2 \
        --unicodes-file="$work/unicodes.txt" \
        --layout-scripts='DFLT,hani.dflt,hani.ZHS,latn.dflt,latn.ZHS' \
        --layout-features+='halt,palt,vhal,vpal,vert,vrt2,fwid,hwid,pwid' \
        --name-IDs='*' --name-languages='*' --name-legacy \
        --notdef-outline \
        --output-file="$here/NotoSerifCJKsc-$weight.otf"
done

# The licence text, as Debian ships it in the package's copyright file.
{
    "$work/venv/bin/python" -c '
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
print(f["name"].getDebugName(0))
print(f["name"].getDebugName(7))
' "$here/NotoSerifCJKsc-Regular.otf"
    echo
    # The stand-alone paragraph that starts with "License: SIL-1.1" holds the text.
    awk 'BEGIN{RS=""} /^License: SIL-1.1\n/{sub(/^License: SIL-1.1\n/, ""); print; exit}' \
        "$work/x/usr/share/doc/fonts-noto-cjk/copyright" | sed -e 's/^ //' -e 's/^\.$//'
} > "$here/OFL.txt"

ls -l "$here"/NotoSerifCJKsc-*.otf
sha256sum "$here"/NotoSerifCJKsc-*.otf "$here/OFL.txt"
