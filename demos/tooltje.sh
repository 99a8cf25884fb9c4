#!/usr/bin/env bash
# dockerles demo tooltje: the same docker commands as a shell script.
# Generated from demos/tooltje.yaml (a test keeps them equal); run it with bash.
set -e
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { docker rm -fv tooltje >/dev/null 2>&1; true; }
trap opruimen EXIT

# 1. De tool starten
docker run -d --name tooltje --restart=unless-stopped -p 127.0.0.1:8080:8080 adminer

# 2. Speel ermee
curl -si --retry 20 --retry-all-errors http://127.0.0.1:8080/

# 3. Klaar met proberen
docker rm -f tooltje

# 4. Een andere daemon
socat TCP-LISTEN:2375,bind=127.0.0.1,reuseaddr,fork UNIX-CONNECT:/var/run/docker.sock &
for i in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:2375/_ping && break; sleep 0.05; done

# 5. De omgeving omzetten
export DOCKER_HOST=tcp://127.0.0.1:2375

# 6. Hetzelfde commando nog een keer
docker run -d --name tooltje --restart=unless-stopped -p 127.0.0.1:8080:8080 adminer

# 7. Naar de URL
curl -si --retry 20 --retry-all-errors http://127.0.0.1:8080/

# 8. Terug naar de laptop
unset DOCKER_HOST

# 9. De poort weer dicht
kill $!
