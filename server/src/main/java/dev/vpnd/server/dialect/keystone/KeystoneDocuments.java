package dev.vpnd.server.dialect.keystone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnd.core.service.IdentityService.Session;
import dev.vpnd.server.dialect.OpenStackIds;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

/** The JSON documents Keystone answers with: version discovery and the token body. */
final class KeystoneDocuments {
    /**
     * Keystone's own format; tempest parses exactly {@code %Y-%m-%dT%H:%M:%S.%fZ} (an offset such as
     * {@code +00:00} is a parse error there).
     */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String UPDATED = "2022-09-07T00:00:00Z";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeystoneDocuments() {
    }

    /** {@code GET /v3}: keystoneauth takes the token URL from the {@code self} link. */
    static ObjectNode version(String baseUrl) {
        var version = JSON.objectNode();
        version.put("id", "v3.14");
        version.put("status", "stable");
        version.put("updated", UPDATED);
        version.putArray("links").addObject().put("rel", "self").put("href", baseUrl + "/v3/");
        version.putArray("media-types").addObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.identity-v3+json");
        return version;
    }

    /** {@code GET /}: the one version, in Keystone's 300 Multiple Choices form. */
    static ObjectNode versions(String baseUrl) {
        var root = JSON.objectNode();
        root.putObject("versions").putArray("values").add(version(baseUrl));
        return root;
    }

    /**
     * The token body. The catalog lists Neutron as {@code network} (public, internal and admin, all
     * the same root URL without {@code /v2.0}, which clients append) and Keystone as {@code identity};
     * endpoints carry both {@code region} (tempest reads it) and {@code region_id}, the one region
     * Neutron serves (docs/dialects/openstack.md, "Regions").
     */
    static ObjectNode token(Session session, String identityUrl, String networkUrl, String region,
            boolean withCatalog) {
        var token = JSON.objectNode();
        token.putArray("methods").add("password");
        var user = token.putObject("user");
        domain(user.putObject("domain"));
        user.put("id", OpenStackIds.shown(session.user().id()));
        user.put("name", session.user().name());
        user.putNull("password_expires_at");
        token.putArray("audit_ids").add(auditId());
        token.put("expires_at", TIME.format(session.expiresAt()));
        token.put("issued_at", TIME.format(session.issuedAt()));
        var project = token.putObject("project");
        domain(project.putObject("domain"));
        project.put("id", OpenStackIds.shown(session.project().id()));
        project.put("name", session.project().name());
        token.put("is_domain", false);
        ArrayNode roles = token.putArray("roles");
        for (String role : session.roles()) {
            roles.addObject().put("id", stableId("role:" + role)).put("name", role);
        }
        if (withCatalog) {
            var catalog = token.putArray("catalog");
            service(catalog, "network", "neutron", networkUrl, region);
            service(catalog, "identity", "keystone", identityUrl + "/v3", region);
        }
        var root = JSON.objectNode();
        root.set("token", token);
        return root;
    }

    static ObjectNode error(KeystoneError error, String message) {
        var root = JSON.objectNode();
        root.putObject("error").put("code", error.status).put("title", error.title).put("message", message);
        return root;
    }

    static String format(Instant instant) {
        return TIME.format(instant);
    }

    private static void service(ArrayNode catalog, String type, String name, String url, String region) {
        var service = catalog.addObject();
        var endpoints = service.putArray("endpoints");
        for (String face : new String[] {"public", "internal", "admin"}) {
            endpoints.addObject().put("id", stableId(name + ":" + face)).put("interface", face)
                    .put("region_id", region).put("url", url).put("region", region);
        }
        service.put("id", stableId(name));
        service.put("type", type);
        service.put("name", name);
    }

    private static void domain(ObjectNode domain) {
        domain.put("id", AuthRequest.DEFAULT_DOMAIN_ID);
        domain.put("name", AuthRequest.DEFAULT_DOMAIN_NAME);
    }

    /** Keystone's ids are 32 hex digits; catalog and role ids stay the same across restarts and nodes. */
    private static String stableId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private static String auditId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 22);
    }
}
