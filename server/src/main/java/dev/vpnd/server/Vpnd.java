package dev.vpnd.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vpnd.core.model.Region;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.service.ServiceSettings;
import dev.vpnd.core.service.Services;
import dev.vpnd.server.agent.AgentChannel;
import dev.vpnd.server.agent.SignallingStorage;
import dev.vpnd.server.dialect.aliyun.AliyunDialect;
import dev.vpnd.server.dialect.keystone.KeystoneDialect;
import dev.vpnd.server.dialect.neutron.NeutronDialect;
import dev.vpnd.server.dialect.tencent.TencentDialect;
import dev.vpnd.server.http.Acceptance;
import dev.vpnd.server.http.ConnectionLimits;
import dev.vpnd.server.http.HttpListener;
import dev.vpnd.server.http.ReadDispatch;
import dev.vpnd.server.http.TlsIdentity;
import dev.vpnd.server.ops.AdminEndpoints;
import dev.vpnd.server.ops.Metrics;
import dev.vpnd.server.ops.TimedStorage;
import dev.vpnd.server.security.KeyDirectory;
import dev.vpnd.server.security.KeyStyle;
import dev.vpnd.server.security.LocalReplayGuard;
import dev.vpnd.server.security.ReplayGuard;
import dev.vpnd.server.security.SharedReplayGuard;
import dev.vpnd.store.JdbcStorage;
import dev.vpnd.store.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running vpnd: storage, services, a listener per dialect, and the listener of its data-plane
 * agents. Tests start it the same way the CLI does.
 */
