#!/usr/bin/env bash
# dockerles demo database: the same docker commands as a shell script.
# Generated from demos/database.yaml (a test keeps them equal); run it with bash.
set -e

# 1. Start PostgreSQL
docker run -d --name db -e POSTGRES_PASSWORD=geheim postgres

# 2. Wait until it is ready
until docker exec db pg_isready -h 127.0.0.1 -U postgres; do sleep 0.25; done

# 3. Put test data in
docker exec db psql -U postgres -c "CREATE TABLE klanten (id int PRIMARY KEY, naam text)" -c "INSERT INTO klanten VALUES (1, 'Ada Lovelace'), (2, 'Grace Hopper')"

# 4. Capture it with commit
docker commit db testdb:valkuil

# 5. A fresh container from the new image
docker run -d --name vers testdb:valkuil

# 6. Wait
until docker exec vers pg_isready -h 127.0.0.1 -U postgres; do sleep 0.25; done

# 7. Where is the test data?
docker exec vers psql -U postgres -c '\dt'

# 8. The cause: a VOLUME
docker inspect -f '{{json .Config.Volumes}}' postgres

# 9. Again, with PGDATA
docker run -d --name bron -e POSTGRES_PASSWORD=geheim -e PGDATA=/pgdata postgres

# 10. Wait
until docker exec bron pg_isready -h 127.0.0.1 -U postgres; do sleep 0.25; done

# 11. The same test data
docker exec bron psql -U postgres -c "CREATE TABLE klanten (id int PRIMARY KEY, naam text)" -c "INSERT INTO klanten VALUES (1, 'Ada Lovelace'), (2, 'Grace Hopper')"

# 12. Stop it properly
docker stop bron

# 13. Capture it
docker commit bron testdb:v1

# 14. Test 1 starts
docker run -d --name test1 testdb:v1

# 15. Wait
until docker exec test1 pg_isready -h 127.0.0.1 -U postgres; do sleep 0.25; done

# 16. The known starting state
docker exec test1 psql -U postgres -c "SELECT * FROM klanten"

# 17. Test 1 makes a mess
docker exec test1 psql -U postgres -c "DELETE FROM klanten WHERE id = 1" -c "SELECT * FROM klanten"

# 18. Test 2 starts
docker run -d --name test2 testdb:v1

# 19. Wait
until docker exec test2 pg_isready -h 127.0.0.1 -U postgres; do sleep 0.25; done

# 20. Clean again
docker exec test2 psql -U postgres -c "SELECT * FROM klanten"
