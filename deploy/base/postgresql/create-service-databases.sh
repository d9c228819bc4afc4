#!/bin/sh
# Runs once, on an empty data volume (the postgres image's /docker-entrypoint-initdb.d; Kubernetes and
# docker-compose.yml both mount this file): one database and one login per service that owns one,
# never the superuser for a service.
set -eu
create() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v login="$1" -v password="$2" -v database="$3" <<'SQL'
CREATE ROLE :"login" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"login";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}
create users_service "$USERS_DB_PASSWORD" users
create orders_service "$ORDERS_DB_PASSWORD" orders
