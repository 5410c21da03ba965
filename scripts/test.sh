#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine: installs what the tests need (Chromium and
# fonts from Debian, npm packages), builds, runs the .NET unit and integration tests, then the
# end-to-end suite (the real DirectLineJS client in Node and the real Web Chat in headless Chromium).
# The mail tests send to a local SMTP sink (scripts/smtp-sink.py) that runs while the .NET tests do.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Arabic and Persian glyphs for the right-to-left screenshots.
fc-list 2>/dev/null | grep -qi 'Noto Sans Arabic' || missing+=(fonts-noto-core)
# The SMTP sink the mail tests send to (scripts/smtp-sink.py); the system Python, not one first on PATH.
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "== npm packages"
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)

echo "== build"
dotnet build IqTriageBot.sln -c Release --nologo -v quiet

logs="$(mktemp -d)"
sink_pid=""
cleanup() {
  if [ -n "$sink_pid" ]; then kill "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; fi
  rm -rf "$logs"
}
trap cleanup EXIT
status=0

echo "== SMTP sink"
mkdir -p "$logs/mail"
/usr/bin/python3 scripts/smtp-sink.py --maildir "$logs/mail" --port 0 --port-file "$logs/smtp.port" >"$logs/smtp.txt" 2>&1 &
sink_pid=$!
for _ in $(seq 1 100); do [ -s "$logs/smtp.port" ] && break; sleep 0.1; done
if [ ! -s "$logs/smtp.port" ]; then
  echo "the SMTP sink did not start:"; cat "$logs/smtp.txt"; exit 1
fi
export IQ_TEST_SMTP_HOST=127.0.0.1
IQ_TEST_SMTP_PORT="$(cat "$logs/smtp.port")"
export IQ_TEST_SMTP_PORT
export IQ_TEST_SMTP_MAILDIR="$logs/mail"
echo "listening on $IQ_TEST_SMTP_HOST:$IQ_TEST_SMTP_PORT"

echo "== .NET tests"
dotnet test tests/IqTriageBot.Tests -c Release --no-build --nologo 2>&1 | tee "$logs/dotnet.txt" || status=1

echo "== end-to-end tests (DirectLineJS, Web Chat in Chromium)"
(cd tests/e2e && npm test) 2>&1 | tee "$logs/e2e.txt" || status=1

# One closing line for both runners.
count() { grep -oE "$1" "$2" | grep -oE '[0-9]+$' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(( $(count 'Passed: +[0-9]+' "$logs/dotnet.txt") + $(count '^# pass [0-9]+' "$logs/e2e.txt") ))
failed=$(( $(count 'Failed: +[0-9]+' "$logs/dotnet.txt") + $(count '^# fail [0-9]+' "$logs/e2e.txt") ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo
echo "total: $passed passed, $failed failed"
exit "$status"
