package dev.vpnd.server.cli;

import dev.vpnd.core.model.Regions;
import dev.vpnd.server.ListenerSettings;
import dev.vpnd.server.RegionFile;
import dev.vpnd.server.RegionFileException;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.server.http.TlsSetupException;
import dev.vpnd.server.http.TlsSource;
import dev.vpnd.server.security.KeyStyle;
import dev.vpnd.store.SecretKeyException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start vpnd on its embedded SQLite database.")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Option(names = "--demo", description = "Create account 'demo' with key demo-access-key-id, OpenStack users "
            + "demo/demo and admin/admin (local use only).")
    boolean demo;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address the listeners bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--aliyun-port", defaultValue = "8801",
            description = "Port of the Alibaba Cloud listener; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int aliyunPort;

    @Option(names = "--tencent-port", defaultValue = "8802",
            description = "Port of the Tencent Cloud listener; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int tencentPort;

    @Option(names = "--keystone-port", defaultValue = "8803",
            description = "Port of the OpenStack Keystone v3 listener; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int keystonePort;

    @Option(names = "--neutron-port", defaultValue = "8804",
            description = "Port of the OpenStack Neutron listener; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int neutronPort;

    @Option(names = "--agent-port", defaultValue = "8805",
            description = "Port of the listener data-plane agents call (its URL is in endpoints.json under 'agent'); "
                    + "0 picks a free one (default: ${DEFAULT-VALUE}).")
    int agentPort;

    @Option(names = "--admin-port", defaultValue = "8800",
            description = "Port of /healthz, /readyz and /metrics; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--provisioning-delay", defaultValue = "1s", converter = DurationConverter.class,
            description = "How long created or modified resources stay provisioning/updating "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration provisioningDelay;

    @Mixin
    ConnectionOptions connections;

    @Mixin
    TlsOptions tls;

    @Option(names = "--admin-host", paramLabel = "ADDR", defaultValue = ListenerSettings.LOOPBACK,
            description = "Address the admin listener binds, apart from --host (default: ${DEFAULT-VALUE}).")
    String adminHost;

    @Option(names = "--metrics-token", paramLabel = "TOKEN", defaultValue = "${env:VPND_METRICS_TOKEN}",
            description = "Bearer token /metrics requires (default: the environment variable VPND_METRICS_TOKEN, "
                    + "which, unlike an option, other users cannot read from the process list; none: open).")
    String metricsToken;

    @Option(names = "--regions", paramLabel = "FILE",
            description = "A JSON region table that replaces the default: one object per region, its id and its "
                    + "name under openstack, aliyun and tencent (docs/design.md, \"Regions\").")
    Path regionsFile;

    @Option(names = "--allow-demo-on-network",
            description = "Let --demo (or a database it once served) run with a --host other than loopback, "
                    + "publishing its well-known credentials.")
    boolean allowDemoOnNetwork;

    @Override
    public Integer call() throws Exception {
        Regions regions = RegionFile.defaults();
        if (regionsFile != null) {
            try {
                regions = RegionFile.read(regionsFile);
            } catch (RegionFileException e) {
                System.err.println("vpnd: " + e.getMessage());
                return 1;
            }
        }
        var ports = Map.of("aliyun", aliyunPort, "tencent", tencentPort, "keystone", keystonePort, "neutron",
                neutronPort, "agent", agentPort, "admin", adminPort);
        if (demo && !loopback(host) && !allowDemoOnNetwork) {
            throw new ParameterException(spec.commandLine(), "--demo creates accounts whose keys and passwords are "
                    + "published; it listens on loopback only, not on " + host
                    + " (--allow-demo-on-network if that is really meant)");
        }
        if (!demo && !loopback(host) && !allowDemoOnNetwork) {
            // A data directory once served with --demo still holds its published credentials.
            var published = new ArrayList<String>();
            int checked = Admin.run(data, accounts -> {
                published.addAll(accounts.publishedDemoCredentials(KeyStyle.demoKeys()));
                return 0;
            });
            if (checked != 0) {
                return checked;
            }
            if (!published.isEmpty()) {
                System.err.println("vpnd: this database still accepts the demo's published credentials ("
                        + String.join(", ", published) + "), which " + host + " would expose; delete or disable "
                        + "the keys (vpnd key delete --account demo --id ...), serve on loopback, or give "
                        + "--allow-demo-on-network if that is really meant");
                return 1;
            }
        }
        var names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        for (String address : List.of(host, adminHost)) {
            if (!address.isBlank() && !wildcard(address)) {
                names.add(address);
            }
        }
        var listening = new ListenerSettings(adminHost, connections.limits(spec.commandLine()),
                tls.source(spec.commandLine(), data.dataDir(), List.copyOf(names)), metricsToken);
        var config = new ServerConfig(data.dataDir(), data.database(), host, ports, demo, provisioningDelay,
                listening, data.secretKeyFile(), regions);
        Vpnd vpnd;
        try {
            vpnd = Vpnd.start(config);
        } catch (TlsSetupException | SecretKeyException e) {
            System.err.println("vpnd: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            // A data directory that cannot be made or opened: the operator's to fix, not a stack trace.
            System.err.println("vpnd: " + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
            return 1;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vpnd.close();
            } catch (Exception e) {
                System.err.println("vpnd: error while stopping: " + e);
            }
            stopped.countDown();
        }, "vpnd-shutdown"));
        vpnd.endpoints().forEach((dialect, url) -> System.out.println("vpnd: " + dialect + " listening on " + url));
        vpnd.tls().ifPresent(identity -> System.out.println("vpnd: TLS certificate SHA-256 fingerprint "
                + identity.fingerprint()));
        if (listening.tls() instanceof TlsSource.SelfSigned self) {
            System.out.println("vpnd: self-signed certificate for clients to trust in "
                    + self.certificateFile().toAbsolutePath());
        }
        System.out.println("vpnd: data in " + (config.sqlite() ? config.databaseFile().toAbsolutePath()
                : "PostgreSQL") + ", endpoints in " + config.endpointsFile().toAbsolutePath());
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** Whether {@code host} is a loopback address, or a name for one only. */
    static boolean loopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean wildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }
}
