#!/usr/bin/env bash
# dockerles demo lifecycle: the same docker commands as a shell script.
# Generated from demos/lifecycle.yaml (a test keeps them equal); run it with bash.
set -e
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { docker rm -fv demo zonderinit metinit >/dev/null 2>&1; true; }
trap opruimen EXIT

# 1. Een container starten
{ sleep 0.3; printf '%s\n' 'ps ax'; sleep 0.3; printf '\020\021'; } | script -qfec 'docker run -it --name demo busybox sh' /dev/null

# 2. Wat draait er?
docker ps

# 3. Stoppen (en wachten)
docker stop demo

# 4. Een sleep als PID 1
docker run -d --name zonderinit busybox sleep 300

# 5. sleep stoppen
docker stop zonderinit

# 6. Met --init
docker run -d --init --name metinit busybox sleep 300

# 7. Snel gestopt
docker stop metinit

# 8. Weg?
docker ps

# 9. Ook gestopte containers
docker ps -a

# 10. Opruimen
docker rm -v demo zonderinit metinit
