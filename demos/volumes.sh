#!/usr/bin/env bash
# dockerles demo volumes: the same docker commands as a shell script.
# Generated from demos/volumes.yaml (a test keeps them equal); run it with bash.
set -e
workdir=$(mktemp -d)

# 1. A file through a bind mount
docker run --rm -v $workdir:/data busybox touch /data/vanroot

# 2. Whose is it?
ls -ln "$workdir"

# 3. With --user
docker run --rm --user $(id -u):$(id -g) -v $workdir:/data busybox touch /data/vanmij

# 4. And now?
ls -ln "$workdir"

# 5. An image with a VOLUME
mkdir -p "$workdir/vol"
cat > "$workdir/vol/Dockerfile" <<'DOCKERLES_EOF'
FROM busybox
VOLUME /data
DOCKERLES_EOF
docker build -t metvolume $workdir/vol

# 6. A container writes into its volume
docker run --name schrijver metvolume sh -c 'echo hallo > /data/groet'

# 7. Which volume?
volume=$(docker inspect -f '{{range .Mounts}}{{.Name}}{{end}}' schrijver); echo "$volume"

# 8. Removing without -v
docker rm schrijver

# 9. Volumes left behind
docker volume ls -qf dangling=true

# 10. Removing the volume after all
docker volume rm "$volume"

# 11. The good habit: rm -v
docker run --name netjes metvolume sh -c 'echo hallo > /data/groet'

# 12. Removing with -v
docker rm -v netjes

# 13. Nothing left behind
docker volume ls -qf dangling=true
