#!/usr/bin/env bash
# dockerles demo remote: the same docker commands as a shell script.
# Generated from demos/remote.yaml (a test keeps them equal); run it with bash.
set -e
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { docker rm -fv bewoner >/dev/null 2>&1; true; }
trap opruimen EXIT

# 1. De daemon is een HTTP-server
curl -s --unix-socket /var/run/docker.sock http://localhost/version

# 2. Een container om naar te kijken
docker run -d --name bewoner busybox sleep 300

# 3. docker ps is een GET
curl -s --unix-socket /var/run/docker.sock http://localhost/containers/json

# 4. De daemon op een TCP-poort
socat TCP-LISTEN:2375,bind=127.0.0.1,reuseaddr,fork UNIX-CONNECT:/var/run/docker.sock &
for i in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:2375/_ping && break; sleep 0.05; done

# 5. Een andere daemon aanspreken
docker -H tcp://127.0.0.1:2375 ps

# 6. Waarom een open poort root is
docker -H tcp://127.0.0.1:2375 run --rm -v /:/host:ro busybox ls /host

# 7. De poort weer dicht
kill $!
