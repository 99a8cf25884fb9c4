#!/usr/bin/env bash
# dockerles demo remote: the same docker commands as a shell script.
# Generated from demos/remote.yaml (a test keeps them equal); run it with bash.
set -e

# 1. The daemon is an HTTP server
curl -s --unix-socket /var/run/docker.sock http://localhost/version

# 2. A container to look at
docker run -d --name bewoner busybox sleep 300

# 3. docker ps is a GET
curl -s --unix-socket /var/run/docker.sock http://localhost/containers/json

# 4. The daemon on a TCP port
socat TCP-LISTEN:2375,bind=127.0.0.1,reuseaddr,fork UNIX-CONNECT:/var/run/docker.sock &

# 5. Talking to another daemon
docker -H tcp://127.0.0.1:2375 ps

# 6. Why an open port is root
docker -H tcp://127.0.0.1:2375 run --rm -v /:/host:ro busybox ls /host

# 7. Closing the port again
kill $!
