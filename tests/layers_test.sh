#!/usr/bin/env bash
# The core, db, services, reports and CLI layers never include wxWidgets (design.md).
# The build enforces it too (those targets do not link wx); this names the offending file.
set -u
src=$1/src
bad=$(grep -rlE '^\s*#\s*include\s*[<"]wx/' "$src/models" "$src/db" "$src/services" "$src/reports" "$src/cli")
if [ -n "$bad" ]; then echo "wx included outside views/app:"; echo "$bad"; exit 1; fi
echo "no wx include in models, db, services, reports or cli ($(find "$src/models" "$src/db" "$src/services" "$src/reports" "$src/cli" -name '*.[ch]*' | wc -l) files checked)"
