package dev.vpnd.server.dialect.tencent;

import java.util.Map;

/**
 * The short codes Tencent's legacy API uses for regions ({@code gz} is {@code ap-guangzhou}), so
 * that both APIs see one set of resources. Which regions vpnd serves, by their API 3.0 names, is
 * the region table's to say (docs/dialects/tencent.md, "Regions").
 */
final class TencentRegions {

    static final Map<String, String> LEGACY_CODES = Map.ofEntries(
            Map.entry("gz", "ap-guangzhou"), Map.entry("sh", "ap-shanghai"), Map.entry("nj", "ap-nanjing"),
            Map.entry("bj", "ap-beijing"), Map.entry("cd", "ap-chengdu"), Map.entry("cq", "ap-chongqing"),
            Map.entry("hk", "ap-hongkong"), Map.entry("sg", "ap-singapore"), Map.entry("jkt", "ap-jakarta"),
            Map.entry("kr", "ap-seoul"), Map.entry("jp", "ap-tokyo"), Map.entry("th", "ap-bangkok"),
            Map.entry("in", "ap-mumbai"), Map.entry("tpe", "ap-taipei"), Map.entry("shjr", "ap-shanghai-fsi"),
            Map.entry("szjr", "ap-shenzhen-fsi"), Map.entry("bjjr", "ap-beijing-fsi"),
            Map.entry("usw", "na-siliconvalley"), Map.entry("use", "na-ashburn"), Map.entry("ca", "na-toronto"),
            Map.entry("sao", "sa-saopaulo"), Map.entry("de", "eu-frankfurt"), Map.entry("ru", "eu-moscow"));

    private TencentRegions() {
    }

    /** The API 3.0 name of a legacy region parameter, which may be a short code or already a name. */
    static String fromLegacy(String region) {
        return LEGACY_CODES.getOrDefault(region, region);
    }

    /** The legacy short code of a region (legacy ids such as {@code gz_vpc_12} start with it). */
    static String legacyCode(String region) {
        return LEGACY_CODES.entrySet().stream().filter(e -> e.getValue().equals(region)).map(Map.Entry::getKey)
                .findFirst().orElse(region);
    }
}
