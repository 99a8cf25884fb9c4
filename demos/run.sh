#!/usr/bin/env bash
# dockerles demo run: the same docker commands as a shell script.
# Generated from demos/run.yaml (a test keeps them equal); run it with bash.
set -e
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { docker rm -fv eenmalig duurt_lang >/dev/null 2>&1; true; }
trap opruimen EXIT

# 1. Een shell, en Ctrl-D
{ sleep 0.3; printf '%s\n' 'echo $$'; sleep 0.3; printf '\004'; } | script -qfec 'docker run -it --name eenmalig busybox sh' /dev/null

# 2. Gestopt, niet weg
docker ps -a -f name=eenmalig

# 3. Op de achtergrond: -d
time docker run -d --name duurt_lang busybox sleep 10

# 4. Wachten met attach
docker attach duurt_lang

# 5. Allebei klaar
docker ps -a -f name=eenmalig -f name=duurt_lang
