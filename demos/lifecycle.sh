#!/usr/bin/env bash
# dockerles demo lifecycle: the same docker commands as a shell script.
# Generated from demos/lifecycle.yaml (a test keeps them equal); run it with bash.
set -e

# 1. Start a container
{ sleep 0.3; printf '%s\n' 'ps ax'; sleep 0.3; printf '\020\021'; } | script -qfec 'docker run -it --name demo busybox sh' /dev/null

# 2. What is running?
docker ps

# 3. Stop (and wait)
docker stop demo

# 4. Gone?
docker ps

# 5. Stopped containers too
docker ps -a

# 6. Clean up
docker rm -v demo
