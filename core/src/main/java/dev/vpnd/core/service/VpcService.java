package dev.vpnd.core.service;

import dev.vpnd.core.model.Lifecycle;
import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Vpc;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.VpcStore;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;

public final class VpcService {
    private final Storage storage;
    private final ServiceSettings settings;

    public VpcService(Storage storage, ServiceSettings settings) {
        this.storage = storage;
        this.settings = settings;
    }

    public Vpc create(Scope scope, String clientToken, VpcDraft draft) {
        if (!Cidrs.isCidr(draft.cidrBlock())) {
            throw new ProblemException(new Problem.InvalidValue(Field.VPC_CIDR_BLOCK, draft.cidrBlock(),
                    "not a CIDR block"));
        }
        FreeText.check(Field.VPC_NAME, draft.name());
        FreeText.check(Field.VPC_DESCRIPTION, draft.description());
        FreeText.check(Field.VPC_DOMAIN_NAME, draft.domainName());
        draft.dnsServers().forEach(server -> FreeText.check(Field.VPC_DNS_SERVER, server));
        FreeText.checkTags(draft.tags());
        Tags.merge(List.of(), draft.tags(), ResourceType.VPC);
        return storage.write(s -> {
            Quotas.lock(s, scope.accountId(), QuotaKind.VPC, scope.region());
            var existing = clientToken.isEmpty() ? java.util.Optional.<Vpc>empty()
                    : s.vpcs().findByClientToken(scope, clientToken);
            if (existing.isPresent()) {
                return existing.get();
            }
            Quotas.checkRoom(s, scope.accountId(), QuotaKind.VPC, scope.region(),
                    () -> s.vpcs().list(scope, VpcStore.Filter.any(), new PageRequest(0, 0)).total());
            var now = settings.clock().instant();
            var vpc = new Vpc(Identifiers.newId(), s.vpcs().nextSerial(), scope, draft.name(), draft.description(),
                    draft.cidrBlock(), draft.enableMulticast(), draft.dnsServers(), draft.domainName(),
                    Lifecycle.provisioning(now, settings.provisioningDelay()), now, draft.tags(), 1);
            s.vpcs().insert(vpc, clientToken);
            s.tags().put(scope, ResourceType.VPC, vpc.id(), vpc.tags());
            return vpc;
        });
    }

    public Vpc get(Scope scope, String id) {
        return storage.read(s -> s.vpcs().find(scope, id))
                .orElseThrow(() -> new ProblemException(new Problem.NotFound(ResourceType.VPC, id)));
    }

    /** The resource with this serial; the NotFound problem names the serial. */
    public Vpc getBySerial(Scope scope, long serial) {
        return storage.read(s -> s.vpcs().findBySerial(scope, serial)).orElseThrow(
                () -> new ProblemException(new Problem.NotFound(ResourceType.VPC, String.valueOf(serial))));
    }

    public Page<Vpc> list(Scope scope, VpcStore.Filter filter, PageRequest page) {
        return storage.read(s -> s.vpcs().list(scope, filter, page));
    }

    public void delete(Scope scope, String id) {
        storage.write(s -> {
            if (s.vpcs().find(scope, id).isEmpty()) {
                throw new ProblemException(new Problem.NotFound(ResourceType.VPC, id));
            }
            if (s.gateways().countInVpc(scope, id) > 0) {
                throw new ProblemException(new Problem.InUse(ResourceType.VPC, id, ResourceType.VPN_GATEWAY));
            }
            s.tags().removeAll(ResourceType.VPC, id);
            return s.vpcs().delete(scope, id);
        });
    }
}
