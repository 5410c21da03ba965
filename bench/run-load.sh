#!/usr/bin/env bash
# Builds the host and the load driver in Release, starts the host on a free loopback port with a throwaway
# data folder, waits until it answers, runs the driver (arguments are passed through) and stops the host.
# Usage: bash bench/run-load.sh [--concurrency 1,8,64] [--duration 20] [--warmup 3] [--locale en-US]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
host_project="$repo/src/IqTriageBot.Host/IqTriageBot.Host.csproj"
driver_project="$repo/bench/IqTriageBot.LoadDriver/IqTriageBot.LoadDriver.csproj"
host_dll="$repo/src/IqTriageBot.Host/bin/Release/net10.0/IqTriageBot.Host.dll"
driver_dll="$repo/bench/IqTriageBot.LoadDriver/bin/Release/net10.0/IqTriageBot.LoadDriver.dll"
lock=/tmp/iq-build.lock

for arg in "$@"; do
  if [[ "$arg" == --url || "$arg" == --url=* ]]; then
    echo "run-load.sh starts its own host and sets --url itself; run the driver dll directly to target another host." >&2
    exit 2
  fi
done

# Others build in the same tree: serialise builds on a shared lock.
flock "$lock" dotnet build -c Release --nologo -v minimal "$host_project"
flock "$lock" dotnet build -c Release --nologo -v minimal "$driver_project"

data_dir="$(mktemp -d)"
host_pid=""
cleanup() {
  local status=$?
  if [[ -n "$host_pid" ]] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$host_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
  fi
  # The host logs at Warning and above only, so anything here (SQLite busy, failed turns) is worth seeing.
  if [[ -s "$data_dir/host.log" ]]; then
    echo "--- host log (warnings and errors): $(wc -l <"$data_dir/host.log") lines, last 40 ---" >&2
    tail -n 40 "$data_dir/host.log" >&2
  fi
  rm -rf "$data_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port="${LOAD_PORT:-}"
if [[ -z "$port" ]]; then
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 20000))
    if port_free "$candidate"; then port="$candidate"; break; fi
  done
fi
[[ -n "$port" ]] || { echo "no free port found" >&2; exit 1; }
url="http://127.0.0.1:$port"

Storage__DataDirectory="$data_dir" \
Dialogs__Path="$repo/dialogs" \
DirectLine__Secret="$(openssl rand -hex 32)" \
Logging__LogLevel__Default=Warning \
ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$host_dll" --urls "$url" --contentRoot "$repo/src/IqTriageBot.Host" >"$data_dir/host.log" 2>&1 &
host_pid=$!

ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$host_pid" 2>/dev/null; then
    echo "the host exited during start-up" >&2
    exit 1
  fi
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/api/webchat/config" || true)" == 200 ]]; then
    ready=1
    break
  fi
  sleep 0.5
done
[[ -n "$ready" ]] || { echo "the host did not answer GET $url/api/webchat/config within 60 s" >&2; exit 1; }
echo "host pid $host_pid listening on $url (data in $data_dir)" >&2

set +e
dotnet "$driver_dll" --url "$url" "$@"
driver_status=$?
set -e
exit "$driver_status"
