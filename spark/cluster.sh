#!/usr/bin/env bash
# A standalone Spark cluster on this machine, for detente sweep: a master and N workers started
# from the Spark jars that Maven resolved for this module (no Spark download), then stopped.
#
#   spark/cluster.sh start [WORKERS] [CORES]   master on spark://127.0.0.1:7077, N workers
#   spark/cluster.sh submit SWEEP-ARGS...      detente sweep through Spark's SparkSubmit
#   spark/cluster.sh submit-backtest ARGS...   detente backtest (its crises on the cluster)
#   spark/cluster.sh workers                   the workers' process ids (worker, executor)
#   spark/cluster.sh kill-worker I             kill worker I and its executor (kill -9)
#   spark/cluster.sh stop                      stop the workers and the master
#
# Logs and process ids are kept in spark/target/spark-home.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
home="$here/target/spark-home"
url="spark://127.0.0.1:7077"
export SPARK_LOCAL_IP=127.0.0.1
app="$here/target/detente-spark-submit.jar"
# the JVM options Spark's own launcher passes on Java 17 (JavaModuleOptions)
mapfile -t opts <"$here/jvm-options.txt"

build() {
  # built on first use, and again when detente's or the module's sources are newer than the jar
  if [[ ! -f "$app" || ! -f "$here/target/classpath.txt" || -n "$(find "$root/src/main" \
      "$root/pom.xml" "$here/src/main" "$here/pom.xml" -newer "$app" -print -quit \
      2>/dev/null)" ]]; then
    echo "cluster: building detente and its Spark module with Maven" >&2
    (cd "$root" && mvn -B -q -DskipTests install) >&2
    (cd "$here" && mvn -B -q -DskipTests package) >&2
  fi
  # a Spark home whose jars/ are Spark and its dependencies (the module's runtime class path
  # less detente and what detente-spark-submit.jar carries): what a Spark installation holds
  mkdir -p "$home/jars" "$home/conf" "$home/logs" "$home/work"
  find "$home/jars" -type l -delete
  tr ':' '\n' <"$here/target/classpath.txt" \
    | grep -vE '/(org/detente|info/picocli|org/yaml/snakeyaml|org/hipparchus|me/tongfei|org/jline)/|/jackson-dataformat-yaml/' \
    | while read -r jar; do ln -sf "$jar" "$home/jars/"; done
  # the daemons log at INFO into their files (registrations, executors launched and lost)
  sed -e 's/^rootLogger.level = warn/rootLogger.level = info/' \
    "$here/src/main/resources/log4j2.properties" >"$home/conf/log4j2.properties"
}

submit() { # main class, then its arguments: what spark-submit does (Spark's SparkSubmit, Spark
  # on the class path, the job's jar)
  local main="$1"
  shift
  build
  exec java "${opts[@]}" \
    -Dlog4j2.configurationFile="$here/src/main/resources/log4j2.properties" \
    -cp "$home/jars/*" org.apache.spark.deploy.SparkSubmit --master "$url" \
    --class "$main" --conf spark.driver.host=127.0.0.1 "$app" "$@"
}

wait_port() { # host port seconds
  for _ in $(seq "$3"); do
    if (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "cluster: nothing listens on $1:$2 after $3 s (logs in $home/logs)" >&2
  return 1
}

case "${1:-}" in
  start)
    workers="${2:-2}"; cores="${3:-1}"
    build
    export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_CONF_DIR="$home/conf"
    java "${opts[@]}" -cp "$home/conf:$home/jars/*" org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port 7077 --webui-port 8090 >"$home/logs/master.log" 2>&1 &
    echo $! >"$home/master.pid"
    wait_port 127.0.0.1 7077 60
    for i in $(seq "$workers"); do
      java "${opts[@]}" -cp "$home/conf:$home/jars/*" org.apache.spark.deploy.worker.Worker \
        --host 127.0.0.1 --cores "$cores" --memory 2g --webui-port $((8090 + i)) \
        --work-dir "$home/work" "$url" >"$home/logs/worker-$i.log" 2>&1 &
      echo $! >"$home/worker-$i.pid"
    done
    for i in $(seq "$workers"); do
      for _ in $(seq 60); do
        grep -q "Successfully registered with master" "$home/logs/worker-$i.log" && break
        sleep 1
      done
    done
    echo "cluster: master $url, $workers workers of $cores core(s)"
    ;;
  submit)
    shift
    submit org.detente.spark.SweepCommand "$@"
    ;;
  submit-backtest)
    shift
    submit org.detente.spark.BacktestOnSpark "$@"
    ;;
  workers)
    for f in "$home"/worker-*.pid; do
      [[ -f "$f" ]] || continue
      p="$(cat "$f")"
      echo "$(basename "$f" .pid) $p $(pgrep -P "$p" | tr '\n' ' ')"
    done
    ;;
  kill-worker)
    p="$(cat "$home/worker-$2.pid")"
    for c in $(pgrep -P "$p" || true); do kill -9 "$c" 2>/dev/null || true; done
    kill -9 "$p" 2>/dev/null || true
    rm -f "$home/worker-$2.pid"
    echo "cluster: worker $2 (pid $p) and its executors killed"
    ;;
  stop)
    for f in "$home"/worker-*.pid "$home/master.pid"; do
      [[ -f "$f" ]] || continue
      p="$(cat "$f")"
      for c in $(pgrep -P "$p" || true); do kill "$c" 2>/dev/null || true; done
      kill "$p" 2>/dev/null || true
      rm -f "$f"
    done
    echo "cluster: stopped"
    ;;
  *)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
