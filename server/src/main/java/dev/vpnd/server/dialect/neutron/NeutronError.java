package dev.vpnd.server.dialect.neutron;

import dev.vpnd.server.dialect.WireError;
import dev.vpnd.server.dialect.WireFault;
import java.util.Map;

/**
 * Every error the Neutron dialect answers: the exception type Neutron names in
 * {@code NeutronError.type}, the status its fault map gives it, and its message, a format whose
 * {@code %s} are filled in order (neutron-lib's, neutron's and neutron-vpnaas's messages, and
 * webob's for the API layer). The attribute validators' reasons (Checks) are the arguments of
 * {@link #INVALID_ATTRIBUTE} and {@link #INVALID_INPUT}. The type is the {@link WireError#code}, the
 * one the metrics count an answer under.
 */
enum NeutronError implements WireError {
    /** keystonemiddleware's, for a missing, unknown or expired token; rendered in its own form. */
    UNAUTHORIZED(401, "Unauthorized", "The request you have made requires authentication."),

    // The API layer (neutron/api/v2/base.py, webob).
    HTTP_BAD_REQUEST(400, "HTTPBadRequest", "%s"),
    BODY_REQUIRED(400, "HTTPBadRequest", "Resource body required"),
    BULK_NOT_SUPPORTED(400, "HTTPBadRequest", "Bulk operation not supported"),
    RESOURCES_REQUIRED(400, "HTTPBadRequest", "Resources required"),
    BODY_INVALID(400, "HTTPBadRequest", "Body contains invalid data"),
    MEMBER_NOT_IN_BODY(400, "HTTPBadRequest", "Unable to find '%s' in request body"),
    NOT_ALLOWED_IN_POST(400, "HTTPBadRequest", "Attribute '%s' not allowed in POST"),
    REQUIRED_ATTRIBUTE(400, "HTTPBadRequest", "Failed to parse request. Required attribute '%s' not specified"),
    OTHER_PROJECT(400, "HTTPBadRequest", "Specifying 'project_id' or 'tenant_id' other than the authenticated "
            + "project in request requires admin or advsvc privileges"),
    READ_ONLY_ATTRIBUTE(400, "HTTPBadRequest", "Cannot update read-only attribute %s"),
    UNRECOGNIZED_ATTRIBUTES(400, "HTTPBadRequest", "Unrecognized attribute(s) '%s'"),
    INVALID_ATTRIBUTE(400, "HTTPBadRequest", "Invalid input for %s. Reason: %s."),
    SORT_KEYS_AND_DIRS(400, "HTTPBadRequest", "The number of sort_keys and sort_dirs must be same"),
    INVALID_SORT_KEYS(400, "HTTPBadRequest", "%s is invalid attribute for sort_keys"),
    INVALID_SORT_DIRS(400, "HTTPBadRequest", "%s is invalid value for sort_dirs, valid value is 'asc' and 'desc'"),
    BAD_ESCAPE(400, "HTTPBadRequest", "Invalid query string: '%%' must be followed by two hexadecimal digits"),
    NOT_UTF8(400, "HTTPBadRequest", "Invalid query string: bytes are not UTF-8"),
    INVALID_INPUT(400, "InvalidInput", "Invalid input for operation: %s."),
    BAD_LIMIT(400, "BadRequest", "Bad limit request: Limit must be an integer 0 or greater and not '%s'."),
    MALFORMED_REQUEST_BODY(400, "MalformedRequestBody", "Malformed request body: Cannot understand JSON."),
    POLICY_NOT_AUTHORIZED(403, "PolicyNotAuthorized", "%s is disallowed by policy"),
    HTTP_NOT_FOUND(404, "HTTPNotFound", "The resource could not be found."),
    HTTP_METHOD_NOT_ALLOWED(405, "HTTPMethodNotAllowed",
            "The server could not comply with the request since it is either malformed or otherwise incorrect."),
    INTERNAL_SERVER_ERROR(500, "HTTPInternalServerError",
            "Request Failed: internal server error while processing your request."),
    SERVICE_UNAVAILABLE(503, "ServiceUnavailable", "The service is busy or stopping; retry shortly."),
    /** vpnd's own: a project must exist before an admin may create in it. */
    PROJECT_NOT_FOUND(400, "ProjectNotFound", "Project %s could not be found."),
    EXTENSION_NOT_FOUND(404, "ExtensionNotFound", "Extension with alias %s does not exist"),

