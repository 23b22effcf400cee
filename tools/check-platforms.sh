#!/usr/bin/env bash
# Resolves the applications' ND4J backend for every platform profile of wikiart-app-parent and
# checks that each one gets its own natives (nd4j-native, OpenBLAS, JavaCPP for that platform and
# no other). Downloads each platform's natives once (about 40-105 MB each) into ~/.m2.
# Usage: tools/check-platforms.sh [PLATFORM...]   (default: all; the README's platform table)
#        tools/check-platforms.sh cuda               (the -Pcuda set on Linux x86-64: CUDA beside the
#                                                     CPU backend; downloads about 700 MB once)
set -euo pipefail
cd "$(dirname "$0")/.."
all=(linux-x86_64 linux-arm64 linux-armhf macosx-x86_64 macosx-arm64 windows-x86_64)
wanted=("$@")
[ ${#wanted[@]} -eq 0 ] && wanted=("${all[@]}")
mvn_cmd="${MVN:-mvn}"
command -v "$mvn_cmd" >/dev/null 2>&1 || mvn_cmd="$PWD/mvnw"
failed=0
for platform in "${wanted[@]}"; do
  if [ "$platform" = cuda ]; then
    list="$(mktemp)"
    if $mvn_cmd -B -ntp -q -f wikiart-app-parent/pom.xml -Pcuda dependency:list -DoutputFile="$list" \
        -DincludeScope=runtime >"$list.log" 2>&1 \
        && grep -q 'nd4j-cuda-11.6:jar:linux-x86_64:' "$list" && grep -q 'nd4j-native:jar:linux-x86_64-onednn:' "$list"; then
      echo "cuda: resolves: nd4j-cuda-11.6 (linux-x86_64) beside nd4j-native (linux-x86_64-onednn)"
    else
      echo "cuda: does not resolve, or lacks a backend" >&2; cat "$list.log" >&2; failed=1
    fi
    rm -f "$list" "$list.log"; continue
  fi
  profiles="$platform"
  for other in "${all[@]}"; do [ "$other" != "$platform" ] && profiles="$profiles,!$other"; done
  list="$(mktemp)"
  # javacpp.platform makes ND4J's own POMs pick the same platform for their transitive natives.
  if ! $mvn_cmd -B -ntp -q -f wikiart-app-parent/pom.xml -P "$profiles" -Djavacpp.platform="$platform" \
      dependency:list -DoutputFile="$list" -DincludeScope=runtime >"$list.log" 2>&1; then
    echo "$platform: does not resolve" >&2; cat "$list.log" >&2; failed=1; continue
  fi
  natives="$(grep -oE '(nd4j-native|openblas|javacpp):jar:(linux|macosx|windows)[a-z0-9_-]*' "$list" | sort | tr '\n' ' ')"
  foreign="$(grep -oE ':jar:(linux|macosx|windows)-[a-z0-9_]+' "$list" | grep -v ":jar:$platform" || true)"
  if ! grep -qE "nd4j-native:jar:$platform(-onednn)?:" "$list" || [ -n "$foreign" ]; then
    echo "$platform: wrong natives: $natives ${foreign:+(other platforms: $foreign)}" >&2; failed=1
  else
    echo "$platform: resolves: $natives"
  fi
  rm -f "$list" "$list.log"
done
exit $failed
