package dev.vpnd.server.dialect.aliyun;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local names Alibaba Cloud VPC's DescribeRegions gives its public regions. Which regions
 * vpnd serves is the region table's to say (docs/dialects/aliyun.md, "Regions"); a region it gives
 * Alibaba under a name not listed here is shown with that name as its local name.
 */
final class AliyunRegions {
    static final Map<String, String> LOCAL_NAMES = names();

    private AliyunRegions() {
    }

    static String localName(String regionId) {
        return LOCAL_NAMES.getOrDefault(regionId, regionId);
    }

    private static Map<String, String> names() {
        var m = new LinkedHashMap<String, String>();
        m.put("cn-qingdao", "China (Qingdao)");
        m.put("cn-beijing", "China (Beijing)");
        m.put("cn-zhangjiakou", "China (Zhangjiakou)");
        m.put("cn-huhehaote", "China (Hohhot)");
        m.put("cn-wulanchabu", "China (Ulanqab)");
        m.put("cn-hangzhou", "China (Hangzhou)");
        m.put("cn-shanghai", "China (Shanghai)");
        m.put("cn-nanjing", "China (Nanjing - Local Region)");
        m.put("cn-fuzhou", "China (Fuzhou - Local Region)");
        m.put("cn-shenzhen", "China (Shenzhen)");
        m.put("cn-heyuan", "China (Heyuan)");
        m.put("cn-guangzhou", "China (Guangzhou)");
        m.put("cn-chengdu", "China (Chengdu)");
        m.put("cn-hongkong", "China (Hong Kong)");
        m.put("ap-northeast-1", "Japan (Tokyo)");
        m.put("ap-northeast-2", "South Korea (Seoul)");
        m.put("ap-southeast-1", "Singapore");
        m.put("ap-southeast-3", "Malaysia (Kuala Lumpur)");
        m.put("ap-southeast-5", "Indonesia (Jakarta)");
        m.put("ap-southeast-6", "Philippines (Manila)");
        m.put("ap-southeast-7", "Thailand (Bangkok)");
        m.put("us-east-1", "US (Virginia)");
        m.put("us-west-1", "US (Silicon Valley)");
        m.put("eu-west-1", "UK (London)");
        m.put("eu-central-1", "Germany (Frankfurt)");
        m.put("me-east-1", "UAE (Dubai)");
        m.put("me-central-1", "SAU (Riyadh - Partner Region)");
        return Collections.unmodifiableMap(m);
    }
}