public final class Vpnd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Vpnd.class);
    /** How far a request's timestamp may be from now; every cloud vpnd speaks allows 15 minutes. */
    static final Duration SIGNATURE_WINDOW = Duration.ofMinutes(15);
    /** The listeners of the four APIs and the agents', which share what the open-file limit leaves them. */
    private static final int API_LISTENERS = 5;
    /** The operator's listener serves a few probes and scrapers; its own small limit keeps it reachable. */
    private static final int ADMIN_CONNECTIONS = 64;

    private final Storage storage;
    private final Services services;
    private final List<HttpListener> listeners;
    private final Optional<TlsIdentity> tls;
    private final AgentChannel agents;

    private Vpnd(Storage storage, Services services, List<HttpListener> listeners, Optional<TlsIdentity> tls,
            AgentChannel agents) {
        this.storage = storage;
        this.services = services;
        this.listeners = listeners;
        this.tls = tls;
        this.agents = agents;
    }

    public static Vpnd start(ServerConfig config) throws Exception {
        // Before the database opens: a certificate that cannot be read, or a region table without its one
        // OpenStack region, stops the start with nothing to undo.
        Optional<TlsIdentity> tls = TlsIdentity.of(config.listening().tls());
        var regions = config.regions();
        Region openStack = RegionFile.openStack(regions);
        var metrics = new Metrics();
        PrivateFiles.createDirectories(config.dataDir());
        var cipher = config.secretKeys().cipher();
        var storage = new SignallingStorage(new TimedStorage(config.sqlite()
                ? JdbcStorage.sqlite(config.databaseFile(), cipher)
                : JdbcStorage.postgres(config.databaseUrl(), cipher), metrics));
        var listeners = new ArrayList<HttpListener>();
        AgentChannel agents = null;
        try {
            var services = Services.over(storage, new ServiceSettings(InstantSource.system(),
                    config.provisioningDelay()), openStack.id());
            if (config.demo()) {
                services.accounts().ensureDemo(KeyStyle.demoKeys());
            }
            var keys = new KeyDirectory(services.accounts());
            ReplayGuard replayGuard = config.sqlite() ? new LocalReplayGuard(SIGNATURE_WINDOW)
                    : new SharedReplayGuard(storage, SIGNATURE_WINDOW);
            // SQLite reads wait on no network (and its replay guard is in memory): see ReadDispatch.
            var reads = config.sqlite() ? ReadDispatch.IO_THREAD : ReadDispatch.VIRTUAL_THREAD;
            var limits = withinOpenFileLimit(config.listening().limits());
            var identity = tls.orElse(null);
            listeners.add(new HttpListener(new AliyunDialect(services, regions.in(RegionFile.ALIYUN), keys,
                    replayGuard, metrics), config.host(), config.port("aliyun"), reads, limits, identity));
            listeners.add(new HttpListener(new TencentDialect(services, regions.in(RegionFile.TENCENT), keys,
                    replayGuard, metrics), config.host(), config.port("tencent"), reads, limits, identity));
            NeutronDialect.upgradeStoredDocuments(services.networking());
            // Keystone's catalog names Neutron's port and Neutron's 401 names Keystone's, each known once
            // its listener is bound (port 0 picks one): both are read when a request needs them.
            var keystone = new AtomicReference<HttpListener>();
            var neutron = new HttpListener(new NeutronDialect(services.identity(), services.networking(),
                    () -> keystone.get().port(), metrics), config.host(), config.port("neutron"), reads, limits,
                    identity);
            keystone.set(new HttpListener(new KeystoneDialect(services.identity(),
                    openStack.name(RegionFile.OPENSTACK).orElseThrow(), neutron::port, metrics),
                    config.host(), config.port("keystone"), reads, limits, identity));
            listeners.add(keystone.get());
            listeners.add(neutron);
            agents = new AgentChannel(services.dataPlane(), metrics);
            storage.onCommit(agents::committed);
            // A plan wait holds its connection silent: the agent listener's idle timeout outlasts it.
            var agentLimits = new ConnectionLimits(limits.maxConnections(), limits.headerTimeout(),
                    AgentChannel.idleTimeout(limits.idleTimeout(), services.dataPlane().timing()));
            listeners.add(new HttpListener(agents.endpoints(), config.host(), config.port("agent"),
                    ReadDispatch.VIRTUAL_THREAD, agentLimits, identity));
            // Read once started: by then the list is complete and no longer changes.
            var admin = new AdminEndpoints(storage, metrics, () -> acceptance(listeners),
                    config.listening().metricsToken());
            listeners.add(new HttpListener(admin, config.listening().adminHost(), config.port("admin"),
                    ReadDispatch.VIRTUAL_THREAD,
                    limits.withMaxConnections(Math.min(ADMIN_CONNECTIONS, limits.maxConnections())), identity));
            for (HttpListener listener : listeners) {
                listener.start();
            }
            var vpnd = new Vpnd(storage, services, listeners, tls, agents);
            vpnd.writeEndpoints(config);
            return vpnd;
        } catch (Exception e) {
            if (agents != null) {
                agents.close();
            }
            for (HttpListener listener : listeners) {
                listener.close();
            }
            storage.close();
            throw e;
        }
    }

    /**
     * {@code wanted}, with fewer connections per listener if every listener at its limit would
     * exhaust the process's open-file limit (see {@link ConnectionLimits#fittedTo}).
     */
    private static ConnectionLimits withinOpenFileLimit(ConnectionLimits wanted) {
        if (!(ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix)) {
            return wanted;
        }
        long openFiles = unix.getMaxFileDescriptorCount();
        var fitted = wanted.fittedTo(openFiles, API_LISTENERS, ADMIN_CONNECTIONS);
        if (!fitted.equals(wanted)) {
            LOG.warn("the process may open {} files: each listener holds at most {} connections, not {} "
                    + "(raise the limit with ulimit -n)", openFiles, fitted.maxConnections(), wanted.maxConnections());
        }
        return fitted;
    }

    private static Map<String, Acceptance> acceptance(List<HttpListener> listeners) {
        var acceptance = new LinkedHashMap<String, Acceptance>();
        for (HttpListener listener : listeners) {
            acceptance.put(listener.dialect().name(), listener.acceptance());
        }
        return acceptance;
    }

    /** Dialect name (and {@code agent}, {@code admin}) to base URL, in start order. */
    public Map<String, String> endpoints() {
        var endpoints = new LinkedHashMap<String, String>();
        for (HttpListener listener : listeners) {
            String host = listener.host().contains(":") ? "[" + listener.host() + "]" : listener.host();
            endpoints.put(listener.dialect().name(), listener.scheme() + "://" + host + ":" + listener.port());
        }
        return endpoints;
    }

    /** The certificate and key every listener serves HTTPS with, if it does. */
    public Optional<TlsIdentity> tls() {
        return tls;
    }

    public Services services() {
        return services;
    }

    private void writeEndpoints(ServerConfig config) {
        try {
            Files.createDirectories(config.dataDir());
            var json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(endpoints());
            var temp = config.endpointsFile().resolveSibling("endpoints.json.tmp");
            Files.write(temp, json);
            Files.move(temp, config.endpointsFile(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the agents' plan waits first, so that stopping the listeners waits for none of them. */
    @Override
    public void close() {
        agents.close();
        for (HttpListener listener : listeners) {
            listener.close();
        }
        storage.close();
    }
}
