#!/usr/bin/env bash
# Installs what the tests need when it is missing, builds once, runs every test project,
# and prints one closing line: "Tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- system packages the tests use (Debian, as root) -------------------------------------------
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
      echo "tests/run.sh: missing Debian packages ${missing[*]} and not root to install them" >&2
      exit 1
    fi
    echo "tests/run.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
# mosquitto + mosquitto-clients: the real external broker the bridge tests start and the load harness's ceiling
# (the hub itself speaks MQTT through MQTTnet, no native library); chromium: the browser the designer tests drive
# (Playwright, never a downloaded browser); fonts-noto-cjk: its Chinese glyphs.
apt_install mosquitto mosquitto-clients chromium fonts-noto-cjk ${LUOHU_TEST_PACKAGES:-}
# Node and npm build the designer's front-end (npm ci + esbuild). Checked by command: a NodeSource nodejs carries
# its own npm and conflicts with Debian's npm package.
command -v npm >/dev/null 2>&1 || apt_install nodejs npm

# --- build once --------------------------------------------------------------------------------
dotnet build Luohu.Hub.sln -c Release -nologo -clp:ErrorsOnly

# --- run every test project --------------------------------------------------------------------
results=$(mktemp -d)
status=0
passed=0; failed=0; skipped=0
for proj in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$proj" .csproj)
  echo "=== $name"
  # --blame names the test that was running should the test host die (a crash is a failure, never a pass).
  if ! dotnet test "$proj" -c Release --no-build --nologo --blame \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
        2>&1 | tee "$results/$name.log"; then
    status=1
  fi
  if grep -q 'Test Run Aborted' "$results/$name.log"; then
    echo "tests/run.sh: the test host of $name crashed (see the blame lines above); counted as a failure" >&2
    failed=$((failed + 1)); status=1
  fi
  line=$(grep -E '(Passed|Failed)!' "$results/$name.log" | tail -1 || true)
  if [[ -z "$line" ]]; then
    echo "tests/run.sh: $name printed no result line" >&2
    status=1
    continue
  fi
  p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line"); f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")
  s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if ((failed > 0 || skipped > 0)); then status=1; fi
exit $status
