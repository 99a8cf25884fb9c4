#!/usr/bin/env bash
# dockerles demo ports: the same docker commands as a shell script.
# Generated from demos/ports.yaml (a test keeps them equal); run it with bash.
set -e
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { docker rm -fv web web2 >/dev/null 2>&1; true; }
trap opruimen EXIT

# 1. nginx starten, alleen voor deze laptop
docker run -d --name web -p 127.0.0.1:8080:80 nginx

# 2. Even kijken
curl -si --retry 20 --retry-all-errors http://127.0.0.1:8080/

# 3. Nog een nginx, ook op 80
docker run -d --name web2 -p 127.0.0.1:8081:80 nginx

# 4. Ook die antwoordt
curl -si --retry 20 --retry-all-errors http://127.0.0.1:8081/

# 5. Welke poort was het ook alweer?
docker port web
