#!/usr/bin/env bash
# Every visible string in src/ has a Simplified Chinese translation: extract the strings as
# the catalog is made (docs/architecture.md), merge them into zh_CN.po, and count the gaps.
set -euo pipefail
top=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$top"
xgettext --keyword=_ --keyword=tr --keyword=tr_noop --keyword=wxGETTEXT_IN_CONTEXT:1c,2 --flag=tr:1:no-c-format --flag=subst:1:no-c-format \
  --from-code=UTF-8 -o "$work/now.pot" $(find src -name '*.cpp' -o -name '*.h' | sort)
msgmerge -q -o "$work/zh_CN.po" assets/po/zh_CN.po "$work/now.pot"
missing=$(msgattrib --untranslated --no-obsolete "$work/zh_CN.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$work/zh_CN.po" | grep -c '^msgid ' || true)
# msgattrib prints the header entry too when anything is listed.
[ "$missing" -gt 0 ] && missing=$((missing - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
msgfmt --check --statistics -o /dev/null "$work/zh_CN.po"
if [ "$missing" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
  echo "zh_CN.po: $missing untranslated, $fuzzy fuzzy:"
  { msgattrib --untranslated --no-obsolete "$work/zh_CN.po"; msgattrib --only-fuzzy --no-obsolete "$work/zh_CN.po"; } | grep "^msgid " | grep -v "^msgid \"\"$" | head -20
  exit 1
fi
echo "zh_CN.po covers every string in src/"
