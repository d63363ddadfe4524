#!/usr/bin/env bash
# Renders a leaktrace HTML report with headless Chromium, to check that it shows in a real browser.
# Usage: scripts/render-report.sh REPORT.html OUT.png [WIDTHxHEIGHT]
# Needs Debian's `chromium` package (apt-get install chromium). Networking is switched off so a
# report that tried to load anything from the network would show up broken.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT]" >&2
  exit 2
fi
report=$1
png=$2
size=${3:-1200x900}

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "$0: chromium not found; install it with: apt-get install chromium" >&2
  exit 2
fi
if [ ! -r "$report" ]; then
  echo "$0: cannot read $report" >&2
  exit 2
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
report_url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
png_path="$(cd "$(dirname "$png")" && pwd)/$(basename "$png")"

"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --virtual-time-budget=2000 \
  --user-data-dir="$profile" --screenshot="$png_path" --window-size="${size/x/,}" \
  "$report_url" >/dev/null 2>&1

if [ ! -s "$png_path" ]; then
  echo "$0: chromium did not write $png_path" >&2
  exit 1
fi
echo "Wrote $png_path"
