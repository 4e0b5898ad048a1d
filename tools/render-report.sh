#!/usr/bin/env bash
# Renders a Detente HTML report with headless Chromium: a full-page screenshot (PNG) and the
# browser's console log, so a report can be checked without a display.
#
#   tools/render-report.sh report.html [screenshot.png] [width] [height]
#
# Needs chromium (Debian/Ubuntu: apt-get update && apt-get install -y chromium).
# Exit status: 0 if the page rendered and the console shows no error, 1 otherwise.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 report.html [screenshot.png] [width] [height]" >&2
  exit 2
fi
html=$(readlink -f "$1")
png=${2:-${1%.html}.png}
width=${3:-1280}
height=${4:-4000}
[[ -f "$html" ]] || { echo "no such file: $1" >&2; exit 2; }

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[[ -n "$browser" ]] || { echo "chromium not found (apt-get install -y chromium)" >&2; exit 2; }

profile=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$profile" "$log"' EXIT

common=(--headless --no-sandbox --disable-gpu --disable-background-networking
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars
  --user-data-dir="$profile" --enable-logging=stderr --v=0)

"$browser" "${common[@]}" --window-size="$width,$height" --screenshot="$png" \
  "file://$html" 2>"$log" >/dev/null || true

# Console messages of the page are logged as "CONSOLE(...)" lines; any network request the page
# makes (it should make none) shows up as a failed load when networking is off.
errors=$(grep -E 'CONSOLE|Uncaught|ERR_|Failed to load' "$log" | grep -v 'dbus' || true)
if [[ ! -s "$png" ]]; then
  echo "no screenshot written; browser log:" >&2
  cat "$log" >&2
  exit 1
fi
echo "screenshot: $png"
if [[ -n "$errors" ]]; then
  echo "browser console errors:" >&2
  echo "$errors" >&2
  exit 1
fi
echo "console: no errors"
