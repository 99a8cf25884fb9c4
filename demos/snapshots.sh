#!/usr/bin/env bash
# dockerles demo snapshots: the same docker commands as a shell script.
# Generated from demos/snapshots.yaml (a test keeps them equal); run it with bash.
set -e

# 1. Make a file
{ sleep 0.3; printf '%s\n' 'touch foo'; sleep 0.3; printf '\004'; } | script -qfec 'docker run -it --name firstbusybox busybox sh' /dev/null

# 2. A new container
{ sleep 0.3; printf '%s\n' 'ls foo'; sleep 0.3; printf '%s\n' 'ls'; sleep 0.3; printf '\004'; } | script -qfec 'docker run -it busybox sh' /dev/null

# 3. Back to firstbusybox
{ sleep 0.3; printf '%s\n' 'ls foo'; sleep 0.3; printf '\004'; } | script -qfec 'docker start -ai firstbusybox' /dev/null

# 4. What differs from the image?
docker diff firstbusybox

# 5. Who keeps those layers?
docker inspect -f '{{.GraphDriver.Name}}' firstbusybox

# 6. Capture a snapshot
docker commit firstbusybox metfoo

# 7. A new container, now with foo
docker run --rm metfoo ls -l /foo

# 8. Layer upon layer
docker history metfoo
