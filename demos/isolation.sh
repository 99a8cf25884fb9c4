#!/usr/bin/env bash
# dockerles demo isolation: the same docker commands as a shell script.
# Generated from demos/isolation.yaml (a test keeps them equal); run it with bash.
set -e
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { docker rm -fv cel >/dev/null 2>&1; true; }
trap opruimen EXIT

# 1. Van binnen
{ sleep 0.3; printf '%s\n' 'ps'; sleep 0.3; printf '%s\n' 'hostname'; sleep 0.3; printf '%s\n' 'readlink /proc/1/ns/pid'; sleep 0.3; printf '\020\021'; } | script -qfec 'docker run -it --name cel busybox sh' /dev/null

# 2. Welk nummer buiten?
docker inspect -f '{{.State.Pid}}' cel

# 3. Van buiten
ps -p $(docker inspect -f '{{.State.Pid}}' cel) -o pid,user,cmd

# 4. Welke namespaces?
ls -l /proc/self/ns /proc/$(docker inspect -f '{{.State.Pid}}' cel)/ns

# 5. PID 1 is bijzonder
docker rm -f cel
