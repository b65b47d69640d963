package dev.vpnd.server.dialect.aliyun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** DescribeRegions: the regions RegionId may name, in the region table's order. */
final class RegionActions {
    private RegionActions() {
    }

    static Map<String, Object> describe(RpcContext ctx) {
        var regions = new ArrayList<Map<String, Object>>();
        for (String id : ctx.regions().names()) {
            var region = new LinkedHashMap<String, Object>();
            region.put("RegionId", id);
            region.put("LocalName", AliyunRegions.localName(id));
            region.put("RegionEndpoint", "vpc." + id + ".aliyuncs.com");
            regions.add(region);
        }
        var wrapper = new LinkedHashMap<String, Object>();
        wrapper.put("Region", regions);
        var body = new LinkedHashMap<String, Object>();
        body.put("Regions", wrapper);
        return body;
    }
}
