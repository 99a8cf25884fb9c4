#!/usr/bin/env bash
# Measures what a presenter feels: start-up (--version, list) and a section's wall time with --auto against
# the same docker CLI commands in demos/<id>.sh, both in this one run. Prints medians and the ratio.
#   bench/bench.sh [section ...]      (default: lifecycle; REPEAT=3, STARTS=10)
set -euo pipefail
cd "$(dirname "$0")/.."
sections=("${@:-lifecycle}")
repeat=${REPEAT:-3}
starts=${STARTS:-10}

./dockerles --version >/dev/null   # builds when needed, outside the measurement

now() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m / 1e9 }'; }
time_of() { local t0 t1; t0=$(now); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; t1=$(now); echo $((t1 - t0)); }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "docker:  $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null || echo '?')"
echo

for what in "--version" "list"; do
  m=$(for _ in $(seq "$starts"); do time_of ./dockerles $what; done | median)
  printf 'start-up  dockerles %-10s median %s s  (%s runs)\n' "$what" "$m" "$starts"
done
echo

for section in "${sections[@]}"; do
  # Taken in turns, so that a slower moment of the machine falls on both sides alike.
  tools=() clis=()
  for _ in $(seq "$repeat"); do
    tools+=("$(time_of ./dockerles demo "$section" --auto)")
    clis+=("$(time_of bash "demos/$section.sh")")
  done
  tool=$(printf '%s\n' "${tools[@]}" | median)
  cli=$(printf '%s\n' "${clis[@]}" | median)
  rss=$( { /usr/bin/time -f '%M' ./dockerles demo "$section" --auto >/dev/null; } 2>&1 | tail -1)
  ratio=$(awk -v a="$tool" -v b="$cli" 'BEGIN { printf "%.2f", a / b }')
  printf '%-10s dockerles --auto %7s s   docker CLI script %7s s   ratio %s   RSS %d MB\n' \
    "$section" "$tool" "$cli" "$ratio" $((rss / 1024))
done
