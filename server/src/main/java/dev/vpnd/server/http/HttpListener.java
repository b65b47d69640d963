package dev.vpnd.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that sees the HTTP library (Jetty 12 core, no servlets). Each dialect gets its own
 * listener. Requests run on virtual threads, so dialects and stores may block, except the reads a
 * {@link ReadDispatch#IO_THREAD} listener answers on the I/O thread that parsed them. It holds at
 * most {@link ConnectionLimits#maxConnections} connections and closes those whose request head or
 * next byte is too long in coming (see {@link ConnectionLimits}); given a {@link TlsIdentity}, it
 * serves HTTPS only.
 */
public final class HttpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpListener.class);
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
    /**
     * The largest declared body an I/O thread takes what has arrived of, to answer a read in place; a
     * signed RPC read is well under a kilobyte. Larger bodies are read on a virtual thread.
     */
    private static final int IN_PLACE_BODY_BYTES = 16 * 1024;
    /**
     * Statuses Jetty's parser gives requests it rejects that name a server fault although the request
     * is at fault: 505 for an HTTP version it does not know, 501 for a transfer coding it does not.
     */
    private static final Set<Integer> REJECTED_AS_SERVER_ERRORS = Set.of(501, 505);

    static {
        loadEarly();
    }

    private final Dialect dialect;
    private final BodyLimits bodyLimits;
    private final BodyBudget bodyBudget;
    private final ReadDispatch readDispatch;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final Server server;
    private final WatchedConnector connector;
    private final NetworkConnectionLimit connectionLimit;
    private final Duration headerTimeout;
    private final boolean secure;

    /** A listener that runs every request on a virtual thread, with the default limits. */
    public HttpListener(Dialect dialect, String host, int port) {
        this(dialect, host, port, ReadDispatch.VIRTUAL_THREAD);
    }

    public HttpListener(Dialect dialect, String host, int port, ReadDispatch readDispatch) {
        this(dialect, host, port, readDispatch, ConnectionLimits.DEFAULT);
    }

    public HttpListener(Dialect dialect, String host, int port, ReadDispatch readDispatch, ConnectionLimits limits) {
        this(dialect, host, port, readDispatch, limits, null);
    }

    /** {@code tls}: the certificate and key to serve HTTPS with, or null for plain HTTP. */
    public HttpListener(Dialect dialect, String host, int port, ReadDispatch readDispatch, ConnectionLimits limits,
            TlsIdentity tls) {
        this.dialect = dialect;
        this.bodyLimits = dialect.bodyLimits();
        this.bodyBudget = new BodyBudget(bodyLimits.maxBytesInFlight());
        this.secure = tls != null;
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
        var http = new HttpConnectionFactory(config);
        this.connector = tls == null ? new WatchedConnector(server, selectors, http)
                : new WatchedConnector(server, selectors, new SslConnectionFactory(sslContext(tls), http.getProtocol()),
                        http);
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        this.headerTimeout = limits.headerTimeout();
        connector.addEventListener(new HeadDeadline());
        server.addConnector(connector);
        this.connectionLimit = new NetworkConnectionLimit(limits.maxConnections(), connector);
        // At the limit, connections idle between requests make way sooner for clients that wait.
        connectionLimit.setEndPointIdleTimeout(headerTimeout.toMillis());
        server.addBean(connectionLimit);
        // On stop, requests in flight finish (up to the stop timeout) while new ones are refused.
        server.setHandler(new GracefulHandler(new DialectHandler()));
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        server.setErrorHandler(new DialectErrorHandler());
    }

    /**
     * TLS 1.2 and 1.3 only. No SNI check: clients reach vpnd by addresses and names its certificate
     * may not list, and those that check names do so themselves.
     */
    private static SslContextFactory.Server sslContext(TlsIdentity tls) {
        // The key store lives in memory only: its password guards nothing, but Jetty needs one.
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        char[] password = HexFormat.of().formatHex(random).toCharArray();
        var context = new SslContextFactory.Server();
        context.setKeyStore(tls.keyStore(password));
        context.setKeyStorePassword(new String(password));
        context.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        context.setSniRequired(false);
        return context;
    }

    public void start() throws Exception {
        server.start();
    }

    /** The request-body bytes the listener holds now ({@link BodyLimits#maxBytesInFlight}). */
    int bodyBytesHeld() {
        return bodyBudget.held();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return connector.getHost();
    }

    /** {@code https} when the listener serves TLS, else {@code http}. */
    public String scheme() {
        return secure ? "https" : "http";
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Whether the listener takes new connections now. */
    public Acceptance acceptance() {
        Throwable failure = connector.recentAcceptFailure();
        if (failure != null) {
            return new Acceptance.AcceptFailing(failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : failure.getMessage());
        }
        if (!connector.isAccepting() && connector.isRunning()) {
            return new Acceptance.AtConnectionLimit(connectionLimit.getMaxNetworkConnectionCount());
        }
        return new Acceptance.Accepting();
    }

    /**
     * Stops accepting and closes the connections. Interrupted while Jetty stops, it keeps the
     * interrupt for the caller rather than throw it: try-with-resources would lose it among the
     * suppressed exceptions.
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the " + dialect.name() + " listener", e);
        }
    }

    /** Loaded now: a process out of file descriptors could not open their class files to report it. */
    @SuppressWarnings("ReturnValueIgnored") // called to load the classes; the answers are not needed
    private static void loadEarly() {
        Acceptance.class.getPermittedSubclasses();
        WatchedConnector.AcceptFailure.class.getName();
    }

    /**
     * Runs on the I/O thread that parsed the request head: a request that only reads, whose body
     * (if any) is small and has all arrived, and that may run here (see {@link ReadDispatch}) is
     * answered at once, waiting at most on what a SQLite read waits on (a read turn, locks held for
     * microseconds); any other goes to a virtual thread of its own. Declared {@code EITHER}: when
     * one of the pool's reserved threads is free, Jetty hands it the selecting first, so a slow read
     * holds up no other connection; when none is, it calls this in place.
     */
    private final class DialectHandler extends Handler.Abstract {
        DialectHandler() {
            super(InvocationType.EITHER);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Instant receivedAt = Instant.now();
            var length = request.getLength();
            if (length > bodyLimits.maxBodyBytes()) {
                refuseTooLarge(request, response, callback);
                return true;
            }
            // HTTP/1.1: a body follows only a Content-Length or a Transfer-Encoding. Most calls are
            // GETs without either, for which reading anyway would allocate a 16 KiB buffer each.
            boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
            if (length > 0 || chunked) {
                if (readDispatch == ReadDispatch.IO_THREAD && !chunked && length <= IN_PLACE_BODY_BYTES) {
                    answerArrived(request, response, callback, receivedAt, (int) length);
                } else {
                    // Reading the body may wait for the client: never on the I/O thread.
                    handOff(callback, () -> answerWithBody(request, response, callback, receivedAt, chunked));
                }
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

    /**
     * A small body of declared length, on the I/O thread: what has arrived of it is taken without
     * waiting (a signed RPC call comes whole with its head, as a rule). A whole body of a request
     * that only reads is answered in place, as a bodiless read is; any other request, and a body
     * still arriving, go to a virtual thread, which reads the rest. The body's share of the budget
     * is held from before its first byte is taken until the answer is made.
     */
    private void answerArrived(Request request, Response response, Callback callback, Instant receivedAt,
            int length) {
        BodyBudget.Share share = bodyBudget.share();
        if (!share.reserve(length)) {
            share.close();
            handOff(callback, () -> answerWithBody(request, response, callback, receivedAt, false));
            return;
        }
        byte[] body = new byte[length];
        ArrivedBody.Taken taken;
        try {
            taken = ArrivedBody.take(request, body);
        } catch (RuntimeException e) {
            share.close();
            throw e;
        }
        if (taken.failure() != null) {
            try (share) {
                bodyFailed(response, callback, taken.failure());
            }
            return;
        }
        int arrived = taken.filled();
        if (arrived < length) {
            handOff(callback, () -> {
                try (share) {
                    BodyBudget.Outcome outcome;
                    try {
                        outcome = share.readRest(Content.Source.asInputStream(request), body, arrived,
                                bodyLimits.maxBodyBytes());
                    } catch (IOException | RuntimeException e) {
                        bodyFailed(response, callback, e);
                        return;
                    }
                    answerRead(outcome, request, response, callback, receivedAt);
                }
            });
            return;
        }
        var wire = wire(request, body, receivedAt);
        if (dialect.onlyReads(wire)) {
            try (share) {
                answer(wire, response, callback);
            }
        } else {
            handOff(callback, () -> {
                try (share) {
                    answer(wire, response, callback);
                }
            });
        }
    }

    /**
     * Reads the body against the listener's {@link BodyBudget} and answers; the body's share of the
     * budget is held until the answer is made.
     */
    private void answerWithBody(Request request, Response response, Callback callback, Instant receivedAt,
            boolean chunked) {
        try (var share = bodyBudget.share()) {
            BodyBudget.Outcome outcome;
            try {
                outcome = share.read(Content.Source.asInputStream(request), chunked ? -1 : request.getLength(),
                        bodyLimits.maxBodyBytes());
            } catch (IOException | RuntimeException e) {
                bodyFailed(response, callback, e);
                return;
            }
            answerRead(outcome, request, response, callback, receivedAt);
        }
    }

    private void answerRead(BodyBudget.Outcome outcome, Request request, Response response, Callback callback,
            Instant receivedAt) {
        switch (outcome) {
            case BodyBudget.Outcome.Read(byte[] body) -> answer(wire(request, body, receivedAt), response, callback);
            case BodyBudget.Outcome.TooLarge() -> refuseTooLarge(request, response, callback);
            case BodyBudget.Outcome.OverBudget() -> send(response, callback,
                    dialect.protocolError(503, "Too many request bodies in flight; retry shortly"));
        }
    }

    /**
     * Answers the dialect's 413, then reads what is left of the body within {@link RefusedBody}'s
     * bounds before the exchange ends, so a client still writing it gets to read the answer.
     */
    private void refuseTooLarge(Request request, Response response, Callback callback) {
        WireResponse answer = dialect.protocolError(413, "Request body too large");
        if (RefusedBody.unsent(request)) {
            send(response, callback, answer);
            return;
        }
        send(response, Callback.from(() -> handOff(callback, () -> {
            try {
                RefusedBody.drain(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            callback.succeeded();
        }), callback::failed), answer);
    }

    /**
     * A body that stopped arriving gets the dialect's 408; a malformed one, its answer to what Jetty
     * found (through {@link DialectErrorHandler}); one whose client went away, nothing, and no log
     * line above DEBUG: a client that resets its connections is not a fault of the server.
     */
    private void bodyFailed(Response response, Callback callback, Throwable failure) {
        boolean malformed = causedBy(failure, HttpException.class) != null;
        if (!malformed && causedBy(failure, TimeoutException.class) != null) {
            send(response, callback, dialect.protocolError(408, "The request body did not arrive in time"));
            return;
        }
        if (!malformed) {
            LOG.debug("{} client went away while sending its request body", dialect.name(), failure);
        }
        callback.failed(failure);
    }

    private static Throwable causedBy(Throwable failure, Class<?> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    /**
     * Whether the client is gone: the connection is closed, or the failure is one the other end
     * caused by resetting or closing it. Nobody reads an answer then.
     */
    private static boolean clientGone(Request request, Throwable failure) {
        if (!request.getConnectionMetaData().getConnection().getEndPoint().isOpen()) {
            return true;
        }
        return failure != null && causedBy(failure, HttpException.class) == null
                && (causedBy(failure, EofException.class) != null
                || causedBy(failure, ClosedChannelException.class) != null
                || causedBy(failure, java.net.SocketException.class) != null);
    }

    private static WireRequest wire(Request request, byte[] body, Instant receivedAt) {
        var headers = new HashMap<String, String>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
        }
        var uri = request.getHttpURI();
        return new WireRequest(request.getMethod(), uri.getPath() == null ? "/" : uri.getPath(), uri.getQuery(),
                headers, body, receivedAt, Request.getRemoteAddr(request), request.isSecure() ? "https" : "http");
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

    /**
     * Answers what Jetty rejects or fails in the dialect's own format; a client that is gone gets
     * nothing. A request Jetty's parser rejects is the client's error even where Jetty's status says
     * otherwise ({@link #REJECTED_AS_SERVER_ERRORS}): the dialect answers 400, which its clients read
     * as a bad request rather than a server fault to retry.
     */
    private final class DialectErrorHandler extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                Throwable cause, Callback callback) {
            if (clientGone(request, cause)) {
                LOG.debug("{} connection from {} ended before it was answered", dialect.name(),
                        Request.getRemoteAddr(request), cause);
                callback.failed(cause == null ? new EofException() : cause);
                return;
            }
            boolean rejected = causedBy(cause, HttpException.class) != null;
            int status = rejected && REJECTED_AS_SERVER_ERRORS.contains(code) ? 400 : code;
            send(response, callback, dialect.protocolError(status, message == null ? "" : message));
        }
    }

    /**
     * Closes a connection whose request head is too long in coming: the first must be complete
     * {@link ConnectionLimits#headerTimeout} after connecting (so a client that sends nothing, or its
     * TLS handshake or head too slowly, is cut), each later one that long after its first byte. An
     * idle timeout alone is not enough: a client sending a byte every few seconds is never idle.
     */
    private final class HeadDeadline implements Connection.Listener {
        @Override
        public void onOpened(Connection connection) {
            if (connection instanceof HttpConnection http) {
                new HeadWatch(http).start();
            }
        }
    }

    /**
     * Checks one connection when its awaited head falls due, or a header timeout later when none is
     * awaited; runs on the scheduler, one check at a time. A head begun just after a check is checked
     * at the next, which then waits for the rest of its time.
     */
    private final class HeadWatch implements Runnable, Connection.Listener {
        private final HttpConnection connection;
        private final long openedAt = System.nanoTime();
        private volatile Scheduler.Task next;

        HeadWatch(HttpConnection connection) {
            this.connection = connection;
        }

        void start() {
            connection.addEventListener(this);
            checkIn(headerTimeout.toNanos());
        }

        @Override
        public void onClosed(Connection closed) {
            Scheduler.Task task = next;
            if (task != null) {
                task.cancel();
            }
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            HttpParser parser = connection.getParser();
            long awaitedSince;
            if (connection.getMessagesIn() == 0) {
                awaitedSince = openedAt;
            } else if (!parser.isStart() && parser.inHeaderState()) {
                // Read after the parser's state (volatile), which it sets after the time.
                awaitedSince = parser.getBeginNanoTime();
            } else {
                checkIn(headerTimeout.toNanos()); // between requests, or one is being answered
                return;
            }
            long left = awaitedSince + headerTimeout.toNanos() - System.nanoTime();
            if (left > 0) {
                checkIn(left);
                return;
            }
            LOG.debug("{} closing a connection from {}: no complete request head in {}", dialect.name(),
                    connection.getEndPoint().getRemoteSocketAddress(), headerTimeout);
            connection.getEndPoint().close(new TimeoutException("request head not complete in time"));
        }

        private void checkIn(long nanos) {
            next = server.getScheduler().schedule(this, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * A connector that remembers why accepting last failed, until it accepts a connection again or
     * the failure is {@link #ACCEPT_FAILURE_MEMORY} old: while the cause lasts, Jetty retries every
     * second and fails again; once the clients that were waiting have given up, there may be no
     * connection to accept for a long time.
     */
    private static final class WatchedConnector extends ServerConnector {
        private static final long ACCEPT_FAILURE_MEMORY = TimeUnit.SECONDS.toNanos(3);

        private record AcceptFailure(Throwable cause, long atNanos) {
        }

        private volatile AcceptFailure lastFailure;

        WatchedConnector(Server server, int selectors, ConnectionFactory... factories) {
            super(server, -1, selectors, factories);
        }

        Throwable recentAcceptFailure() {
            AcceptFailure failure = lastFailure;
            return failure != null && System.nanoTime() - failure.atNanos() < ACCEPT_FAILURE_MEMORY
                    ? failure.cause() : null;
        }

        @Override
        public void accept(int acceptorId) throws IOException {
            super.accept(acceptorId);
            lastFailure = null;
        }

        @Override
        protected boolean handleAcceptFailure(Throwable failure) {
            if (isRunning()) {
                lastFailure = new AcceptFailure(failure, System.nanoTime());
            }
            return super.handleAcceptFailure(failure);
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

    /**
     * What is left of a body vpnd refused as too large. A client that writes its whole body before it
     * reads (most HTTP clients do) would see a reset instead of the answer if the connection closed
     * under it, so after answering vpnd reads and drops the rest: at most {@link #MOST_BYTES} within
     * {@link #MOST_NANOS}, after which the connection closes anyway. A client that asked to be told
     * first ({@code Expect: 100-continue}) has sent nothing and needs no drain.
     */
    private static final class RefusedBody {
        /** Enough for a client that overshot the largest body a dialect takes by a few times. */
        static final long MOST_BYTES = 32L * 1024 * 1024;
        static final long MOST_NANOS = TimeUnit.SECONDS.toNanos(5);

        private RefusedBody() {
        }

        /** Whether the client waits for a go-ahead before it sends the body. */
        static boolean unsent(Request request) {
            return request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
        }

        /**
         * Reads and drops the rest of the body within the bounds; returns whether all of it was read
         * (the connection may then serve another request).
         */
        static boolean drain(Request request) throws InterruptedException {
            long deadline = System.nanoTime() + MOST_NANOS;
            long dropped = 0;
            while (dropped <= MOST_BYTES) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !arrives(request, left)) {
                        return false;
                    }
                    continue;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    return false;
                }
                dropped += chunk.remaining();
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    return true;
                }
            }
            return false;
        }

        private static boolean arrives(Request request, long nanos) throws InterruptedException {
            var ready = new CompletableFuture<Void>();
            request.demand(() -> ready.complete(null));
            try {
                ready.get(nanos, TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                return false;
            }
        }
    }

    /**
     * Takes the part of a request body that has already arrived, without waiting: a small body usually
     * comes in the same packets as the head, so the I/O thread that parsed the head can have all of it
     * and answer a read in place ({@link ReadDispatch#IO_THREAD}). Whatever did not arrive yet is read
     * later on a virtual thread, after the bytes taken here.
     */
    private static final class ArrivedBody {
        private ArrivedBody() {
        }

        /**
         * What {@link #take} found: the bytes copied into the body, and the failure that ended the
         * content early (as reading it through a stream would have thrown it), or null.
         */
        record Taken(int filled, Throwable failure) {
        }

        /**
         * Copies the chunks {@code request} has ready into {@code body}, from its start, until it is
         * full, a chunk is not there yet, a chunk is a failure, or the content ends.
         */
        static Taken take(Content.Source request, byte[] body) {
            int filled = 0;
            while (filled < body.length) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    break;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    return new Taken(filled, chunk.getFailure());
                }
                boolean last = chunk.isLast();
                int count = Math.min(chunk.remaining(), body.length - filled);
                chunk.get(body, filled, count);
                filled += count;
                boolean whole = !chunk.hasRemaining();
                chunk.release();
                if (last || !whole) {
                    // Content past the declared length is the parser's to refuse, on the later read.
                    break;
                }
            }
            return new Taken(filled, null);
        }
    }
}
