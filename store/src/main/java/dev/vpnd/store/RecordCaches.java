package dev.vpnd.store;

import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.model.VpnConnection;
import dev.vpnd.core.model.VpnGateway;

/**
 * One {@link RecordCache} per resource table, and what tag-filtered lists keep, shared by all read
 * transactions of one storage.
 */
record RecordCaches(RecordCache<Vpc> vpcs, RecordCache<VpnGateway> gateways,
        RecordCache<CustomerGateway> customerGateways, RecordCache<VpnConnection> connections,
        TagFilterTotals tagTotals, TagSelectivities tagSelectivities) {

    static RecordCaches create() {
        return new RecordCaches(new RecordCache<>(), new RecordCache<>(), new RecordCache<>(), new RecordCache<>(),
                new TagFilterTotals(), new TagSelectivities());
    }
}
