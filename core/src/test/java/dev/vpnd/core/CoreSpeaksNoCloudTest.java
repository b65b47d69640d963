package dev.vpnd.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's main sources, comments included, name no cloud and use none of a cloud's words: each
 * dialect spells canonical values in its own table, and a comment that needs a cloud's name
 * belongs on that dialect's page under docs/dialects. There are no exceptions.
 */
class CoreSpeaksNoCloudTest {
    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    /** What each pattern catches, by the pattern. */
    private static final Map<Pattern, String> CLOUD_WORDS = Map.of(
            Pattern.compile("(?i)alibaba|aliyun|tencent|qcloud"), "a cloud's name",
            Pattern.compile("LTAI|AKID"), "an access-key prefix",
            Pattern.compile("\\b(cn|ap|eu|us|me|sa|na)-(north|south|east|west|central|[a-z]*(hangzhou|shanghai"
                    + "|beijing|shenzhen|guangzhou|chengdu|hongkong|qingdao|singapore|bangkok|jakarta|seoul|tokyo"
                    + "|frankfurt|siliconvalley|ashburn|toronto|saopaulo))|\\bRegionOne\\b"), "a cloud region",
            Pattern.compile("PostPaid|\\bPOSTPAY\\b|\\bPREPAY\\b|POSTPAID_BY_HOUR"), "a cloud's charge type",
            Pattern.compile("NationalStandard"), "a cloud's VPN type");

    @Test
    void coreMainSourcesUseNoCloudWord() throws IOException {
        assertThat(MAIN_SOURCES).as("run from the core module").isDirectory();
        var findings = new ArrayList<String>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MAIN_SOURCES)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("core's sources").hasSizeGreaterThan(50);
        for (Path file : files) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String where = file + ":" + (i + 1) + " ";
                cloudWords(lines.get(i)).forEach(what -> findings.add(where + what));
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void thePatternsCatchEachKindOfCloudWord() {
        for (String line : List.of("Alibaba's State", "an aliyun host", "Tencent ids", "LTAI5tDemoKey",
                "AKIDdemo", "\"cn-hangzhou\"", "ap-guangzhou-3", "\"RegionOne\"", "eu-central-1", "na-siliconvalley",
                "\"PostPaid\"", "POSTPAY", "PREPAY", "POSTPAID_BY_HOUR", "NationalStandard")) {
            assertThat(cloudWords(line)).as(line).isNotEmpty();
        }
        for (String line : List.of("ChargeType.POSTPAID", "ChargeType.PREPAID", "VpnType.SHANGMI",
                "us-ascii", "non-empty", "re-negotiation")) {
            assertThat(cloudWords(line)).as(line).isEmpty();
        }
    }

    /** What the line names, one entry per kind of cloud word found. */
    private static List<String> cloudWords(String line) {
        return CLOUD_WORDS.entrySet().stream().filter(word -> word.getKey().matcher(line).find())
                .map(word -> word.getValue() + ": " + line.strip()).toList();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
