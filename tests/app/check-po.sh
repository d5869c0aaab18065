#!/bin/sh
# Every template and translatable source is in po/POTFILES, and every
# string of them has a zh_CN translation, none fuzzy.
set -eu
src="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$src"
# every template and every source that marks strings for translation is listed
missing=0
for f in ui/*.ui $(grep -lE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext)\(' src/*/*.c); do
  if ! grep -qx "$f" po/POTFILES; then
    echo "$f has translatable strings but is not in po/POTFILES" >&2
    missing=1
  fi
done
[ "$missing" -eq 0 ] || exit 1
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --files-from=po/POTFILES \
  -o "$tmp/zhibiao.pot"
msgmerge --quiet -o "$tmp/zh_CN.po" po/zh_CN.po "$tmp/zhibiao.pot"
stats="$(msgfmt --check --statistics -o /dev/null "$tmp/zh_CN.po" 2>&1)"
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/zh_CN.po is incomplete: run the update and translate" >&2; exit 1 ;;
esac
