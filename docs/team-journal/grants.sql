-- The desks' rights in the team journal: run in the axdesk database as axdesk_owner
-- (psql -d axdesk -U axdesk_owner -f grants.sql) after the owner's first start, and
-- again after an update of axdesk that added tables.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO axdesk_desk;
-- Orders, tickets, AX statuses, cancels, notes and who-did-what: read, added and changed;
-- nothing is ever deleted by a desk except an order's search document, rebuilt on change.
GRANT SELECT, INSERT, UPDATE ON
    channel_order, order_line, ticket, ax_order, ax_status_history, ticket_cancel,
    journal_activity, order_search, product, product_option, draft
    TO axdesk_desk;
GRANT DELETE ON order_search TO axdesk_desk;
-- The agency's catalog, one per AX server: read and replaced by any desk.
GRANT SELECT, INSERT, UPDATE ON team_catalog TO axdesk_desk;
GRANT SELECT ON axdesk_schema TO axdesk_desk;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO axdesk_desk;
