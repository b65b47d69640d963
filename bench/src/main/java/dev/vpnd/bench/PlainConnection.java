package dev.vpnd.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection on a plain blocking socket, for the bench's own loads (the
 * open loop, the creates): the Jetty client costs the shared cores more per request than the
 * server spends on a first page. Answers are read by their {@code Content-Length}, at most
 * {@value #MAX_KEPT_BODY} bytes of each kept when asked.
 */
final class PlainConnection implements AutoCloseable {
    /** Larger bodies are read and dropped: a create's answer is a few hundred bytes. */
    static final int MAX_KEPT_BODY = 64 * 1024;

    /** An answer: its status, and its body when kept (else empty), handed over, not copied. */
    @SuppressWarnings("ArrayRecordComponent")
    record Answer(int status, byte[] body) {
    }

    private final Socket socket = new Socket();
    private final OutputStream out;
    private final InputStream in;
    private final String host;
    private final byte[] skip = new byte[64 * 1024];

    PlainConnection(URI endpoint) throws IOException {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        host = endpoint.getHost() + ":" + endpoint.getPort();
    }

    /** Sends {@code call}, reads the whole answer; its status. */
    int exchange(HttpCall call) throws IOException {
        return exchange(call, false).status();
    }

    /** Sends {@code call} and reads the whole answer, keeping its body when {@code keepBody}. */
    Answer exchange(HttpCall call, boolean keepBody) throws IOException {
        byte[] body = call.bodyBytes();
        var head = new StringBuilder(512).append(call.method()).append(' ').append(call.target())
                .append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        for (String header : call.headers()) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        for (String line = line(); !line.isEmpty(); line = line()) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(line.substring(15).trim());
            } else if (line.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)) {
                throw new IOException("a chunked answer; only Content-Length is read");
            }
        }
        if (length < 0) {
            throw new IOException("an answer without Content-Length");
        }
        if (keepBody && length <= MAX_KEPT_BODY) {
            byte[] kept = in.readNBytes((int) length);
            if (kept.length < length) {
                throw new IOException("the connection closed inside an answer");
            }
            return new Answer(status, kept);
        }
        while (length > 0) {
            int n = in.read(skip, 0, (int) Math.min(skip.length, length));
            if (n < 0) {
                throw new IOException("the connection closed inside an answer");
            }
            length -= n;
        }
        return new Answer(status, new byte[0]);
    }

    private String line() throws IOException {
        var line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // gone already
        }
    }
}
