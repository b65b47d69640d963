package dev.vpnd.server.cli;

import dev.vpnd.server.ServerConfig;
import dev.vpnd.server.Vpnd;
import dev.vpnd.store.SecretKeyException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start vpnd on its embedded SQLite database.")
public final class ServeCommand implements Callable<Integer> {
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

    @Override
    public Integer call() throws Exception {
        var ports = Map.of("aliyun", aliyunPort, "tencent", tencentPort, "keystone", keystonePort, "neutron",
                neutronPort, "admin", adminPort);
        var config = new ServerConfig(data.dataDir(), data.database(), host, ports, demo, provisioningDelay,
                data.secretKeyFile());
        Vpnd vpnd;
        try {
            vpnd = Vpnd.start(config);
        } catch (SecretKeyException e) {
            System.err.println("vpnd: " + e.getMessage());
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
        System.out.println("vpnd: data in " + (config.sqlite() ? config.databaseFile().toAbsolutePath()
                : "PostgreSQL") + ", endpoints in " + config.endpointsFile().toAbsolutePath());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
