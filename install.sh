#!/usr/bin/env bash
# Installs detente under a prefix: PREFIX/bin/detente (a launcher), PREFIX/share/detente/detente.jar,
# man pages in PREFIX/share/man/man1 and bash/zsh completion in
# PREFIX/share/bash-completion/completions/detente. Needs a JDK 17+ and Maven 3.8+.
#   ./install.sh [--prefix DIR]        (default: ~/.local)
set -euo pipefail

usage() {
  echo "usage: ./install.sh [--prefix DIR]   (default prefix: ~/.local)" >&2
  exit "${1:-2}"
}

prefix="${HOME}/.local"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) [[ $# -ge 2 && -n "$2" ]] || usage; prefix="$2"; shift 2 ;;
    --prefix=?*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) usage 0 ;;
    *) echo "install.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log="$here/build.log"
echo "install.sh: building detente.jar, man pages and shell completion with Maven" \
  "(a minute or two; longer while Maven downloads what it needs the first time)" >&2
if ! (cd "$here" && mvn -B -ntp -DskipTests package 2>&1 | tee "$log" \
    | { grep --line-buffered -E '^\[INFO\] (--- |BUILD )' || true; } >&2); then
  echo "install.sh: build failed; Maven's log is in $log" >&2
  grep -E '^\[ERROR\]' "$log" | head -n 20 >&2 || true
  exit 1
fi
rm -f "$log"

bin="$prefix/bin"
lib="$prefix/share/detente"
man1="$prefix/share/man/man1"
completions="$prefix/share/bash-completion/completions"
install -d "$bin" "$lib" "$man1" "$completions"
install -m 644 "$here/target/detente.jar" "$lib/detente.jar"
install -m 644 "$here"/target/man/man1/*.1 "$man1/"
install -m 644 "$here/target/detente_completion" "$completions/detente"
launcher="$(mktemp "$bin/.detente.XXXXXX")"
{
  echo '#!/usr/bin/env bash'
  echo '# detente launcher written by install.sh'
  printf 'exec java ${DETENTE_JAVA_OPTS:-} -jar %q "$@"\n' "$lib/detente.jar"
} >"$launcher"
chmod 755 "$launcher"
mv -f "$launcher" "$bin/detente"

echo "installed: $bin/detente, $lib/detente.jar, man pages in $man1, completion in $completions/detente"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "note: $bin is not on your PATH; add it, e.g. in ~/.bashrc: export PATH=\"$bin:\$PATH\"" ;;
esac
echo "completion: bash loads it by itself from ~/.local (bash-completion 2); otherwise, or in zsh," \
  "add to ~/.bashrc or ~/.zshrc: source \"$completions/detente\""
