#!/usr/bin/env bash
# dockerles demo distributie: the same docker commands as a shell script.
# Generated from demos/distributie.yaml (a test keeps them equal); run it with bash.
set -e
workdir=$(mktemp -d)
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { docker rm -fv registry werkplek >/dev/null 2>&1; docker rmi 127.0.0.1:5001/les/hallo:1.0 les/hallo >/dev/null 2>&1; docker images --digests --format '{{.Repository}}@{{.Digest}}' 127.0.0.1:5001/les/hallo | xargs -r docker rmi >/dev/null 2>&1; rm -rf "$workdir"; true; }
trap opruimen EXIT

# 1. Een registry op deze laptop
docker run -d --name registry -p 127.0.0.1:5001:5000 registry:2

# 2. Wat staat erin?
curl -si --retry 20 --retry-all-errors http://127.0.0.1:5001/v2/_catalog

# 3. Een image om te delen
cat > "$workdir/Dockerfile" <<'DOCKERLES_EOF'
FROM busybox:latest
COPY hallo.txt /hallo.txt
DOCKERLES_EOF
cat > "$workdir/hallo.txt" <<'DOCKERLES_EOF'
Hallo van de eerste versie.
DOCKERLES_EOF
docker build -t les/hallo $workdir

# 4. Een naam met de registry erin
docker tag les/hallo 127.0.0.1:5001/les/hallo:1.0

# 5. Naar de registry
uitvoer=$(docker push 127.0.0.1:5001/les/hallo:1.0); printf '%s\n' "$uitvoer"
push1_digest=$(printf '%s\n' "$uitvoer" | sed -nE 's#.*digest: (sha256:[0-9a-f]{64}).*#\1#p' | head -n 1)

# 6. Werk in een container
docker run --name werkplek 127.0.0.1:5001/les/hallo:1.0 sh -c 'date > /notitie.txt'

# 7. Nog een keer pushen
docker push 127.0.0.1:5001/les/hallo:1.0

# 8. Het werk vastleggen
docker commit werkplek 127.0.0.1:5001/les/hallo:1.0

# 9. Dezelfde tag, een andere digest
docker push 127.0.0.1:5001/les/hallo:1.0

# 10. Weg van deze laptop
docker rmi 127.0.0.1:5001/les/hallo:1.0

# 11. Ophalen met de tag
docker pull 127.0.0.1:5001/les/hallo:1.0

# 12. Waar de digest bewaard wordt
docker image inspect -f '{{json .RepoDigests}}' 127.0.0.1:5001/les/hallo:1.0

# 13. Ophalen met de digest
docker pull 127.0.0.1:5001/les/hallo@$push1_digest

# 14. Zit de notitie erin?
docker run --rm 127.0.0.1:5001/les/hallo@$push1_digest ls /

# 15. Zonder registry: een bestand
docker save -o $workdir/hallo.tar les/hallo

# 16. En weer inladen
docker load -i $workdir/hallo.tar
