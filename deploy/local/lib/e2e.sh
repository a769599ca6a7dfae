# shellcheck shell=bash
# The shared part of the fault tests e2e-kill-test, e2e-broker-kill-test and e2e-jobmanager-kill-test.
# Source it; do not run it.
#
# Each of them runs the same exactly-once Kafka -> Remap Fields -> Kafka flow on the standalone cluster of
# deploy/local/cluster, produces records with ids 1..N as a steady stream while it injects K faults, and
# reads the output topic back with read_committed to count the records lost and duplicated. What differs
# is the fault, which each script gives to e2e_run_faults as a function.
#
# Before sourcing, a script may set the ports (FLINK_REST_PORT, FLINK_RPC_PORT, FLINK_PROMETHEUS_PORTS,
# KAFKA_PORT, KAFKA_CONTROLLER_PORT) and FLOW_LOCAL_DIR; the defaults are those of e2e-kill-test. Then it
# calls e2e_init NAME TAG.

E2E_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_ROOT="$(cd "$E2E_HERE/../.." && pwd)"
export FLINK_REST_PORT="${FLINK_REST_PORT:-18081}"
export FLINK_RPC_PORT="${FLINK_RPC_PORT:-16123}"
export FLINK_PROMETHEUS_PORTS="${FLINK_PROMETHEUS_PORTS:-19250-19260}"
export KAFKA_PORT="${KAFKA_PORT:-19092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
export FLOW_LOCAL_DIR="${FLOW_LOCAL_DIR:-$E2E_ROOT/.flow}"
mkdir -p "$FLOW_LOCAL_DIR"
FLOW_LOCAL_DIR="$(cd "$FLOW_LOCAL_DIR" && pwd -P)"

JAR="$E2E_ROOT/flow-job/target/flow-job.jar"
REST="http://localhost:$FLINK_REST_PORT"
PRODUCER_PID=""
JOB_ID=""

log() { echo "$E2E_NAME: $*" >&2; }
fail() { echo "$E2E_NAME: FAILED: $*" >&2; exit 1; }

# e2e_init NAME TAG: NAME prefixes the messages; TAG names the work folder ($FLOW_LOCAL_DIR/TAG/RUN_ID),
# the topics (TAG-in-RUN_ID, TAG-out-RUN_ID), the consumer group and the transactional id prefix. Fails if
# a cluster or a broker already runs in FLOW_LOCAL_DIR, and stops everything it started at exit.
e2e_init() {
  E2E_NAME="$1"
  E2E_TAG="$2"
  RUN_ID="$(date +%s)"
  WORK="$FLOW_LOCAL_DIR/$E2E_TAG/$RUN_ID"
  IN_TOPIC="$E2E_TAG-in-$RUN_ID"
  OUT_TOPIC="$E2E_TAG-out-$RUN_ID"
  mkdir -p "$WORK"
  [[ -f "$JAR" ]] || fail "$JAR is missing; build it with: mvn -DskipTests package -pl flow-job -am"
  if "$E2E_HERE/cluster" status >/dev/null 2>&1; then
    fail "a cluster already runs in $FLOW_LOCAL_DIR/cluster; stop it first (deploy/local/cluster stop)"
  fi
  if "$E2E_HERE/kafka" status >/dev/null 2>&1; then
    fail "a Kafka broker already runs in $FLOW_LOCAL_DIR/kafka; stop it first (deploy/local/kafka stop)"
  fi
  trap e2e_cleanup EXIT
  trap 'exit 130' INT TERM
}

# The scripts may define e2e_stop_more, called at exit after the cluster and the broker are stopped.
e2e_cleanup() {
  local rc=$?
  [[ -n "$PRODUCER_PID" ]] && kill "$PRODUCER_PID" 2>/dev/null || true
  "$E2E_HERE/cluster" stop >/dev/null 2>&1 || true
  "$E2E_HERE/kafka" stop >/dev/null 2>&1 || true
  if declare -F e2e_stop_more >/dev/null; then e2e_stop_more || true; fi
  ((rc == 0)) || log "logs: $FLOW_LOCAL_DIR/cluster/log, $FLOW_LOCAL_DIR/kafka/log, $WORK"
  exit "$rc"
}

get() { curl -sSf --max-time 5 "$REST$1"; }
# number KEY JSON: the first numeric value of KEY in a JSON text.
number() { grep -o "\"$1\":[0-9]*" <<<"$2" | head -n 1 | cut -d: -f2; }
job_state() { get "/jobs/$JOB_ID" 2>/dev/null | grep -o '"state":"[A-Z]*"' | head -n 1 | cut -d'"' -f4; }
checkpoints() { get "/jobs/$JOB_ID/checkpoints" 2>/dev/null || echo '{}'; }
completed() { number completed "$(checkpoints)"; }
restored() { number restored "$(checkpoints)"; }

