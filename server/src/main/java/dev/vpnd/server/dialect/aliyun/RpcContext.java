package dev.vpnd.server.dialect.aliyun;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.RegionNames;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.problem.ResourceType;
import dev.vpnd.core.service.Services;
import java.time.Instant;

/**
 * What an action runs with: the call's parameters, the authenticated caller, the services, the
 * regions {@code RegionId} may name, and the dialect's cache of listed connections' JSON.
 */
record RpcContext(RpcParams params, AccessKey caller, Services services, RegionNames regions, Instant now,
        ListedConnectionCache listedConnections) {

    /**
     * The caller's account in the region the call's {@code RegionId} names, by its id in the region
     * table; every VPC action needs one. A name the table does not give Alibaba is no region.
     */
    Scope scope() {
        String region = regions.id(params.required("RegionId"))
                .orElseThrow(() -> AliyunError.REGION_NOT_FOUND.fault());
        return new Scope(caller.accountId(), region);
    }

    /** Alibaba's name of the region a resource the caller reached lives in. */
    String regionId(Scope scope) {
        return regions.name(scope.region()).orElseThrow(
                () -> new IllegalStateException("Alibaba reached a resource of region " + scope.region()));
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
