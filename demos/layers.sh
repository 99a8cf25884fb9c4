#!/usr/bin/env bash
# dockerles demo layers: the same docker commands as a shell script.
# Generated from demos/layers.yaml (a test keeps them equal); run it with bash.
set -e
workdir=$(mktemp -d)
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { docker rmi dockerles-app dockerles-basis >/dev/null 2>&1; rm -rf "$workdir"; true; }
trap opruimen EXIT

# 1. Waar is een image van gemaakt?
docker history busybox

# 2. Een basis-image bouwen
mkdir -p "$workdir/basis"
cat > "$workdir/basis/Dockerfile" <<'DOCKERLES_EOF'
# De basis: wat al onze apps delen, zoals java dat was voor neo4j.
FROM busybox:latest
RUN mkdir /app && echo "gereedschap uit dockerles-basis" > /etc/basis.txt
ENV TAAL=nl
WORKDIR /app
DOCKERLES_EOF
docker build -t dockerles-basis $workdir/basis

# 3. Een app bovenop de basis
mkdir -p "$workdir/app"
cat > "$workdir/app/Dockerfile" <<'DOCKERLES_EOF'
# De app: alleen wat deze ene applicatie nodig heeft.
FROM dockerles-basis
COPY groet.sh .
CMD ["sh", "groet.sh"]
DOCKERLES_EOF
mkdir -p "$workdir/app"
cat > "$workdir/app/groet.sh" <<'DOCKERLES_EOF'
echo "Hallo uit dockerles-app (taal: $TAAL, map: $(pwd))"
cat /etc/basis.txt
DOCKERLES_EOF
docker build -t dockerles-app $workdir/app

# 4. De app draaien
docker run --rm dockerles-app

# 5. Nog een keer bouwen
docker build -t dockerles-app $workdir/app

# 6. De stapel van de app
docker history dockerles-app
