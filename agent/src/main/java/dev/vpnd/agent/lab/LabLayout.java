package dev.vpnd.agent.lab;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a lab lives: the names of its two network namespaces and the directory of its charons'
 * configuration, sockets and logs. Everything {@link LabNetwork} makes is named after these, so
 * {@link LabNetwork#down} finds it again from another process.
 *
 * @param gatewayNamespace the VPN gateway's namespace, where the agent's charon runs
 * @param customerNamespace the customer's device's namespace, with the mirrored tunnels
 * @param stateDir an absolute directory of the lab's own; {@code down} deletes it
 */
public record LabLayout(String gatewayNamespace, String customerNamespace, Path stateDir) {
    /** A name {@code ip netns} takes, and nothing a shell or a path could read otherwise. */
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    /** What {@code ./vpnd lab} uses. */
    public static final LabLayout DEFAULT = new LabLayout("vpnd-lab-gw", "vpnd-lab-cgw", Path.of("/run/vpnd-lab"));

    public LabLayout {
        Objects.requireNonNull(stateDir, "stateDir");
        for (String name : new String[] {gatewayNamespace, customerNamespace}) {
            if (name == null || !NAMESPACE.matcher(name).matches()) {
                throw new IllegalArgumentException("a namespace name is letters, digits, '.', '_', '-': " + name);
            }
        }
        if (gatewayNamespace.equals(customerNamespace)) {
            throw new IllegalArgumentException("the lab's two namespaces need two names");
        }
        if (!stateDir.isAbsolute() || stateDir.getNameCount() < 2) {
            throw new IllegalArgumentException("the lab's state directory is an absolute path below a directory: "
                    + stateDir);
        }
    }
}
