package dev.vpnd.server.dialect.tencent;

import dev.vpnd.server.dialect.WireFault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code Filters} of an API 3.0 Describe call: at most 10 filters of at most 5 values each, every
 * name one the action knows (else {@code InvalidParameter.FilterInvalidKey}); filters are ANDed,
 * the values of one filter ORed. A list of ids and {@code Filters} together is
 * {@code InvalidParameter.Coexist}.
 */
final class Api3Filters {
    static final int MAX_FILTERS = 10;
    static final int MAX_VALUES = 5;
    static final int MAX_IDS = 100;

    private Api3Filters() {
    }

    /**
     * Filter name to its values, in order given; a name given twice keeps the values both filters
     * accept, since filters are ANDed.
     *
     * @param names the names the action accepts; a name ending in {@code :} accepts any suffix (tag:key)
     */
    static Map<String, List<String>> parse(Api3Params p, String idsParam, Set<String> names) {
        if (p.has("Filters") && p.has(idsParam)) {
            throw TencentError.PARAMETERS_COEXIST.fault(idsParam + "` and `Filters");
        }
        var filters = new LinkedHashMap<String, List<String>>();
        if (!p.has("Filters")) {
            return filters;
        }
        List<Api3Params> given;
        try {
            given = p.objects("Filters", MAX_FILTERS);
        } catch (WireFault fault) {
            if (fault.error() == TencentError.VALUE_LIMIT_EXCEEDED) {
                throw fault;
            }
            throw TencentError.FILTER_NOT_DICT.fault();
        }
        for (Api3Params filter : given) {
            String name = filter.requiredText("Name");
            boolean known = names.contains(name) || names.stream()
                    .anyMatch(n -> n.endsWith(":") && name.startsWith(n) && name.length() > n.length());
            if (!known) {
                throw TencentError.FILTER_INVALID_KEY.fault(name);
            }
            List<String> values;
            try {
                values = filter.texts("Values", MAX_VALUES);
            } catch (WireFault fault) {
                if (fault.error() == TencentError.VALUE_LIMIT_EXCEEDED) {
                    throw fault;
                }
                throw TencentError.FILTER_VALUES_NOT_LIST.fault(name);
            }
            if (!filter.has("Values")) {
                throw TencentError.FILTER_VALUES_NOT_LIST.fault(name);
            }
            var earlier = filters.get(name);
            if (earlier == null) {
                filters.put(name, new ArrayList<>(values));
            } else {
                earlier.retainAll(values);
            }
        }
        return filters;
    }

    /** The ids of {@code idsParam}, at most {@link #MAX_IDS}. */
    static List<String> ids(Api3Params p, String idsParam) {
        return p.texts(idsParam, MAX_IDS);
    }
}
