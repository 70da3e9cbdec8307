#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data volume (the official image runs
# /docker-entrypoint-initdb.d/* then; it never runs again on an existing volume). Creates two login roles
# without superuser rights, each owning its own database, neither able to connect to the other's:
#   Kopij:    $KOPIJ_DB_USER owns $KOPIJ_DB_NAME
#   Keycloak: $KEYCLOAK_DB_USER owns $KEYCLOAK_DB_NAME
# The passwords come from the environment (compose passes them from the env file); nothing is hard-coded.
set -euo pipefail

: "${KOPIJ_DB_NAME:?set KOPIJ_DB_NAME}"
: "${KOPIJ_DB_USER:?set KOPIJ_DB_USER}"
: "${KOPIJ_DB_PASSWORD:?set KOPIJ_DB_PASSWORD}"
: "${KEYCLOAK_DB_NAME:?set KEYCLOAK_DB_NAME}"
: "${KEYCLOAK_DB_USER:?set KEYCLOAK_DB_USER}"
: "${KEYCLOAK_DB_PASSWORD:?set KEYCLOAK_DB_PASSWORD}"

# psql substitutes :"name" (identifier) and :'name' (literal) safely, quoting included.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
    --set=kopij_db="$KOPIJ_DB_NAME" --set=kopij_user="$KOPIJ_DB_USER" --set=kopij_password="$KOPIJ_DB_PASSWORD" \
    --set=kc_db="$KEYCLOAK_DB_NAME" --set=kc_user="$KEYCLOAK_DB_USER" --set=kc_password="$KEYCLOAK_DB_PASSWORD" \
    <<'SQL'
CREATE ROLE :"kopij_user" LOGIN PASSWORD :'kopij_password';
CREATE DATABASE :"kopij_db" OWNER :"kopij_user" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"kopij_db" FROM PUBLIC;

CREATE ROLE :"kc_user" LOGIN PASSWORD :'kc_password';
CREATE DATABASE :"kc_db" OWNER :"kc_user" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"kc_db" FROM PUBLIC;
SQL

echo "Created database $KOPIJ_DB_NAME (owner $KOPIJ_DB_USER) and $KEYCLOAK_DB_NAME (owner $KEYCLOAK_DB_USER)"