# wait_for SECONDS DESCRIPTION COMMAND...: retries COMMAND every 0.2 seconds until it succeeds.
wait_for() {
  local deadline=$((SECONDS + $1)) what="$2"
  shift 2
  until "$@"; do
    ((SECONDS < deadline)) || fail "timed out waiting for $what"
    sleep 0.2
  done
}
# running_with_more_checkpoints N: the job is RUNNING and has completed more than N checkpoints.
running_with_more_checkpoints() {
  local c
  [[ "$(job_state)" == RUNNING ]] || return 1
  c="$(completed)"
  [[ -n "$c" ]] && ((c > $1))
}

# e2e_start CLUSTER-START-OPTION...: a fresh cluster of 2 TaskManagers x 2 slots started with the given
# extra options, a Kafka broker, and the input and output topics (4 partitions each).
e2e_start() {
  log "starting Flink (2 TaskManagers x 2 slots, REST $REST) and Kafka (localhost:$KAFKA_PORT)"
  "$E2E_HERE/cluster" clean >/dev/null 2>&1 || true
  "$E2E_HERE/cluster" start --taskmanagers 2 --slots 2 "$@" >"$WORK/cluster-start.log" 2>&1 \
    || { cat "$WORK/cluster-start.log" >&2; fail "the cluster did not start"; }
  "$E2E_HERE/kafka" start >"$WORK/kafka-start.log" 2>&1 \
    || { cat "$WORK/kafka-start.log" >&2; fail "Kafka did not start"; }
  "$E2E_HERE/kafka" topic create "$IN_TOPIC" --partitions 4 >/dev/null
  "$E2E_HERE/kafka" topic create "$OUT_TOPIC" --partitions 4 >/dev/null
}

# e2e_submit TITLE DELIVERY: writes the flow (named TITLE, with the sink's delivery DELIVERY) to
# $WORK/flow.yaml (the sink's transactionTimeout is E2E_TRANSACTION_TIMEOUT, 60s by default), submits it with 'deploy/local/flink run', sets JOB_ID, and waits until the job runs and
# has completed a checkpoint.
e2e_submit() {
  cat >"$WORK/flow.yaml" <<EOF
name: $1
settings:
  parallelism: 4
  checkpointing:
    interval: 1s
    directory: file://$FLOW_LOCAL_DIR/cluster/checkpoints
  restart:
    strategy: fixed-delay
    attempts: 1000
    delay: 1s
stages:
  - name: orders
    action: Kafka Trigger
    props:
      bootstrapServers: localhost:$KAFKA_PORT
      topics: [$IN_TOPIC]
      groupId: $E2E_TAG-$RUN_ID
      startFrom: earliest
    out: [tidy]
  - name: tidy
    action: Remap Fields
    props:
      rename: {payload: body}
    out: [sink]
  - name: sink
    action: Kafka Publisher
    props:
      bootstrapServers: localhost:$KAFKA_PORT
      topic: $OUT_TOPIC
      keyField: id
      delivery: $2
      transactionalIdPrefix: $E2E_TAG-$RUN_ID
      transactionTimeout: ${E2E_TRANSACTION_TIMEOUT:-60s}
    out: []
EOF
  log "submitting the flow with deploy/local/flink run"
  "$E2E_HERE/flink" run --detached "$JAR" --flow "$WORK/flow.yaml" >"$WORK/submit.log" 2>&1 \
    || { cat "$WORK/submit.log" >&2; fail "flink run failed"; }
  JOB_ID="$(grep -o 'JobID [0-9a-f]\{32\}' "$WORK/submit.log" | head -n 1 | cut -d' ' -f2)"
  [[ -n "$JOB_ID" ]] || { cat "$WORK/submit.log" >&2; fail "no JobID in the output of flink run"; }
  log "job $JOB_ID submitted; waiting until it runs and checkpoints"
  wait_for 120 "the job to run and complete a checkpoint" running_with_more_checkpoints 0
}

# e2e_start_producer RECORDS KILLS [KAFKA-PRODUCE-OPTION...]: starts producing ids 1..RECORDS in the
# background, gated for e2e_run_faults.
#
# The producer sends ids 1..N as a steady stream (a few hundred a second, each sent at once), but never past
# the id in the file 'allowed'. e2e_run_faults moves that limit one phase (N / (KILLS+1) records) ahead at
# the start and after each recovery, and injects the fault once half of the phase has been produced. So
# each fault hits the job while records flow through it, with records past the last checkpoint in flight,
# and records keep arriving while the job recovers.
e2e_start_producer() {
  RECORDS="$1"
  KILLS="$2"
  shift 2
  PHASE=$((RECORDS / (KILLS + 1)))
  ((PHASE >= 20)) || fail "--records must be at least 20 per phase ($((20 * (KILLS + 1))))"
  echo "$PHASE" >"$WORK/allowed"
  echo 0 >"$WORK/produced"
  (
    for ((i = 1; i <= RECORDS; i++)); do
      if ((i % 10 == 1)); then
        while ((i > $(cat "$WORK/allowed"))); do sleep 0.1; done
      fi
      echo "{\"id\":$i,\"payload\":\"record $i\"}"
      if ((i % 10 == 0)); then
        echo "$i" >"$WORK/produced.tmp" && mv "$WORK/produced.tmp" "$WORK/produced"
        sleep 0.02
      fi
    done
  ) | "$E2E_HERE/kafka" produce "$IN_TOPIC" --producer-property linger.ms=5 --timeout 5 "$@" \
    >"$WORK/producer.log" 2>&1 &
  PRODUCER_PID=$!
}

