package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.Services;
import java.time.Instant;

/**
 * What an action runs with: the call's parameters, the authenticated caller, the services, and the
 * dialect's cache of listed connections' JSON.
 */
record RpcContext(RpcParams params, AccessKey caller, Services services, Instant now,
        ListedConnectionCache listedConnections) {

    /** The caller's account in the region the call names; every VPC action needs one. */
    Scope scope() {
        String region = params.required("RegionId");
        if (!AliyunRegions.known(region)) {
            throw AliyunError.REGION_NOT_FOUND.fault();
        }
        return new Scope(caller.accountId(), region);
    }

    /**
     * The canonical id named by a required id parameter. A text that is not an id of the type
     * names nothing, so it is answered as the type's not-found error, as the cloud does.
     */
    String requiredId(String parameter, ResourceType type) {
        String wireId = params.required(parameter);
        return AliyunIds.decode(type, wireId).orElseThrow(() -> AliyunErrors.notFound(type).fault());
    }

    /** The canonical id of an optional id filter; a malformed one matches nothing. */
    String optionalIdFilter(String parameter, ResourceType type) {
        String wireId = params.optional(parameter);
        if (wireId == null) {
            return null;
        }
        return AliyunIds.decode(type, wireId).orElse(NO_MATCH);
    }

    /** A filter value no canonical id equals, for filters naming ids that cannot exist. */
    static final String NO_MATCH = "-";
}
