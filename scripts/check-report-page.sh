#!/usr/bin/env bash
# Checks an isobench comparison page in a real headless browser (Debian's chromium):
# the page loads from file:// with no console messages (script errors, CSP refusals, failed loads all log there),
# its script ran to the end, and every chart has a non-empty layout.
#
# Usage: scripts/check-report-page.sh REPORT_DIR [--screenshot FILE.png] [--window WIDTHxHEIGHT]
# Exit: 0 the page is fine, 1 it is not (the reason is printed), 2 usage or no browser.
# Install the browser with: apt-get install -y chromium
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
handle_help_and_version "$@"

die() { echo "check-report-page: $*" >&2; exit 2; }

[ $# -ge 1 ] || die "usage: $0 REPORT_DIR [--screenshot FILE.png] [--window WIDTHxHEIGHT]"
report_dir=$1; shift
screenshot=""
window="1400x2000"
while [ $# -gt 0 ]; do
  case "$1" in
    --screenshot) [ $# -ge 2 ] || die "--screenshot needs a file"; screenshot=$2; shift 2 ;;
    --window) [ $# -ge 2 ] || die "--window needs WIDTHxHEIGHT"; window=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done

page="$(cd "$report_dir" 2>/dev/null && pwd)/index.html" || die "$report_dir: no such directory"
[ -f "$page" ] || die "$page: no such file"

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$(command -v "$candidate"); break; fi
done
[ -n "$browser" ] || die "no chromium found; install it with: apt-get install -y chromium"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-extensions --mute-audio
       --enable-logging=stderr --v=0)

run_browser() { # $1 profile dir, rest: extra args
  local profile=$1; shift
  timeout 120 "$browser" "${flags[@]}" --user-data-dir="$profile" "$@"
}

run_browser "$work/profile-dom" --virtual-time-budget=5000 --dump-dom "file://$page" \
  >"$work/dom.html" 2>"$work/browser.log" || { cat "$work/browser.log" >&2; echo "check-report-page: the browser failed" >&2; exit 1; }

failed=0
if grep -E 'CONSOLE|Uncaught|Refused to|Failed to load|ERR_' "$work/browser.log" >"$work/console.txt"; then
  echo "check-report-page: console messages:" >&2
  sed 's/^/  /' "$work/console.txt" >&2
  failed=1
fi
if grep -o 'data-errors="[^"]*"' "$work/dom.html" >"$work/errors.txt"; then
  echo "check-report-page: script error recorded by the page: $(cat "$work/errors.txt")" >&2
  failed=1
fi
expected=$(grep -o 'data-charts-expected="[0-9]*"' "$work/dom.html" | head -1 | grep -o '[0-9]*' || true)
rendered=$(grep -o 'data-charts-rendered="[0-9]*"' "$work/dom.html" | head -1 | grep -o '[0-9]*' || true)
if [ -z "$rendered" ]; then
  echo "check-report-page: the page's script did not run to the end (no data-charts-rendered)" >&2
  failed=1
elif [ "$rendered" != "$expected" ]; then
  echo "check-report-page: $rendered of $expected charts rendered" >&2
  failed=1
fi
charts=$( (grep -o '<svg class="chart"' "$work/dom.html" || true) | wc -l)

if [ -n "$screenshot" ]; then
  mkdir -p "$(dirname "$screenshot")"
  shot="$(cd "$(dirname "$screenshot")" && pwd)/$(basename "$screenshot")"
  run_browser "$work/profile-shot" --hide-scrollbars --window-size="${window/x/,}" \
    --virtual-time-budget=5000 --screenshot="$shot" "file://$page" >/dev/null 2>"$work/shot.log" \
    || { cat "$work/shot.log" >&2; echo "check-report-page: the screenshot failed" >&2; exit 1; }
  [ -s "$shot" ] || { echo "check-report-page: no screenshot written" >&2; exit 1; }
  echo "check-report-page: screenshot $shot"
fi

if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "check-report-page: OK: $page: $rendered of $expected charts rendered ($charts svg charts in the DOM), no console messages"
