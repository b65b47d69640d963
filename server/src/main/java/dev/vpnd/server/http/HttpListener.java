package dev.vpnd.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that sees the HTTP library (Jetty 12 core, no servlets). Each dialect gets its own
 * listener. Requests run on virtual threads, so dialects and stores may block, except the reads a
 * {@link ReadDispatch#IO_THREAD} listener answers on the I/O thread that parsed them.
 */
public final class HttpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpListener.class);
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final long STOP_TIMEOUT_MILLIS = 10_000;
    private static final byte[] EMPTY = new byte[0];
    /**
     * Connections the kernel may hold before Jetty accepts them. The JDK's default of 50 is less than
     * a burst of clients connecting at once (a load generator's 64, a fleet restarting): the kernel
     * then drops their handshakes and they retry one, three, seven seconds later. The kernel caps it
     * at net.core.somaxconn.
     */
    private static final int ACCEPT_QUEUE_SIZE = 1024;
    /** A page of ten connections (about 13 KB) fits one pooled buffer; larger bodies take several. */
    private static final int WRITTEN_BUFFER_BYTES = 16 * 1024;
    private static final long MAX_WRITTEN_BYTES = 64L * 1024 * 1024;

    private final Dialect dialect;
    private final ReadDispatch readDispatch;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final Server server;
    private final ServerConnector connector;

    /** A listener that runs every request on a virtual thread. */
    public HttpListener(Dialect dialect, String host, int port) {
        this(dialect, host, port, ReadDispatch.VIRTUAL_THREAD);
    }

    public HttpListener(Dialect dialect, String host, int port, ReadDispatch readDispatch) {
        this.dialect = dialect;
        this.readDispatch = readDispatch;
        var threads = new QueuedThreadPool();
        threads.setName("vpnd-" + dialect.name());
        threads.setVirtualThreadsExecutor(virtualThreads);
        this.server = new Server(threads);
        var config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(true);
        // Reads answered on the I/O threads need one per processor (Jetty's default is half as many, at
        // most four).
        int selectors = readDispatch == ReadDispatch.IO_THREAD ? Runtime.getRuntime().availableProcessors() : -1;
        this.connector = new ServerConnector(server, -1, selectors, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
        server.addConnector(connector);
        // On stop, requests in flight finish (up to the stop timeout) while new ones are refused.
        server.setHandler(new GracefulHandler(new DialectHandler()));
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        server.setErrorHandler(new DialectErrorHandler());
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return connector.getHost();
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /**
     * Runs on the I/O thread that parsed the request head: a request that only reads, has no body
     * and may run here (see {@link ReadDispatch}) is answered at once, waiting at most on what a
     * SQLite read waits on (a read turn, locks held for microseconds); any other goes to a virtual
     * thread of its own. Declared {@code EITHER}: when one of the pool's reserved threads is free,
     * Jetty hands it the selecting first, so a slow read holds up no other connection; when none
     * is, it calls this in place.
     */
    private final class DialectHandler extends Handler.Abstract {
        DialectHandler() {
            super(InvocationType.EITHER);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Instant receivedAt = Instant.now();
            var length = request.getLength();
            if (length > MAX_BODY_BYTES) {
                send(response, callback, dialect.protocolError(413, "Request body too large"));
                return true;
            }
            // HTTP/1.1: a body follows only a Content-Length or a Transfer-Encoding. Most calls are
            // GETs without either, for which reading anyway would allocate a 16 KiB buffer each.
            boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
            if (length > 0 || chunked) {
                // Reading the body may wait for the client: never on the I/O thread.
                handOff(callback, () -> answerWithBody(request, response, callback, receivedAt, chunked));
                return true;
            }
            var wire = wire(request, EMPTY, receivedAt);
            if (readDispatch == ReadDispatch.IO_THREAD && dialect.onlyReads(wire)) {
                answer(wire, response, callback);
            } else {
                handOff(callback, () -> answer(wire, response, callback));
            }
            return true;
        }
    }

    /**
     * Runs {@code work} on a virtual thread of its own. Whatever escapes it fails the request (Jetty
     * then answers through {@link DialectErrorHandler}, or closes the connection if the answer has
     * begun), so no client waits forever and a graceful stop does not wait for it.
     */
    private void handOff(Callback callback, Runnable work) {
        virtualThreads.execute(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                LOG.error("{} request failed on its virtual thread", dialect.name(), t);
                callback.failed(t);
            }
        });
    }

    private void answerWithBody(Request request, Response response, Callback callback, Instant receivedAt,
            boolean chunked) {
        byte[] body;
        try {
            long length = request.getLength();
            body = Content.Source.asInputStream(request).readNBytes(chunked ? MAX_BODY_BYTES + 1 : (int) length);
        } catch (IOException | RuntimeException e) {
            // The client went away or sent a malformed body: Jetty answers through DialectErrorHandler.
            callback.failed(e);
            return;
        }
        if (body.length > MAX_BODY_BYTES) {
            send(response, callback, dialect.protocolError(413, "Request body too large"));
            return;
        }
        answer(wire(request, body, receivedAt), response, callback);
    }

    private static WireRequest wire(Request request, byte[] body, Instant receivedAt) {
        var headers = new HashMap<String, String>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
        }
        var uri = request.getHttpURI();
        return new WireRequest(request.getMethod(), uri.getPath() == null ? "/" : uri.getPath(), uri.getQuery(),
                headers, body, receivedAt, Request.getRemoteAddr(request));
    }

    private void answer(WireRequest wire, Response response, Callback callback) {
        WireResponse answer;
        try {
            answer = dialect.handle(wire);
        } catch (RuntimeException e) {
            // Dialects answer their own failures; this is the last line before a bare 500.
            LOG.error("{} dialect failed to answer a request", dialect.name(), e);
            answer = dialect.protocolError(500, "Internal error");
        }
        send(response, callback, answer);
    }

    private final class DialectErrorHandler extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                Throwable cause, Callback callback) {
            send(response, callback, dialect.protocolError(code, message == null ? "" : message));
        }
    }

    /**
     * Sends the answer. A written body goes into buffers from the server's pool (one for a page of
     * connections), is sent from them, and they go back to the pool once the write completes.
     */
    private void send(Response response, Callback callback, WireResponse answer) {
        switch (answer.content()) {
            case ResponseBody.Bytes(byte[] bytes) -> {
                head(response, answer, bytes.length);
                response.write(true, ByteBuffer.wrap(bytes), callback);
            }
            case ResponseBody.Written(ResponseBody.Writer writer) -> {
                var buffer = new RetainableByteBuffer.DynamicCapacity(server.getByteBufferPool(), true,
                        MAX_WRITTEN_BYTES, WRITTEN_BUFFER_BYTES);
                try {
                    writer.writeTo(new BufferStream(buffer));
                } catch (IOException | RuntimeException e) {
                    buffer.release();
                    LOG.error("{} dialect failed to write a response body", dialect.name(), e);
                    send(response, callback, materialized(dialect.protocolError(500, "Internal error")));
                    return;
                }
                head(response, answer, buffer.remaining());
                // Released before the response's callback completes, whether the write succeeded or failed.
                buffer.writeTo(response, true, Callback.from(buffer::release, callback));
            }
        }
    }

    /** The answer with its body as an array, so that an error body that fails to write cannot recurse. */
    private static WireResponse materialized(WireResponse answer) {
        try {
            return new WireResponse(answer.status(), answer.contentType(), answer.body(), answer.headers());
        } catch (RuntimeException e) {
            return WireResponse.text(500, "Internal error");
        }
    }

    private static void head(Response response, WireResponse answer, long contentLength) {
        response.setStatus(answer.status());
        var headers = response.getHeaders();
        if (answer.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        }
        headers.put(HttpHeader.CONTENT_LENGTH, contentLength);
        answer.headers().forEach(headers::put);
    }

    /** Appends what a body writer writes to a pooled buffer. */
    private static final class BufferStream extends OutputStream {
        private final RetainableByteBuffer.Mutable buffer;

        BufferStream(RetainableByteBuffer.Mutable buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.put((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.put(bytes, offset, length);
        }
    }
}