    // A missing resource of each kind.
    NETWORK_NOT_FOUND(404, "NetworkNotFound", "Network %s could not be found."),
    SUBNET_NOT_FOUND(404, "SubnetNotFound", "Subnet %s could not be found."),
    ROUTER_NOT_FOUND(404, "RouterNotFound", "Router %s could not be found"),
    PORT_NOT_FOUND(404, "PortNotFound", "Port %s could not be found."),
    IKE_POLICY_NOT_FOUND(404, "IKEPolicyNotFound", "IKEPolicy %s could not be found"),
    IPSEC_POLICY_NOT_FOUND(404, "IPsecPolicyNotFound", "IPsecPolicy %s could not be found"),
    VPN_SERVICE_NOT_FOUND(404, "VPNServiceNotFound", "VPNService %s could not be found"),
    ENDPOINT_GROUP_NOT_FOUND(404, "VPNEndpointGroupNotFound", "Endpoint group %s could not be found"),
    SITE_CONNECTION_NOT_FOUND(404, "IPsecSiteConnectionNotFound", "ipsec_site_connection %s not found"),

    // Networks, subnets, routers and ports (neutron).
    NETWORK_IN_USE(409, "NetworkInUse",
            "Unable to complete operation on network %s. There are one or more ports still in use on the network."),
    SUBNET_IN_USE(409, "SubnetInUse",
            "Unable to complete operation on subnet %s: One or more ports have an IP allocation from this subnet."),
    CIDR_VERSION_MISMATCH(400, "InvalidInput", "Invalid input for operation: Cidr %s does not match ip_version %s."),
    SUBNET_OVERLAP(400, "InvalidInput",
            "Invalid input for operation: Requested subnet with cidr: %s for network: %s overlaps with another "
                    + "subnet."),
    ROUTER_IN_USE(409, "RouterInUse", "Router %s still has ports"),
    BAD_ROUTER_REQUEST(400, "BadRequest", "Bad router request: %s"),
    ROUTER_INTERFACE_NOT_FOUND_FOR_SUBNET(404, "RouterInterfaceNotFoundForSubnet",
            "Router %s has no interface on subnet %s"),
    IP_ADDRESS_GENERATION_FAILURE(409, "IpAddressGenerationFailure", "No more IP addresses available on network %s."),

