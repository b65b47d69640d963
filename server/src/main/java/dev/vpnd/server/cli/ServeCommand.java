package dev.vpnd.server.cli;

import dev.vpnd.server.ListenerSettings;
import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.server.http.ConnectionLimits;
import java.time.Duration;
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

    @Option(names = "--demo", description = "Create account 'demo' with key demo-access-key-id, OpenStack users demo/demo and admin/admin "
                    + "(local use only).")
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

    @Option(names = "--admin-port", defaultValue = "8800",
            description = "Port of /healthz, /readyz and /metrics; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--provisioning-delay", defaultValue = "1s", converter = DurationConverter.class,
            description = "How long created or modified resources stay provisioning/updating (default: ${DEFAULT-VALUE}).")
    Duration provisioningDelay;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "4096",
            description = "Connections each API listener holds at once; more wait in the kernel's queue "
                    + "(default: ${DEFAULT-VALUE}; lowered to fit the open-file limit).")
    int maxConnections;

    @Option(names = "--header-timeout", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long a client may take to send a complete request head (default: ${DEFAULT-VALUE}).")
    Duration headerTimeout;

    @Option(names = "--idle-timeout", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long a connection may stay silent: kept alive between requests, or mid-request "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Override
    public Integer call() throws Exception {
        var ports = Map.of("aliyun", aliyunPort, "tencent", tencentPort, "keystone", keystonePort, "neutron",
                neutronPort, "admin", adminPort);
        var listening = new ListenerSettings(limits());
        var config = new ServerConfig(data.dataDir(), data.database(), host, ports, demo, provisioningDelay,
                listening);
        var vpnd = Vpnd.start(config);
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
        System.out.println("vpnd: data in " + (config.sqlite() ? config.databaseFile().toAbsolutePath()
                : "PostgreSQL") + ", endpoints in " + config.endpointsFile().toAbsolutePath());
        System.out.flush();
        stopped.await();
        return 0;
    }

    private ConnectionLimits limits() {
        try {
            return new ConnectionLimits(maxConnections, headerTimeout, idleTimeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