produced_at_least() {
  kill -0 "$PRODUCER_PID" 2>/dev/null || fail "the producer stopped early (see $WORK/producer.log)"
  local n
  n="$(cat "$WORK/produced")"
  ((${n:-0} >= $1))
}

# e2e_run_faults FAULT: calls 'FAULT K' for K = 1..KILLS, each once half of a phase has been produced, and
# lets the producer go on by one phase after each (to the end after the last). FAULT injects the fault
# and waits until the job has recovered. If FAULT returns non-zero (the job did not recover), the
# producer is let go to the end at once, no further fault is injected, and E2E_RECOVERED is set to 0.
E2E_RECOVERED=1
e2e_run_faults() {
  local fault="$1" k start=0 limit
  for ((k = 1; k <= KILLS; k++)); do
    wait_for 300 "the producer to reach record $((start + PHASE / 2))" produced_at_least $((start + PHASE / 2))
    if ! "$fault" "$k"; then
      E2E_RECOVERED=0
      echo "$RECORDS" >"$WORK/allowed.tmp" && mv "$WORK/allowed.tmp" "$WORK/allowed"
      return 0
    fi
    start="$(cat "$WORK/produced")"
    ((k < KILLS)) && limit=$((start + PHASE)) || limit=$RECORDS
    echo "$limit" >"$WORK/allowed.tmp" && mv "$WORK/allowed.tmp" "$WORK/allowed"
  done
}

# e2e_drain: waits for the producer to finish and, if the job recovered, for two more checkpoints to
# commit the last transactions.
e2e_drain() {
  wait "$PRODUCER_PID" || fail "the producer failed (see $WORK/producer.log)"
  PRODUCER_PID=""
  ((E2E_RECOVERED)) || return 0
  local after
  after="$(completed)"
  wait_for 120 "checkpoints after the last record" running_with_more_checkpoints "$((after + 2))"
}

# e2e_read_output: reads the output topic with read_committed (only records of committed transactions)
# into $WORK/output.txt, until all ids are there or 2 minutes pass, and sets TOTAL, LOST, DUPLICATED and
# BODIES (the records whose payload was renamed to body). If the job did not recover, not all ids can
# come: it reads until two reads in a row find the same records, or 1 minute passes.
e2e_read_output() {
  count_distinct() { { grep -o '"id":[0-9]*' "$WORK/output.txt" || true; } | sort -u | wc -l; }
  local deadline=$((SECONDS + 120)) distinct previous=-1 count
  ((E2E_RECOVERED)) || deadline=$((SECONDS + 60))
  while :; do
    "$E2E_HERE/kafka" consume "$OUT_TOPIC" --from-beginning --isolation-level read_committed \
      --timeout-ms 8000 >"$WORK/output.txt" 2>"$WORK/consumer.log" || true
    count="$(count_distinct)"
    ((count >= RECORDS || SECONDS >= deadline)) && break
    ((E2E_RECOVERED == 0 && count > 0 && count == previous)) && break
    previous="$count"
  done
  TOTAL="$(grep -c '"id":' "$WORK/output.txt" || true)"
  distinct="$({ grep -o '"id":[0-9]*' "$WORK/output.txt" || true; } | cut -d: -f2 | sort -un | awk -v n="$RECORDS" '$1 >= 1 && $1 <= n' | wc -l)"
  BODIES="$(grep -c '"body":"record ' "$WORK/output.txt" || true)"
  LOST=$((RECORDS - distinct))
  DUPLICATED=$((TOTAL - $(count_distinct)))
  log "finished in ${SECONDS}s; output in $WORK/output.txt"
}

# e2e_report LINE: prints LINE (the result) and fails if a record was not remapped, lost or duplicated,
# or if the job did not recover.
e2e_report() {
  echo "$1"
  ((BODIES == TOTAL)) || fail "$((TOTAL - BODIES)) output records were not remapped (payload -> body)"
  ((LOST == 0 && DUPLICATED == 0)) || fail "records were lost or duplicated (output in $WORK/output.txt)"
  ((E2E_RECOVERED)) || fail "the job did not recover"
}
