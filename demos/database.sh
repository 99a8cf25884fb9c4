#!/usr/bin/env bash
# dockerles demo database: the same docker commands as a shell script.
# Generated from demos/database.yaml (a test keeps them equal); run it with bash.
set -e
# Opruimen bij het einde, zoals dockerles doet.
opruimen() { docker rm -fv db vers bron test1 test2 >/dev/null 2>&1; docker rmi testdb:v1 testdb:valkuil >/dev/null 2>&1; true; }
trap opruimen EXIT

# 1. PostgreSQL starten
docker run -d --name db -e POSTGRES_PASSWORD=geheim postgres:15

# 2. Wachten tot hij klaar is
until docker exec db pg_isready -h 127.0.0.1 -U postgres; do sleep 0.25; done

# 3. Testdata erin
docker exec db psql -U postgres -c "CREATE TABLE klanten (id int PRIMARY KEY, naam text)" -c "INSERT INTO klanten VALUES (1, 'Ada Lovelace'), (2, 'Grace Hopper')"

# 4. Vastleggen met commit
docker commit db testdb:valkuil

# 5. Een verse container uit het nieuwe image
docker run -d --name vers testdb:valkuil

# 6. Wachten
until docker exec vers pg_isready -h 127.0.0.1 -U postgres; do sleep 0.25; done

# 7. Waar is de testdata?
docker exec vers psql -U postgres -c '\dt'

# 8. De oorzaak: een VOLUME
docker inspect -f '{{json .Config.Volumes}}' postgres:15

# 9. Opnieuw, met PGDATA
docker run -d --name bron -e POSTGRES_PASSWORD=geheim -e PGDATA=/pgdata postgres:15

# 10. Wachten
until docker exec bron pg_isready -h 127.0.0.1 -U postgres; do sleep 0.25; done

# 11. Dezelfde testdata
docker exec bron psql -U postgres -c "CREATE TABLE klanten (id int PRIMARY KEY, naam text)" -c "INSERT INTO klanten VALUES (1, 'Ada Lovelace'), (2, 'Grace Hopper')"

# 12. Netjes stoppen
docker stop bron

# 13. Vastleggen
docker commit bron testdb:v1

# 14. Test 1 start
docker run -d --name test1 testdb:v1

# 15. Wachten
until docker exec test1 pg_isready -h 127.0.0.1 -U postgres; do sleep 0.25; done

# 16. De bekende begintoestand
docker exec test1 psql -U postgres -c "SELECT * FROM klanten"

# 17. Test 1 maakt er een zooitje van
docker exec test1 psql -U postgres -c "DELETE FROM klanten WHERE id = 1" -c "SELECT * FROM klanten"

# 18. Test 2 start
docker run -d --name test2 testdb:v1

# 19. Wachten
until docker exec test2 pg_isready -h 127.0.0.1 -U postgres; do sleep 0.25; done

# 20. Weer schoon
docker exec test2 psql -U postgres -c "SELECT * FROM klanten"
