#!/usr/bin/env bash
# Throughput of one ensemble on one JVM, in Spark's local mode and on a standalone cluster of 1
# and 2 workers on this machine, then a worker killed mid-job. Prints its figures; the same
# seed everywhere, so every summary must be identical.
#
#   spark/bench.sh [RUNS] [CHUNK]      (default 4000 runs in tasks of 250)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-4000}"; chunk="${2:-250}"
scenario="$root/scenarios/us-russia-2022.yaml"
tmp="$(mktemp -d)"
trap '"$here/cluster.sh" stop >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
cd "$root"
./detente --version >/dev/null
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  e=$(date +%s.%N); echo "$e - $s" | bc; }
rate() { echo "scale=0; $runs / $1" | bc; }
sweep=(--design points.csv -n "$runs" --chunk "$chunk" --seed 9)
printf 'consultValue\n0.02\n' >"$tmp/points.csv"
sweep[1]="$tmp/points.csv"

echo "ensemble: $runs runs of the seed scenario (one design point), tasks of $chunk runs"
s=$(t ./detente run "$scenario" -n "$runs" --seed 9 --param consultValue=0.02 -t 1 -q --no-timing --out "$tmp/one-1")
echo "  detente run, 1 thread            $(printf '%6.1f' "$s") s  $(rate "$s") runs/s"
s=$(t ./detente run "$scenario" -n "$runs" --seed 9 --param consultValue=0.02 -t 2 -q --no-timing --out "$tmp/one-2")
echo "  detente run, 2 threads           $(printf '%6.1f' "$s") s  $(rate "$s") runs/s"
s=$(t ./detente sweep "$scenario" "${sweep[@]}" --master 'local[2]' --out "$tmp/local")
echo "  sweep, local[2]                  $(printf '%6.1f' "$s") s  $(rate "$s") runs/s (JVM and Spark start included)"
cmp "$tmp/local/summaries/point-000000.json" <(sed 's/"threads" : 2/"threads" : 1/' "$tmp/one-2/summary.json")
for w in 1 2; do
  "$here/cluster.sh" start "$w" 1 >/dev/null
  s=$(t "$here/cluster.sh" submit "$scenario" "${sweep[@]}" --out "$tmp/cluster-$w")
  echo "  sweep, cluster of $w worker(s)     $(printf '%6.1f' "$s") s  $(rate "$s") runs/s (submit, executors' start included)"
  cmp "$tmp/cluster-$w/summaries/point-000000.json" "$tmp/local/summaries/point-000000.json"
  "$here/cluster.sh" stop >/dev/null
done
echo "every summary above identical to detente run's"

echo "a worker killed mid-job: 2 workers, worker 1 and its executor killed with SIGKILL"
"$here/cluster.sh" start 2 1 >/dev/null
"$here/cluster.sh" submit "$scenario" "${sweep[@]}" --out "$tmp/killed" >"$tmp/killed.log" 2>&1 &
job=$!
# wait until the executors are at work (their first tasks done), then kill worker 1
for _ in $(seq 120); do
  if grep -q "Finished task" "$here/target/spark-home/work"/*/*/stderr 2>/dev/null; then break; fi
  sleep 1
done
sleep 2
"$here/cluster.sh" kill-worker 1
wait "$job" || { cat "$tmp/killed.log" >&2; exit 1; }
cmp "$tmp/killed/summaries/point-000000.json" "$tmp/local/summaries/point-000000.json"
echo "  the job finished on the other worker; summary identical: $(grep -c . "$tmp/killed/design.csv") lines of design, $(ls "$tmp/killed/runs" | grep -c parquet) Parquet files of runs"
grep -hE "Lost executor|lost|Resubmitted|Removing executor" "$tmp/killed.log" | head -5 | sed 's/^/  spark: /'
