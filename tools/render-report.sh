#!/usr/bin/env bash
# Renders a Detente HTML report with headless Chromium: a screenshot of the whole page (PNG) and
# the browser's console log, so a report can be checked without a display.
#
#   tools/render-report.sh REPORT [screenshot.png] [width] [height]
#
# REPORT is report.html or the folder `detente report --out DIR` wrote. The width defaults to
# 1400 px; the height defaults to the page's own height at that width, measured first in the same
# browser, so that nothing (the map, the Reproduce table) is cut off.
#
# Needs chromium (Debian/Ubuntu: apt-get update && apt-get install -y chromium).
# Exit status: 0 if the page rendered and the console shows no error, 1 otherwise.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 REPORT [screenshot.png] [width] [height]" >&2
  exit 2
fi
src=$1
[[ -d "$src" ]] && src="$src/report.html"
[[ -f "$src" ]] || { echo "no such file: $src" >&2; exit 2; }
html=$(readlink -f "$src")
png=${2:-${src%.html}.png}
width=${3:-1400}
height=${4:-}

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[[ -n "$browser" ]] || { echo "chromium not found (apt-get install -y chromium)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log="$work/browser.log"

common=(--headless --no-sandbox --disable-gpu --disable-background-networking
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars
  --enable-logging=stderr --v=0)

if [[ -z "$height" ]]; then
  # The report has no script; a page of our own loads it in a frame of the screenshot's width
  # and writes its height into its title, which --dump-dom prints.
  # The report's path goes into a JavaScript string and an HTML attribute: escape \, ' and &.
  url="file://$(printf '%s' "$html" | sed -e 's/\\/\\\\/g' -e "s/'/\\\\'/g" -e 's/&/\&amp;/g')"
  cat >"$work/measure.html" <<HTML
<!DOCTYPE html><html><head><title>pending</title></head><body style="margin:0">
<iframe id="f" src='$url' style="width:${width}px;height:600px;border:0"></iframe>
<script>document.getElementById('f').onload = function () {
  var d = this.contentDocument;
  document.title = 'height:' + Math.max(d.documentElement.scrollHeight, d.body.scrollHeight);
};</script></body></html>
HTML
  height=$("$browser" "${common[@]}" --user-data-dir="$work/measure-profile" \
    --allow-file-access-from-files --virtual-time-budget=10000 --dump-dom \
    "file://$work/measure.html" 2>/dev/null | sed -n 's/.*<title>height:\([0-9]*\)<\/title>.*/\1/p')
  if [[ -z "$height" ]]; then
    height=16000
    echo "could not measure the page; rendering ${width}x${height}" >&2
  fi
fi

"$browser" "${common[@]}" --user-data-dir="$work/profile" --window-size="$width,$height" \
  --screenshot="$png" "file://$html" 2>"$log" >/dev/null || true

# Console messages of the page are logged as "CONSOLE(...)" lines; any network request the page
# makes (it should make none) shows up as a failed load when networking is off.
errors=$(grep -E 'CONSOLE|Uncaught|ERR_|Failed to load' "$log" | grep -v 'dbus' || true)
if [[ ! -s "$png" ]]; then
  echo "no screenshot written; browser log:" >&2
  cat "$log" >&2
  exit 1
fi
echo "screenshot: $png (${width}x${height})"
if [[ -n "$errors" ]]; then
  echo "browser console errors:" >&2
  echo "$errors" >&2
  exit 1
fi
echo "console: no errors"
