# shellcheck shell=bash
# Shared helpers for the scripts in deploy/local. Source it; do not run it.
#
# Every script keeps its state (jars, configuration, logs, pid files, data) under one folder,
# FLOW_LOCAL_DIR, which defaults to .flow/ at the root of the repository (git-ignored).

LOCAL_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
REPO_ROOT="$(cd "$LOCAL_SCRIPTS_DIR/../.." && pwd -P)"
FLOW_LOCAL_DIR="${FLOW_LOCAL_DIR:-$REPO_ROOT/.flow}"
mkdir -p "$FLOW_LOCAL_DIR"
FLOW_LOCAL_DIR="$(cd "$FLOW_LOCAL_DIR" && pwd -P)"

# The flags Flink needs on Java 17 (see FACTS.md); the official distribution puts the same list into
# env.java.opts.all of its config.yaml.
# shellcheck disable=SC2034 # used by the scripts that source this file
FLINK_JAVA17_FLAGS=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

die() {
  echo "error: $*" >&2
  exit 1
}

info() {
  echo "$*" >&2
}

# The java executable: $JAVA_HOME/bin/java if JAVA_HOME is set, else java on the PATH.
java_cmd() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    die "java not found; install JDK 17 or set JAVA_HOME"
  fi
}

# ensure_jars NAME PROFILE: prints the folder holding the jars of one profile of deploy/local/pom.xml,
# copying them with Maven on first use (and again whenever pom.xml changes).
ensure_jars() {
  local name="$1" profile="$2"
  local dir="$FLOW_LOCAL_DIR/jars/$name"
  local stamp
  stamp="$(cksum <"$LOCAL_SCRIPTS_DIR/pom.xml")"
  if [[ -f "$dir/.pom-cksum" && "$(cat "$dir/.pom-cksum")" == "$stamp" ]]; then
    echo "$dir"
    return
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found; Maven is needed once to fetch the $name jars"
  # One fetch at a time, even when several scripts start together.
  local lock="$FLOW_LOCAL_DIR/jars/.$name.lock"
  mkdir -p "$FLOW_LOCAL_DIR/jars"
  local owner
  until mkdir "$lock" 2>/dev/null; do
    owner="$(cat "$lock/pid" 2>/dev/null || true)"
    if [[ -n "$owner" ]] && ! kill -0 "$owner" 2>/dev/null; then
      rm -rf "$lock" # left behind by a fetch that was interrupted
    else
      sleep 1
    fi
  done
  echo $$ >"$lock/pid"
  if [[ -f "$dir/.pom-cksum" && "$(cat "$dir/.pom-cksum")" == "$stamp" ]]; then
    rm -rf "$lock"
    echo "$dir"
    return
  fi
  info "Fetching the $name jars with Maven into $dir (first run only)..."
  local staging="$dir.partial" mvn_log="$FLOW_LOCAL_DIR/jars/$name-fetch.log"
  rm -rf "$staging"
  if ! (cd "$LOCAL_SCRIPTS_DIR" && mvn -B -q -Dstyle.color=never -f pom.xml -P"$profile" \
    dependency:copy-dependencies -DoutputDirectory="$staging") >"$mvn_log" 2>&1; then
    rm -rf "$lock"
    tail -n 30 "$mvn_log" >&2
    die "could not fetch the $name jars (full output: $mvn_log)"
  fi
  echo "$stamp" >"$staging/.pom-cksum"
  rm -rf "$dir"
  mv "$staging" "$dir"
  rm -f "$mvn_log"
  rm -rf "$lock"
  echo "$dir"
}

# pid_of PIDFILE MARKER: prints the pid recorded in PIDFILE if that process is alive and its command line
# contains MARKER (so a recycled pid is never mistaken for ours); prints nothing otherwise.
pid_of() {
  local pidfile="$1" marker="$2" pid
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if kill -0 "$pid" 2>/dev/null && ps -o args= -p "$pid" 2>/dev/null | grep -qF -- "$marker"; then
    echo "$pid"
  fi
}

# start_process PIDFILE OUTFILE CMD...: runs CMD in the background, detached from the terminal, with its
# output in OUTFILE, and writes its pid to PIDFILE.
start_process() {
  local pidfile="$1" outfile="$2"
  shift 2
  nohup "$@" >"$outfile" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

# stop_process NAME PIDFILE MARKER [TIMEOUT]: sends TERM to the process of PIDFILE, waits up to TIMEOUT
# seconds (default 30), then sends KILL. Removes the pid file.
stop_process() {
  local name="$1" pidfile="$2" marker="$3" timeout="${4:-30}" pid i
  pid="$(pid_of "$pidfile" "$marker")"
  if [[ -z "$pid" ]]; then
    rm -f "$pidfile"
    return 0
  fi
  info "Stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    info "$name (pid $pid) did not stop within ${timeout}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$pidfile"
}

# port_open PORT: succeeds if something accepts connections on localhost:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# http_get URL: prints the body of a GET, failing on errors.
http_get() {
  if command -v curl >/dev/null 2>&1; then
    curl -sSf --max-time 5 "$1"
  elif command -v node >/dev/null 2>&1; then
    node -e 'fetch(process.argv[1]).then(async r => { if (!r.ok) process.exit(22);
      process.stdout.write(await r.text()); }).catch(() => process.exit(7));' "$1"
  else
    die "neither curl nor node is installed; one is needed to talk to the REST API"
  fi
}

# json_number JSON KEY: prints the first number value of "KEY" in a flat JSON text.
json_number() {
  sed -n "s/.*\"$2\":\([0-9][0-9]*\).*/\1/p" <<<"$1" | head -n 1
}

# show_log_tail FILE...: prints the last lines of each existing file, to stderr.
show_log_tail() {
  local f
  for f in "$@"; do
    [[ -s "$f" ]] || continue
    echo "---- last lines of $f ----" >&2
    tail -n 25 "$f" >&2
  done
}

require_number() {
  [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 must be a positive number, got '$2'"
}
