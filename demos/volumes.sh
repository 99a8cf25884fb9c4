#!/usr/bin/env bash
# dockerles demo volumes: the same docker commands as a shell script.
# Generated from demos/volumes.yaml (a test keeps them equal); run it with bash.
set -e
workdir=$(mktemp -d)
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { docker rm -fv schrijver netjes >/dev/null 2>&1; docker rmi metvolume >/dev/null 2>&1; rm -rf "$workdir"; true; }
trap opruimen EXIT

# 1. Een bestand via een bind mount
docker run --rm -v $workdir:/data busybox touch /data/vanroot

# 2. Van wie is het?
ls -ln "$workdir"

# 3. Met --user
docker run --rm --user $(id -u):$(id -g) -v $workdir:/data busybox touch /data/vanmij

# 4. En nu?
ls -ln "$workdir"

# 5. Een image met een VOLUME
mkdir -p "$workdir/vol"
cat > "$workdir/vol/Dockerfile" <<'DOCKERLES_EOF'
FROM busybox
VOLUME /data
DOCKERLES_EOF
docker build -t metvolume $workdir/vol

# 6. Een container schrijft in zijn volume
docker run --name schrijver metvolume sh -c 'echo hallo > /data/groet'

# 7. Welk volume?
volume=$(docker inspect -f '{{range .Mounts}}{{.Name}}{{end}}' schrijver); echo "$volume"

# 8. Opruimen zonder -v
docker rm schrijver

# 9. Achtergebleven volumes
docker volume ls -qf dangling=true

# 10. Het volume alsnog weg
docker volume rm "$volume"

# 11. De goede gewoonte: rm -v
docker run --name netjes metvolume sh -c 'echo hallo > /data/groet'

# 12. Opruimen met -v
docker rm -v netjes

# 13. Niets achtergebleven
docker volume ls -qf dangling=true
