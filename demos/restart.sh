#!/usr/bin/env bash
# dockerles demo restart: the same docker commands as a shell script.
# Generated from demos/restart.yaml (a test keeps them equal); run it with bash.
set -e

# 1. A process that keeps stopping
docker run -d --restart=always --name crashingbackgroundprocess busybox sh -c 'echo foo && sleep 2'

# 2. What did it say?
docker logs --tail 5 crashingbackgroundprocess

# 3. Watch Docker restart it
timeout 60 docker events --filter container=crashingbackgroundprocess --filter event=start --filter event=die || true

# 4. The logs grow
docker logs crashingbackgroundprocess

# 5. Stop
docker stop crashingbackgroundprocess
