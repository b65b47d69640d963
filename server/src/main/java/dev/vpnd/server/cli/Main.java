package dev.vpnd.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vpnd} command line. */
@Command(name = "vpnd", mixinStandardHelpOptions = true, version = "vpnd 0.1.0",
        description = "IPsec-VPN control plane speaking the Alibaba Cloud and Tencent Cloud VPC APIs.",
        subcommands = {ServeCommand.class, AccountCommand.class, KeyCommand.class, SecretsCommand.class,
                QuotaCommand.class, AgentCommand.class, LabCommand.class, ConnectionCommand.class, UserCommand.class})
// The root command: main and the tests make an instance for picocli, which holds the subcommands.
@SuppressWarnings("checkstyle:HideUtilityClassConstructor")
public final class Main {
    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
