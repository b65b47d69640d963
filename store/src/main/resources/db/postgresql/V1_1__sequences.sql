-- PostgreSQL only: insertion order (seq) from native sequences rather than the seq_counters rows,
-- which every inserting transaction would have to lock until it commits.
CREATE SEQUENCE vpcs_seq;
CREATE SEQUENCE vpn_gateways_seq;
CREATE SEQUENCE customer_gateways_seq;
CREATE SEQUENCE vpn_connections_seq;
