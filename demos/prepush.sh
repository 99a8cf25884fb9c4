#!/usr/bin/env bash
# dockerles demo prepush: the same docker commands as a shell script.
# Generated from demos/prepush.yaml (a test keeps them equal); run it with bash.
set -e
workdir=$(mktemp -d)
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { rm -rf "$workdir"; true; }
trap opruimen EXIT

# 1. De tests in een container
mkdir -p "$workdir/project"
cat > "$workdir/project/rekenen.sh" <<'DOCKERLES_EOF'
# Telt twee getallen op.
optellen() {
  echo $(( $1 + $2 ))
}
DOCKERLES_EOF
mkdir -p "$workdir/project"
cat > "$workdir/project/test.sh" <<'DOCKERLES_EOF'
# De tests van het project. Exitcode 0: alles goed.
. ./rekenen.sh
fouten=0
controleer() {
  if [ "$2" = "$3" ]; then
    echo "goed: $1 = $2"
  else
    echo "FOUT: $1 gaf $2, verwacht $3"
    fouten=$((fouten + 1))
  fi
}
controleer "2 + 3" "$(optellen 2 3)" 5
controleer "10 + -4" "$(optellen 10 -4)" 6
echo "getest met $(busybox | head -n 1)"
exit $fouten
DOCKERLES_EOF
docker run --rm -v "$workdir/project":/src -w /src busybox:1.35.0 sh test.sh

# 2. Het project in git
cd "$workdir/project" && git init -q -b main && git add . && git commit -qm 'Rekenen, met tests' && git log --oneline

# 3. Een server om naar te pushen
cd "$workdir/project" && git init -q --bare ../server.git && git remote add origin ../server.git && git remote -v

# 4. De pre-push hook
mkdir -p "$workdir/project/.git/hooks"
cat > "$workdir/project/.git/hooks/pre-push" <<'DOCKERLES_EOF'
#!/bin/sh
# Vóór elke git push: de tests, in een
# container van een vast image.
echo "pre-push: tests in busybox:1.35.0"
docker run --name pre-push-tests \
  -v "$PWD":/src -w /src \
  busybox:1.35.0 sh test.sh
uitslag=$?
docker rm pre-push-tests >/dev/null
exit $uitslag
DOCKERLES_EOF
chmod +x .git/hooks/pre-push && cat .git/hooks/pre-push

# 5. Een fout, en toch pushen
mkdir -p "$workdir/project"
cat > "$workdir/project/rekenen.sh" <<'DOCKERLES_EOF'
# Telt twee getallen op.
optellen() {
  echo $(( $1 - $2 ))
}
DOCKERLES_EOF
git commit -qam 'Een tikfout in optellen' && git push origin main || true

# 6. Wat staat er op de server?
git ls-remote --heads origin

# 7. Hersteld, en nu wel
mkdir -p "$workdir/project"
cat > "$workdir/project/rekenen.sh" <<'DOCKERLES_EOF'
# Telt twee getallen op.
optellen() {
  echo $(( $1 + $2 ))
}
DOCKERLES_EOF
git commit -qam 'Tikfout hersteld' && git push origin main

# 8. En nu op de server
git ls-remote --heads origin
