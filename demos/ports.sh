#!/usr/bin/env bash
# dockerles demo ports: the same docker commands as a shell script.
# Generated from demos/ports.yaml (a test keeps them equal); run it with bash.
set -e

# 1. Start nginx, for this laptop only
docker run -d --name web -p 127.0.0.1:8080:80 nginx

# 2. Take a look
curl -si http://127.0.0.1:8080/

# 3. Another nginx, also on 80
docker run -d --name web2 -p 127.0.0.1:8081:80 nginx

# 4. That one answers too
curl -si http://127.0.0.1:8081/

# 5. Which port was it again?
docker port web
