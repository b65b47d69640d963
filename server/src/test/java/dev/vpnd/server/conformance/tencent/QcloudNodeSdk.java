package dev.vpnd.server.conformance.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpnd.server.security.KeyStyle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;

/**
 * Tencent's legacy v2 client for Node, npm {@code qcloudapi-sdk} 0.2.1, unchanged: installed with npm
 * under {@code target/} on first use, each call a small Node script ({@code qcloudapi-sdk/call.js}).
 * Without node or npm the tests that need it are skipped, unless {@code VPND_TEST_NODE_REQUIRED=1} or
 * {@code CI} is set, as on CI, where that is a failure.
 */
final class QcloudNodeSdk {
    static final String VERSION = "0.2.1";
    private static final Path HOME = Path.of("target", "qcloudapi-sdk-" + VERSION).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The SDK draws its Nonce from 0–65535, so some fifty calls to one vpnd would repeat one with a
     * few percent chance and be refused as replays. Calls get distinct nonces above that range
     * instead (the legacy Java SDK's own range reaches 2^31), passed as a parameter, which the SDK
     * lets override its own.
     */
    private static final AtomicLong NONCES = new AtomicLong(100_000);

    private final String host;

    private QcloudNodeSdk(String host) {
        this.host = host;
    }

    /** The SDK aimed at {@code host} ({@code 127.0.0.1:port}), installed if need be. */
    static QcloudNodeSdk at(String host) throws IOException, InterruptedException {
        boolean required = "1".equals(System.getenv("VPND_TEST_NODE_REQUIRED"))
                || (System.getenv("CI") != null && !System.getenv("CI").isEmpty());
        for (String tool : List.of("node", "npm")) {
            if (!runs(tool, "--version")) {
                if (required) {
                    throw new AssertionError(tool + " is required (VPND_TEST_NODE_REQUIRED or CI) but not found");
                }
                // Surefire shows a class skipped in @BeforeAll without its reason, so it is printed too.
                String reason = tool + " is not installed: the legacy v2 Node client (qcloudapi-sdk) cannot run";
                System.err.println("SKIPPED: " + reason);
                Assumptions.abort(reason);
            }
        }
        install();
        return new QcloudNodeSdk(host);
    }

    private static synchronized void install() throws IOException, InterruptedException {
        if (Files.isRegularFile(HOME.resolve("node_modules/qcloudapi-sdk/package.json"))) {
            return;
        }
        // Into a scratch directory first, so an interrupted install is never taken for a complete one.
        Path scratch = Files.createTempDirectory(HOME.getParent(), "qcloudapi-sdk-install");
        var npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix",
                scratch.toString(), "qcloudapi-sdk@" + VERSION).redirectErrorStream(true).start();
        String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new AssertionError("npm install qcloudapi-sdk@" + VERSION + " failed:\n" + log);
        }
        Files.move(scratch, HOME, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The body of one call with the demo key, as the SDK passes it to its callback. */
    JsonNode call(Call call) throws IOException, InterruptedException {
        var data = new LinkedHashMap<String, Object>(call.data());
        data.putIfAbsent("Nonce", NONCES.incrementAndGet());
        var args = new LinkedHashMap<String, Object>();
        args.put("sdk", HOME.resolve("node_modules/qcloudapi-sdk").toString());
        args.put("host", host);
        args.put("secretId", call.secretId());
        args.put("secretKey", call.secretKey());
        args.put("region", call.region());
        args.put("method", call.method());
        args.put("signatureMethod", call.signatureMethod());
        args.put("multipart", call.multipart());
        args.put("data", data);
        Path script;
        try {
            script = Path.of(QcloudNodeSdk.class.getResource("/qcloudapi-sdk/call.js").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        var command = new ArrayList<>(List.of("node", script.toString(), JSON.writeValueAsString(args)));
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("node call failed (" + data + "):\n" + err + out);
        }
        return JSON.readTree(out);
    }

    /**
     * One call: the action's parameters ({@code Action} included) and how the SDK sends them.
     *
     * @param method POST (the SDK's default, form-urlencoded) or GET
     * @param signatureMethod {@code sha1} (the default; no SignatureMethod parameter) or {@code sha256}
     * @param multipart POST the signed fields as multipart/form-data instead of urlencoded
     */
    record Call(Map<String, Object> data, String secretId, String secretKey, String region, String method,
            String signatureMethod, boolean multipart) {

        /** A default POST signed with HmacSHA1 by the demo key in region {@code gz}. */
        static Call of(Map<String, Object> data) {
            return new Call(data, KeyStyle.DEMO_TENCENT_SECRET_ID, KeyStyle.DEMO_TENCENT_SECRET_KEY,
                    "gz", "POST", "sha1", false);
        }

        Call get() {
            return new Call(data, secretId, secretKey, region, "GET", signatureMethod, multipart);
        }

        Call sha256() {
            return new Call(data, secretId, secretKey, region, method, "sha256", multipart);
        }

        Call multipartPost() {
            return new Call(data, secretId, secretKey, region, "POST", signatureMethod, true);
        }

        Call key(String id, String key) {
            return new Call(data, id, key, region, method, signatureMethod, multipart);
        }

        Call region(String name) {
            return new Call(data, secretId, secretKey, name, method, signatureMethod, multipart);
        }
    }
}
