-- Access keys and OpenStack users carry a policy (AccessPolicy): the action patterns they may call,
-- comma-separated, and for keys the only VPN gateways and connections (canonical ids) and regions
-- (region ids) their calls may touch, empty meaning any. A read-only key becomes the --read-only
-- shorthand's policy. read_only stays, set for every key whose policy is not '*', so that a node of
-- an older version sharing the database holds a limited key to reads rather than to nothing.
ALTER TABLE access_keys ADD COLUMN allow_actions TEXT NOT NULL DEFAULT '*';
ALTER TABLE access_keys ADD COLUMN allow_resources TEXT NOT NULL DEFAULT '';
ALTER TABLE access_keys ADD COLUMN allow_regions TEXT NOT NULL DEFAULT '';
UPDATE access_keys SET allow_actions = 'Describe*,List*' WHERE read_only <> 0;

ALTER TABLE openstack_users ADD COLUMN allow_actions TEXT NOT NULL DEFAULT '*';
