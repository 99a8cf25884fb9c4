#!/usr/bin/env bash
# dockerles demo run: the same docker commands as a shell script.
# Generated from demos/run.yaml (a test keeps them equal); run it with bash.
set -e

# 1. A shell, and Ctrl-D
{ sleep 0.3; printf '%s\n' 'echo $$'; sleep 0.3; printf '\004'; } | script -qfec 'docker run -it --name eenmalig busybox sh' /dev/null

# 2. Stopped, not gone
docker ps -a -f name=eenmalig

# 3. In the background: -d
time docker run -d --name duurt_lang busybox sleep 10

# 4. Waiting with attach
docker attach duurt_lang

# 5. Both done
docker ps -a -f name=eenmalig -f name=duurt_lang
