#!/usr/bin/env bash
# Prints the home of a JDK >= 21: $JAVA_HOME if it qualifies, else the newest under
# /usr/lib/jvm or /opt, else the `java` on the PATH. Exits 1 with a message when there is none.
# Usage: export JAVA_HOME="$(scripts/find-jdk.sh)"

major_of() { # $1 = a JDK home; prints its feature version or nothing
  local release="$1/release"
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
  fi
}

candidates() {
  [ -n "${JAVA_HOME:-}" ] && echo "$JAVA_HOME"
  ls -d /usr/lib/jvm/*/ /opt/*jdk*/ /opt/java/*/ 2>/dev/null | sed 's:/$::'
  if command -v java >/dev/null 2>&1; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
  fi
}

best="" best_major=0
while read -r home; do
  [ -n "$home" ] || continue
  major="$(major_of "$home")"
  if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
    best="$home" best_major="$major"
  fi
done < <(candidates)

if [ -z "$best" ]; then
  echo "No JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm, /opt and the PATH)." >&2
  echo "Install one (e.g. Temurin 21+) or set JAVA_HOME to it." >&2
  exit 1
fi
echo "$best"
