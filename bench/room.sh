#!/usr/bin/env bash
# Measures demo --meekijken as the presenter feels it: the time of every step (key press to the next prompt,
# read from tmux) with no page open against PAGES pages reading the event stream (curl, plus one page that
# notes when each event arrives), taken in turns; and the time from a key press to the page receiving the step.
# Talks to the daemon: run it under the shared lock. Needs tmux, curl and a built jar.
#   bench/room.sh [section]            (default: lifecycle; REPEAT=3, PAGES=30)
set -euo pipefail
cd "$(dirname "$0")/.."
section=${1:-lifecycle}
repeat=${REPEAT:-3}
pages=${PAGES:-30}
jar=$PWD/target/dockerles.jar
work=$(mktemp -d)
session=dockerles-room-bench-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

now() { date +%s%N; }
screen() { tmux capture-pane -p -J -t "$session" -S -400; }
wait_for() { # text [seconds]
  local deadline=$(( $(date +%s) + ${2:-60} ))
  while ! screen | grep -qF -- "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "not on screen: $1" >&2; screen | tail -20 >&2; return 1; }
    sleep 0.01
  done
}
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) { print "-"; exit } m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d", m }'; }

one_run() { # label open-pages
  local label=$1 open=$2 run=$3
  tmux new-session -d -s "$session" -x 120 -y 50 "java -jar $jar demo $section --meekijken; echo EXIT=\$?; sleep 600"
  wait_for "⏎ stap 1/" 60
  local url steps
  url=$(screen | grep -o 'http://127.0.0.1:[0-9]*/[a-z0-9]*/' | head -1)
  steps=$(screen | grep -o '⏎ stap 1/[0-9]*' | head -1 | cut -d/ -f2)
  if [ "$open" -gt 0 ]; then
    timeout 600 java bench/SseClock.java "$url" >"$work/clock-$run" &
    for _ in $(seq 2 "$open"); do timeout 600 curl -sN "${url}events" >/dev/null 2>&1 & done
    while [ "$(grep -c section "$work/clock-$run" 2>/dev/null || true)" -lt 1 ]; do sleep 0.05; done
  fi
  for n in $(seq 1 "$steps"); do
    local t0 t1
    t0=$(now)
    tmux send-keys -t "$session" Enter
    if [ "$n" -lt "$steps" ]; then wait_for "⏎ stap $((n + 1))/$steps" 120; else wait_for "EXIT=" 120; fi
    t1=$(now)
    echo "$label $n $(( (t1 - t0) / 1000000 )) $t0" >>"$work/steps"
  done
  tmux kill-session -t "$session"
  wait   # the pages end with the demo
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); section $section, $repeat runs each, in turns"
for run in $(seq 1 "$repeat"); do
  one_run none 0 "$run"
  one_run pages "$pages" "$run"
done

printf '\n%-6s %14s %16s\n' step "no page (ms)" "$pages pages (ms)"
steps=$(awk '{ print $2 }' "$work/steps" | sort -n | tail -1)
for n in $(seq 1 "$steps"); do
  a=$(awk -v n="$n" '$1 == "none" && $2 == n { print $3 }' "$work/steps" | median)
  b=$(awk -v n="$n" '$1 == "pages" && $2 == n { print $3 }' "$work/steps" | median)
  printf '%-6s %14s %16s\n' "$n" "$a" "$b"
done
# Key press to the page receiving that step: the first step event after each key press, in the runs with pages.
for run in $(seq 1 "$repeat"); do
  awk '$1 == "pages" { print $4 }' "$work/steps" | sed -n "$(( (run - 1) * steps + 1 )),$(( run * steps ))p" |
    while read -r key; do
      awk -v k="$key" '$2 == "step" && $1 >= k { printf "%d\n", ($1 - k) / 1000000; exit }' "$work/clock-$run"
    done
done >"$work/latency"
echo
echo "key press to the page receiving the step: median $(median <"$work/latency") ms, max $(sort -n "$work/latency" | tail -1) ms ($(wc -l <"$work/latency") steps)"
