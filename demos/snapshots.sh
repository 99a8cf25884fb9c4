#!/usr/bin/env bash
# dockerles demo snapshots: the same docker commands as a shell script.
# Generated from demos/snapshots.yaml (a test keeps them equal); run it with bash.
set -e
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { docker rm -fv firstbusybox >/dev/null 2>&1; docker rmi metfoo >/dev/null 2>&1; true; }
trap opruimen EXIT

# 1. Een bestand maken
{ sleep 0.3; printf '%s\n' 'touch foo'; sleep 0.3; printf '\004'; } | script -qfec 'docker run -it --name firstbusybox busybox sh' /dev/null

# 2. Een nieuwe container
{ sleep 0.3; printf '%s\n' 'ls foo'; sleep 0.3; printf '%s\n' 'ls'; sleep 0.3; printf '\004'; } | script -qfec 'docker run -it --rm busybox sh' /dev/null

# 3. Terug naar firstbusybox
{ sleep 0.3; printf '%s\n' 'ls foo'; sleep 0.3; printf '\004'; } | script -qfec 'docker start -ai firstbusybox' /dev/null

# 4. Wat is er anders dan het image?
docker diff firstbusybox

# 5. Wie houdt die lagen bij?
docker inspect -f '{{.Driver}}' firstbusybox

# 6. Een snapshot vastleggen
docker commit firstbusybox metfoo

# 7. Een nieuwe container, nu met foo
docker run --rm metfoo ls -l /foo

# 8. Laag op laag
docker history metfoo
