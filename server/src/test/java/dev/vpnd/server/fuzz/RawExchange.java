package dev.vpnd.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One request as bytes on a fresh socket, whatever they are, and what came back: an HTTP client
 * would refuse to send most of what the fuzz suite sends. The server is expected to close the
 * connection after its answer ({@code Connection: close}, or a request it rejects).
 */
final class RawExchange {
    /** What is kept of an answer for checks and the report; the rest is only counted. */
    private static final int KEPT_BYTES = 64 * 1024;

    private RawExchange() {
    }

    /**
     * An answer: the status of its first line (0 when the server closed without one), its size in
     * bytes, the first bytes for the report, and whether it came within the time allowed.
     */
    record Answer(int status, long bytes, String head, boolean timedOut) {
        boolean serverError() {
            return status >= 500;
        }
    }

    static Answer exchange(URI base, byte[] request, Duration timeout) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything (a body over its limit).
            }
            return read(socket.getInputStream(), System.nanoTime() + timeout.toNanos());
        }
    }

    private static Answer read(InputStream in, long deadline) throws IOException {
        var kept = new ByteArrayOutputStream();
        long total = 0;
        byte[] buffer = new byte[16 * 1024];
        try {
            while (System.nanoTime() < deadline) {
                int n = in.read(buffer);
                if (n < 0) {
                    return answer(kept, total, false);
                }
                kept.write(buffer, 0, Math.max(0, Math.min(n, KEPT_BYTES - kept.size())));
                total += n;
            }
        } catch (SocketTimeoutException e) {
            return answer(kept, total, true);
        } catch (IOException e) {
            // A reset after the answer, as when the server closes with unread request bytes.
            return answer(kept, total, false);
        }
        return answer(kept, total, true);
    }

    private static Answer answer(ByteArrayOutputStream kept, long total, boolean timedOut) {
        String head = kept.toString(StandardCharsets.ISO_8859_1);
        int status = 0;
        if (head.startsWith("HTTP/1.") && head.length() >= 12) {
            try {
                status = Integer.parseInt(head.substring(9, 12));
            } catch (NumberFormatException e) {
                status = 0;
            }
        }
        return new Answer(status, total, head, timedOut);
    }

    /** A well-formed HTTP/1.1 request with {@code Connection: close} and a correct Content-Length. */
    static byte[] request(String method, URI base, String target, String contentType, byte[] body,
            String... extraHeaders) {
        var head = new StringBuilder()
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body.length > 0 || !method.equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
