-- The team journal's roles: run once as a PostgreSQL superuser (psql -f roles.sql).
-- axdesk_owner owns the journal's tables and brings them up to date: start one
-- desk with it (AXDESK_JOURNAL_URL=postgresql://axdesk_owner@HOST/axdesk) after
-- installing or updating axdesk. Every desk then connects as axdesk_desk, which
-- may read and write orders but never change or drop a table.
-- Set the passwords afterwards with \password axdesk_owner and \password axdesk_desk.
CREATE ROLE axdesk_owner LOGIN;
CREATE ROLE axdesk_desk LOGIN;
CREATE DATABASE axdesk OWNER axdesk_owner ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE axdesk FROM PUBLIC;
GRANT CONNECT ON DATABASE axdesk TO axdesk_desk;
