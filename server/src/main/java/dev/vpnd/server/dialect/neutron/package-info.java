/**
 * OpenStack Neutron v2.0 with the VPNaaS extension (neutron-vpnaas), as Debian's openstack and
 * neutron clients and tempest's neutron plugin use it: IKE and IPsec policies, VPN services,
 * endpoint groups and IPsec site connections, plus the networks, subnets, routers and ports they
 * stand on. Requests carry a Keystone token; the project comes from it. VPN services and site
 * connections are the project's canonical gateways and connections, whichever API made them
 * ({@code Canonical}); the rest are Neutron documents.
 */
package dev.vpnd.server.dialect.neutron;