    // VPNaaS (neutron-lib's vpn exceptions, neutron-vpnaas's validator).
    ROUTER_IN_USE_BY_VPN_SERVICE(409, "RouterInUseByVPNService", "Router %s is used by VPNService %s"),
    SUBNET_IN_USE_BY_VPN_SERVICE(409, "SubnetInUseByVPNService", "Subnet %s is used by VPNService %s"),
    ROUTER_IS_NOT_EXTERNAL(400, "RouterIsNotExternal", "Router %s has no external network gateway set"),
    SUBNET_IS_NOT_CONNECTED_TO_ROUTER(400, "SubnetIsNotConnectedToRouter", "Subnet %s is not connected to Router %s"),
    VPN_SERVICE_IN_USE(409, "VPNServiceInUse", "VPNService %s is still in use"),
    VPN_STATE_INVALID_TO_UPDATE(400, "VPNStateInvalidToUpdate", "Invalid state %s of vpnaas resource %s for updating"),
    IKE_POLICY_IN_USE(409, "IKEPolicyInUse",
            "IKEPolicy %s is in use by existing IPsecSiteConnection and can't be updated or deleted"),
    IPSEC_POLICY_IN_USE(409, "IPsecPolicyInUse",
            "IPsecPolicy %s is in use by existing IPsecSiteConnection and can't be updated or deleted"),
    ENDPOINT_GROUP_IN_USE(400, "EndpointGroupInUse", "Endpoint group %s is in use and cannot be deleted"),
    MISSING_ENDPOINT_FOR_ENDPOINT_GROUP(400, "MissingEndpointForEndpointGroup",
            "No endpoints specified for endpoint group '%s'"),
    NON_EXISTING_SUBNET_IN_ENDPOINT_GROUP(400, "NonExistingSubnetInEndpointGroup",
            "Subnet %s in endpoint group does not exist"),
    INVALID_ENDPOINT_IN_ENDPOINT_GROUP(400, "InvalidEndpointInEndpointGroup",
            "Endpoint '%s' is invalid for group type '%s': %s"),
    MISSING_PEER_CIDRS(400, "MissingPeerCidrs", "Missing peer CIDRs for IPsec site-to-site connection"),
    /** The groups ("local", "peer" or both, with the plural's "s") and why none may be given. */
    INVALID_ENDPOINT_GROUP(400, "InvalidEndpointGroup", "Endpoint group%s %s cannot be specified, when %s"),
    PEER_CIDRS_INVALID(400, "PeerCidrsInvalid", "Peer CIDRs cannot be specified, when using endpoint groups"),
    MISSING_REQUIRED_ENDPOINT_GROUP(400, "MissingRequiredEndpointGroup",
            "Missing endpoint group%s %s for IPSec site-to-site connection"),
    DPD_INTERVAL_NOT_BELOW_TIMEOUT(400, "IPsecSiteConnectionDpdIntervalValueError",
            "ipsec_site_connection dpd_timeout is equal to or less than dpd_interval"),
    MTU_TOO_SMALL(400, "IPsecSiteConnectionMtuError", "ipsec_site_connection MTU %s is too small for ipv%s"),
    EXTERNAL_NETWORK_HAS_NO_SUBNET(400, "ExternalNetworkHasNoSubnet",
            "Router's %s external network has no IPv%s subnet"),
    MIXED_IP_VERSIONS_FOR_ENDPOINTS(400, "MixedIPVersionsForIPSecEndpoints",
            "Endpoints in group %s do not have the same IP version, as required for IPSec site-to-site connection"),
    MIXED_IP_VERSIONS_FOR_PEER_CIDRS(400, "MixedIPVersionsForPeerCidrs",
            "Peer CIDRs do not have the same IP version, as required for IPSec site-to-site connection"),
    MIXED_IP_VERSIONS_FOR_CONNECTION(400, "MixedIPVersionsForIPSecConnection",
            "IP versions are not compatible between peer and local endpoints"),
    WRONG_ENDPOINT_GROUP_TYPE(400, "WrongEndpointGroupType", "Endpoint group %s type is '%s' and should be '%s'"),
    PEER_ADDRESS_NOT_RESOLVED(400, "VPNPeerAddressNotResolved", "Peer address %s cannot be resolved"),
    /** vpnd's own: a dual-tunnel connection's tunnels each have their own peer, identities and key. */
    TUNNEL_ATTRIBUTE(400, "InvalidInput", "Invalid input for operation: '%s' is each tunnel's own on dual-tunnel "
            + "connection %s, which a site connection cannot change."),

    // What only the canonical records refuse (NeutronErrors): Neutron's generic types for the fact.
    NOT_FOUND(404, "NotFound", "%s %s could not be found"),
    IN_USE(409, "InUse", "%s %s is in use"),
    ALREADY_EXISTS(409, "Conflict", "A resource with %s %s already exists"),
    CONCURRENT_CHANGE(409, "Conflict", "%s was changed by another request; retry"),
    LIMIT_EXCEEDED(409, "OverQuota", "Quota exceeded for resources: %s"),
    /** neutron-lib's OverQuota: {@code "Quota exceeded for resources: %(overs)s."}, overs a Python list. */
    OVER_QUOTA(409, "OverQuota", "Quota exceeded for resources: ['%s'].");

    private final int status;
    private final String type;
    private final String template;

    NeutronError(int status, String type, String template) {
        this.status = status;
        this.type = type;
        this.template = template;
    }

    /** The exception type, as {@code NeutronError.type} spells it. */
    @Override
    public String code() {
        return type;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String template() {
        return template;
    }

    /** The error with its template's {@code %s} filled by {@code arguments}, in order. */
    WireFault fault(Object... arguments) {
        return new WireFault(this, type, String.format(template, arguments));
    }

    /**
     * keystonemiddleware's 401: the token is missing, unknown or expired, and the answer says where
     * to get one, {@code WWW-Authenticate: Keystone uri="<Keystone's root URL>"}.
     */
    static WireFault unauthorized(String identityUrl) {
        return new WireFault(UNAUTHORIZED, UNAUTHORIZED.type, UNAUTHORIZED.template,
                Map.of("WWW-Authenticate", "Keystone uri=\"" + identityUrl + "\""));
    }
}
