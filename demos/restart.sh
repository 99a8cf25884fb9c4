#!/usr/bin/env bash
# dockerles demo restart: the same docker commands as a shell script.
# Generated from demos/restart.yaml (a test keeps them equal); run it with bash.
set -e
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { docker rm -fv crashingbackgroundprocess >/dev/null 2>&1; true; }
trap opruimen EXIT

# 1. Een proces dat steeds stopt
docker run -d --restart=always --name crashingbackgroundprocess busybox sh -c 'echo foo && sleep 2'

# 2. Wat zei hij?
docker logs --tail 5 crashingbackgroundprocess

# 3. Kijken hoe Docker herstart
timeout 60 sh -c 'until docker inspect -f "{{if and (ge .RestartCount 7) (not .State.Restarting)}}ok{{end}}" crashingbackgroundprocess | grep -q ok; do sleep 0.2; done' || true; docker inspect -f 'RestartCount {{.RestartCount}}' crashingbackgroundprocess

# 4. De logs groeien
docker logs crashingbackgroundprocess

# 5. Stoppen
docker stop crashingbackgroundprocess
