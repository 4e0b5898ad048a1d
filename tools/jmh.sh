#!/usr/bin/env bash
# Builds the JMH benchmarks (src/jmh/java, Maven profile jmh: compiled with the tests, never
# packaged into detente.jar) and runs them; every argument goes to JMH.
#   tools/jmh.sh EngineBenchmark -t 2
#   tools/jmh.sh -h                      (JMH's own options)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Pjmh -DskipTests test-compile
exec java -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" \
  org.openjdk.jmh.Main "$@"
