#!/usr/bin/env bash
# What a presenter waits for, step by step: for each step of a section, the time from the key press to the step's
# last output line (dockerles demo <section> --auto --api, every line time-stamped as it arrives), the daemon's own
# time in that step (as --api totals it: each call until its answer ended, a stream until it closed, overlaps once)
# and so dockerles's overhead, against the same step of demos/<section>.sh run by the docker CLI; dockerles and the
# script in turns, medians of REPEAT runs.
# Also: start-up (--version, list) from the jar and from the bundle, the first screen (title and intro) of each
# section and the time to its first step, a demo's memory (RSS); per section the median ratio and overhead of its
# steps; and at the end which of issue 16's goals are met. Prints one table.
# The column "bound" is the lowest ratio any client could reach: the daemon's own time over the docker CLI's time
# for the step (a client still has to wait for the daemon). Per section it is the median of its steps' bounds, so a
# section whose bound is above 0.9 cannot meet the ratio goal, however fast dockerles gets.
#   bench/steps.sh [section ...]        REPEAT=3, STARTS=10, DOCKERLES=./dockerles (or a bundle's bin/dockerles),
#                                       BUNDLE=target/bundle/*/bin/dockerles when built (BUNDLE= to leave it out)
# Needs the daemon (run it under the shared lock), perl and bash 5.
set -euo pipefail
cd "$(dirname "$0")/.."
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(lifecycle isolation run restart ports snapshots layers distributie prepush database tooltje remote volumes)
repeat=${REPEAT:-3}
starts=${STARTS:-10}
dockerles=${DOCKERLES:-./dockerles}
bundle=${BUNDLE-$(ls target/bundle/*/bin/dockerles 2>/dev/null | head -n 1)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$dockerles" --version >/dev/null   # builds when needed, outside the measurement

# Runs a command and prefixes every line of its output (stdout and stderr) with the seconds since its start.
stamped() {
  perl -MTime::HiRes=time -e '$t0 = time; open(my $p, "-|", @ARGV) or die "$!"; $| = 1;
    while (<$p>) { printf "%.6f %s", time - $t0, $_ } close $p; exit($? >> 8)' sh -c '"$@" 2>&1' sh "$@"
}

# From a stamped run of dockerles: "step N seconds daemon-seconds" per step, "first seconds" (the first screen: the
# last line of the intro, before the first empty line after the title) and "ready seconds" (up to the first step).
# A step runs from the line before its heading (in --auto the key press comes right after it) to its last line;
# its daemon time is the sum of its API calls' durations (a long call wraps: its status may start a line).
parse_dockerles() {
  perl -ne '
    chomp; my ($t, $text) = split / /, $_, 2; push @t, $t; push @x, $text // "";
    END {
      my @head; my %n;
      for my $i (0 .. $#x) {
        if ($x[$i] =~ /── (?:Stap|Step) (\d+)\/\d+ · /) { push @head, $i; $n{$i} = $1 }
        elsif ($x[$i] =~ /── (?:Klaar|Done) /) { push @head, $i }
      }
      for my $i (1 .. $#x) { if ($x[$i] eq "" && $x[$i - 1] ne "" && $i > 2) { printf "first %.6f\n", $t[$i - 1]; last } }
      printf "ready %.6f\n", $t[$head[0] - 1];
      for my $h (0 .. $#head - 1) {
        my ($from, $to) = ($head[$h], $head[$h + 1] - 1);
        next unless exists $n{$from};
        # The daemon time of the step: the total that --api prints ("Wachten op de daemon in deze stap: N ms", streams to
        # their end, overlaps once); from a dockerles without it, the sum of the calls up to their headers.
        my $api = 0; my $all = join " ", @x[$from .. $to];
        if ($all =~ /(?:Wachten op de daemon in deze stap|Waiting for the daemon in this step): ([\d.,]+) ms/) {
          (my $ms = $1) =~ s/[.,]//g; $api = $ms / 1000;
        } else {
          for my $i ($from .. $to) { $api += $1 / 1000 if $x[$i] =~ /(?:^|\s)→ \d{3} \((\d+) ms\)$/ }
        }
        printf "step %d %.6f %.6f\n", $n{$from}, $t[$to] - $t[$from - 1], $api;
      }
    }'
}

# demos/<section>.sh with a time stamp before each step and at the end ($EPOCHREALTIME: no process per stamp).
stamped_script() {
  awk -v out="$2" '
    /^# [0-9]+\. / { n = $2; sub(/\./, "", n); print "echo \"" n " $EPOCHREALTIME\" >> " out }
    { print }
    END { print "echo \"end $EPOCHREALTIME\" >> " out }' "demos/$1.sh"
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) { print "-"; exit } m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m }'; }
seconds_of() { local t0 t1; t0=$EPOCHREALTIME; "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; t1=$EPOCHREALTIME; awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
release="$(dirname "$(readlink -f "$dockerles")")/../runtime/release"   # a bundle's own runtime
[ -f "$release" ] || release="$(dirname "$(readlink -f "$(command -v java)")")/../release"
echo "java:    $("$dockerles" --version) on $(sed -n 's/^JAVA_VERSION="\(.*\)"/Java \1/p' "$release" 2>/dev/null || echo '?') ($dockerles)"
echo "docker:  $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null || echo '?')"
echo

table="$work/table"
line() { printf '%-11s %-4s %-34s %9s %9s %9s %9s %6s %6s\n' "$@" >> "$table"; }
line section step "" dockerles daemon overhead "docker" ratio bound
for what in --version list; do
  m=$(for _ in $(seq "$starts"); do seconds_of "$dockerles" $what; done | median)
  kind=jar; [ -f "$(dirname "$(readlink -f "$dockerles")")/../runtime/release" ] && kind=bundle
  line start-up "" "$kind: dockerles $what" "$m"
  echo "$what $kind $m" >> "$work/goals"
  if [ -n "$bundle" ]; then
    m=$(for _ in $(seq "$starts"); do seconds_of "$bundle" $what; done | median)
    line start-up "" "bundle: dockerles $what" "$m"
    echo "$what bundle $m" >> "$work/goals"
  fi
done

for section in "${sections[@]}"; do
  for r in $(seq "$repeat"); do
    # dockerles and the script in turns, so that a slower moment of the machine falls on both alike.
    stamped /usr/bin/time -o "$work/rss.$section.$r" -f '%M' "$dockerles" demo "$section" --auto --api \
      > "$work/dl.$section.$r" || { echo "dockerles demo $section failed:" >&2; tail -5 "$work/dl.$section.$r" >&2; exit 1; }
    parse_dockerles < "$work/dl.$section.$r" > "$work/dlp.$section.$r"
    stamped_script "$section" "$work/cli.$section.$r" > "$work/script.sh"
    bash "$work/script.sh" > /dev/null 2>&1 || { echo "demos/$section.sh failed" >&2; exit 1; }
  done
  steps=$(awk '$1 == "step" { print $2 }' "$work/dlp.$section.1")
  first=$(cat "$work"/dlp."$section".* | awk '$1 == "first" { print $2 }' | median)
  ready=$(cat "$work"/dlp."$section".* | awk '$1 == "ready" { print $2 }' | median)
  rss=$(cat "$work"/rss."$section".* | tail -n 1 | median)
  line "$section" "" "first screen (title and intro)" "$first"
  line "$section" "" "up to step 1" "$ready"
  : > "$work/sum"
  for n in $steps; do
    title=$(sed -n "s/^# $n\. //p" "demos/$section.sh" | head -n 1 | cut -c1-34)
    tool=$(cat "$work"/dlp."$section".* | awk -v n="$n" '$1 == "step" && $2 == n { print $3 }' | median)
    daemon=$(cat "$work"/dlp."$section".* | awk -v n="$n" '$1 == "step" && $2 == n { print $4 }' | median)
    overhead=$(cat "$work"/dlp."$section".* | awk -v n="$n" '$1 == "step" && $2 == n { print $3 - $4 }' | median)
    cli=$(cat "$work"/cli."$section".* | awk -v n="$n" '
      { t[NR] = $2; k[NR] = $1 } END { for (i = 1; i < NR; i++) if (k[i] == n) print t[i + 1] - t[i] }' | median)
    ratio=$(awk -v a="$tool" -v b="$cli" 'BEGIN { if (b > 0.0005) printf "%.2f", a / b; else print "-" }')
    bound=$(awk -v a="$daemon" -v b="$cli" 'BEGIN { if (b > 0.0005) printf "%.2f", a / b; else print "-" }')
    line "$section" "$n" "$title" "$tool" "$daemon" "$overhead" "$cli" "$ratio" "$bound"
    echo "$tool $overhead $cli $ratio $bound" >> "$work/sum"
  done
  # Per section: the steps together, the median overhead and the median ratio over the steps.
  together=$(awk '{ a += $1 } END { printf "%.3f", a }' "$work/sum")
  cli_together=$(awk '{ a += $3 } END { printf "%.3f", a }' "$work/sum")
  over=$(awk '{ print $2 }' "$work/sum" | median)
  ratio=$(awk '$4 != "-" { print $4 }' "$work/sum" | median)
  bound=$(awk '$5 != "-" { print $5 }' "$work/sum" | median)
  line "$section" "all" "steps together / median per step" "$together" "" "$over" "$cli_together" "$ratio" "$bound"
  line "$section" "" "RSS (MB)" "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')"
  echo "$section $first $ratio $over $(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }') $bound" >> "$work/sections"
done
echo "seconds, medians of $repeat runs (start-up: $starts); overhead = dockerles - daemon; ratio = dockerles / docker;"
echo "bound = daemon / docker, the lowest ratio any client could reach"
cat "$table"
# Issue 16's goals: each section's median ratio <= 0.9, overhead per step <= 10 ms, first screen <= 0.2 s,
# --version from the bundle <= 0.15 s, RSS <= 100 MB.
echo
awk '
  FILENAME ~ /goals$/ { v[$1 " " $2] = $3; next }
  { n++; if ($3 != "-" && $3 > 0.9) r = r " " $1 "=" $3; if ($4 > 0.010) o = o " " $1 "=" $4 * 1000 " ms";
    if ($2 > 0.2) f = f " " $1 "=" $2; if ($5 > 100) m = m " " $1 "=" $5;
    if ($6 != "-" && $6 > 0.9) b = b " " $1 "=" $6 }
  function verdict(bad) { return bad == "" ? "met" : "NOT met:" bad }
  END {
    printf "goal: median ratio per section <= 0.9    %s\n", verdict(r)
    if (b != "") printf "      out of reach (bound > 0.9):        %s\n", b
    printf "goal: overhead per step <= 10 ms         %s\n", verdict(o)
    printf "goal: first screen <= 0.2 s              %s\n", verdict(f)
    if (("--version bundle") in v) printf "goal: --version (bundle) <= 0.15 s       %s\n", verdict(v["--version bundle"] > 0.15 ? " " v["--version bundle"] : "")
    printf "goal: RSS <= 100 MB                      %s\n", verdict(m)
  }' "$work/goals" "$work/sections"
