# Shared helpers of the repository's scripts: install what is missing, start services on 127.0.0.1, stop them at exit.
# Sourced by .ci/test, .ci/demo, .ci/bench and .ci/run; every service started here is stopped by the EXIT trap.

MM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MM_STATE="${MM_STATE:-$MM_ROOT/.artifacts}"
MM_PIDS=()
MM_TEMP_DIRS=()
mkdir -p "$MM_STATE"

mm_log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

mm_cleanup() {
  local pid dir
  if [ -n "${MM_OWN_POLICY:-}" ]; then
    rm -f "$MM_OWN_POLICY"
  fi
  for pid in "${MM_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${MM_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  # The data of an Azurite started here goes with it: every run starts from empty storage anyway.
  for dir in "${MM_TEMP_DIRS[@]}"; do
    rm -rf "$dir"
  done
}
trap mm_cleanup EXIT

mm_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

mm_wait_port() {
  local port=$1 name=$2 seconds=${3:-60} i
  for ((i = 0; i < seconds * 10; i++)); do
    mm_listening "$port" && return 0
    sleep 0.1
  done
  mm_log "$name did not listen on 127.0.0.1:$port within ${seconds}s"
  return 1
}

mm_node_modules() {
  if [ ! -f "$MM_ROOT/node_modules/azurite/package.json" ]; then
    mm_log "Installing Node tools (Azurite, pinned in package.json)..."
    (cd "$MM_ROOT" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
}

# Azurite on 127.0.0.1:10000-10002 with its data in a fresh temporary folder, unless one already listens.
mm_start_azurite() {
  if mm_listening 10000 && mm_listening 10001 && mm_listening 10002; then
    mm_log "Azurite already listening on 127.0.0.1:10000-10002; using it."
    return 0
  fi
  mm_node_modules
  local data
  data="$(mktemp -d "${TMPDIR:-/tmp}/mailmerge-azurite.XXXXXX")"
  MM_TEMP_DIRS+=("$data")
  node "$MM_ROOT/node_modules/azurite/dist/src/azurite.js" --silent --skipApiVersionCheck --disableTelemetry --location "$data" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$MM_STATE/azurite.log" 2>&1 &
  MM_PIDS+=($!)
  mm_wait_port 10000 Azurite && mm_wait_port 10001 Azurite && mm_wait_port 10002 Azurite
  mm_log "Azurite started (data in $data, removed when it stops)."
}

# A private Azurite for the benchmark on 127.0.0.1:$1..$1+2, kept in memory (its disk persistence rewrites the
# whole table file every few seconds as tables grow, which is not what Azure Storage costs). Sets MM_BENCH_STORAGE
# (a connection string) and MM_BENCH_AZURITE_PID.
mm_start_bench_azurite() {
  local base=${1:-10100}
  mm_node_modules
  node "$MM_ROOT/node_modules/azurite/dist/src/azurite.js" --silent --skipApiVersionCheck --disableTelemetry --inMemoryPersistence \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$base" --queuePort $((base + 1)) --tablePort $((base + 2)) >"$MM_STATE/azurite-bench.log" 2>&1 &
  MM_BENCH_AZURITE_PID=$!
  MM_PIDS+=($!)
  mm_wait_port "$base" Azurite && mm_wait_port $((base + 1)) Azurite && mm_wait_port $((base + 2)) Azurite
  MM_BENCH_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$base/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$((base + 1))/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((base + 2))/devstoreaccount1;"
  mm_log "Azurite for the benchmark started in memory on 127.0.0.1:$base-$((base + 2))."
}

# smtp4dev (a real SMTP server with a web viewer) from the local tool manifest.
mm_start_smtp4dev() {
  local smtp=${1:-2525} web=${2:-5080}
  if mm_listening "$smtp"; then
    mm_log "Something already listens on 127.0.0.1:$smtp; using it as the SMTP server."
    return 0
  fi
  (cd "$MM_ROOT" && dotnet tool restore >&2)
  (cd "$MM_ROOT" && exec dotnet tool run smtp4dev -- --urls="http://127.0.0.1:$web" --smtpport="$smtp" --imapport=0 \
    --bindaddress=127.0.0.1 --db= --nousersettings --messagestokeep=2000 --pop3port=0) >"$MM_STATE/smtp4dev.log" 2>&1 &
  MM_PIDS+=($!)
  mm_wait_port "$smtp" smtp4dev && mm_wait_port "$web" "smtp4dev web"
  mm_log "smtp4dev started: SMTP 127.0.0.1:$smtp, messages at http://127.0.0.1:$web"
}

# Debian packages some tests or the benchmark need; installed when missing and we are root. Their services are
# kept from starting on install (a policy-rc.d that refuses, unless the machine has its own): the tests start what
# they need themselves, on free ports with their own configuration (dovecot-imapd would otherwise listen on 143
# and 993 as a system service).
mm_apt() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    mm_log "Missing Debian packages: ${missing[*]} (install them with apt-get as root)."
    return 1
  fi
  mm_log "Installing Debian packages: ${missing[*]}..."
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  local policy=/usr/sbin/policy-rc.d status=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\n# Written by MailMerge'"'"'s .ci/lib.sh for the time of an install: no service starts.\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    MM_OWN_POLICY=$policy
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || status=$?
  if [ "$status" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || status=$?
  fi
  if [ -n "${MM_OWN_POLICY:-}" ]; then
    rm -f "$MM_OWN_POLICY"
    MM_OWN_POLICY=""
  fi
  return "$status"
}
