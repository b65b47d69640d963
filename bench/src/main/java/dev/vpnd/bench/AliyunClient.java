package dev.vpnd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Signed Alibaba calls one at a time, as the old core SDK sends them ({@link V1Signer}: a POST with
 * every parameter in the query), for the data-plane benchmark's creates and polls. Thread-safe.
 */
final class AliyunClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final V1Signer signer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    AliyunClient(URI endpoint, V1Signer signer) {
        this.endpoint = endpoint;
        this.signer = signer;
    }

    /** The answer's JSON; an {@link IOException} with the error's code and message when it is not a 200. */
    JsonNode call(String action, Map<String, String> params) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(endpoint.resolve("/?" + signer.query(action, params)))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("x-acs-action", action)
                .header("x-acs-version", V1Signer.VERSION)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IOException(action + ": HTTP " + response.statusCode() + " " + json.path("Code").asText()
                    + ": " + json.path("Message").asText());
        }
        return json;
    }

    @Override
    public void close() {
        http.close();
    }
}
