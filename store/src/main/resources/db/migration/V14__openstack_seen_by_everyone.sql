-- Whether every project sees a Neutron document (a shared or external network, or a subnet of one),
-- so that a list reads in SQL only what its caller may see: the caller's project's documents and
-- these, each branch from its own index in id order, the list's order. The Neutron dialect writes
-- the mark with each document; existing documents get it from their stored JSON, which is compact,
-- so an attribute appears exactly as matched here. A subnet takes its network's mark as the network
-- is now: the subnet's own "_shared" key was set when it was made and never cleared on unsharing.
ALTER TABLE openstack_resources ADD COLUMN seen_by_everyone INTEGER NOT NULL DEFAULT 0;
UPDATE openstack_resources SET seen_by_everyone = 1
    WHERE kind = 'networks' AND (attributes LIKE '%"shared":true%' OR attributes LIKE '%"router:external":true%');
UPDATE openstack_resources SET seen_by_everyone = 1
    WHERE kind = 'subnets' AND EXISTS (SELECT 1 FROM openstack_resources n
        WHERE n.kind = 'networks' AND n.seen_by_everyone = 1
          AND openstack_resources.attributes LIKE '%"network_id":"' || n.id || '"%');
CREATE INDEX openstack_resources_seen_by_everyone ON openstack_resources (kind, id) WHERE seen_by_everyone = 1;
DROP INDEX openstack_resources_by_project;
CREATE INDEX openstack_resources_by_project ON openstack_resources (account_id, kind, id);
