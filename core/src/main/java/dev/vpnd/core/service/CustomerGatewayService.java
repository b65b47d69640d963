package dev.vpnd.core.service;

import dev.vpnd.core.model.CustomerGateway;
import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.model.Scope;
import dev.vpnd.core.port.CustomerGatewayStore;
import dev.vpnd.core.port.Page;
import dev.vpnd.core.port.PageRequest;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import java.util.Optional;

public final class CustomerGatewayService {
    private final Storage storage;
    private final ServiceSettings settings;

    public CustomerGatewayService(Storage storage, ServiceSettings settings) {
        this.storage = storage;
        this.settings = settings;
    }

    public CustomerGateway create(Scope scope, String clientToken, CustomerGatewayDraft draft) {
        if (!Cidrs.isIpv4(draft.ipAddress())) {
            throw new ProblemException(new Problem.InvalidValue(Field.CUSTOMER_GATEWAY_ADDRESS, draft.ipAddress(),
                    "not an IPv4 address"));
        }
        checkText(draft);
        FreeText.checkTags(draft.tags());
        Tags.merge(List.of(), draft.tags(), ResourceType.CUSTOMER_GATEWAY);
        return storage.write(s -> {
            Quotas.lock(s, scope.accountId(), QuotaKind.CUSTOMER_GATEWAY, scope.region());
            Optional<CustomerGateway> existing = clientToken.isEmpty() ? Optional.empty()
                    : s.customerGateways().findByClientToken(scope, clientToken);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (s.customerGateways().findByIpAddress(scope, draft.ipAddress()).isPresent()) {
                throw new ProblemException(
                        new Problem.AlreadyExists(ResourceType.CUSTOMER_GATEWAY, Field.CUSTOMER_GATEWAY_ADDRESS,
                                draft.ipAddress()));
            }
            Quotas.checkRoom(s, scope.accountId(), QuotaKind.CUSTOMER_GATEWAY, scope.region(), () -> s
                    .customerGateways().list(scope, CustomerGatewayStore.Filter.any(), new PageRequest(0, 0)).total());
            var gateway = new CustomerGateway(Identifiers.newId(), s.customerGateways().nextSerial(), scope,
                    draft.name(), draft.description(), draft.ipAddress(), draft.asn(), draft.authKey(),
                    settings.clock().instant(), draft.tags(), 1);
            s.customerGateways().insert(gateway, clientToken);
            s.tags().put(scope, ResourceType.CUSTOMER_GATEWAY, gateway.id(), gateway.tags());
            return gateway;
        });
    }

    public CustomerGateway get(Scope scope, String id) {
        return storage.read(s -> s.customerGateways().find(scope, id)).orElseThrow(() -> notFound(id));
    }

    /** The resource with this serial; the NotFound problem names the serial. */
    public CustomerGateway getBySerial(Scope scope, long serial) {
        return storage.read(s -> s.customerGateways().findBySerial(scope, serial))
                .orElseThrow(() -> notFound(String.valueOf(serial)));
    }

    public Page<CustomerGateway> list(Scope scope, CustomerGatewayStore.Filter filter, PageRequest page) {
        return storage.read(s -> s.customerGateways().list(scope, filter, page));
    }

    public CustomerGateway modify(Scope scope, String id,
            java.util.function.UnaryOperator<CustomerGatewayDraft> change) {
        return storage.write(s -> {
            var current = s.customerGateways().find(scope, id).orElseThrow(() -> notFound(id));
            var draft = change.apply(CustomerGatewayDraft.of(current));
            checkText(draft);
            var updated = new CustomerGateway(id, current.serial(), scope, draft.name(), draft.description(),
                    current.ipAddress(), draft.asn(), draft.authKey(), current.createdAt(), current.tags(),
                    current.revision() + 1);
            if (!s.customerGateways().update(updated, current.revision())) {
                throw new ProblemException(new Problem.ConcurrentChange(ResourceType.CUSTOMER_GATEWAY, id));
            }
            return updated;
        });
    }

    public void delete(Scope scope, String id) {
        storage.write(s -> {
            if (s.customerGateways().find(scope, id).isEmpty()) {
                throw notFound(id);
            }
            if (s.connections().countOnCustomerGateway(scope, id) > 0) {
                throw new ProblemException(
                        new Problem.InUse(ResourceType.CUSTOMER_GATEWAY, id, ResourceType.VPN_CONNECTION));
            }
            s.tags().removeAll(ResourceType.CUSTOMER_GATEWAY, id);
            return s.customerGateways().delete(scope, id);
        });
    }

    private static void checkText(CustomerGatewayDraft draft) {
        FreeText.check(Field.CUSTOMER_GATEWAY_NAME, draft.name());
        FreeText.check(Field.CUSTOMER_GATEWAY_DESCRIPTION, draft.description());
        FreeText.check(Field.CUSTOMER_GATEWAY_AUTH_KEY, draft.authKey());
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(new Problem.NotFound(ResourceType.CUSTOMER_GATEWAY, id));
    }
}
