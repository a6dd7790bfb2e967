#!/bin/sh
# One database and one owner role per service, as in production (where each service has its own
# CloudNativePG cluster). Run once by the postgres image on an empty data volume.
set -eu
for service in identity teams assessments insights integrations; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="huddle_${service}" -v password="${HUDDLE_DB_PASSWORD}" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
