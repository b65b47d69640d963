package dev.vpnd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU times from Linux's /proc; -1 where it cannot tell. */
final class SystemCpu {
    /** USER_HZ, the unit of /proc's times: 100 on every Linux the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private SystemCpu() {
    }

    /** Non-idle CPU time of the whole machine so far, from /proc/stat. */
    static long machineBusyNanos() {
        try (var reader = Files.newBufferedReader(Path.of("/proc/stat"))) {
            String[] f = reader.readLine().trim().split("\\s+", -1);
            // cpu user nice system idle iowait irq softirq steal ...; guest time is already in user.
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time of this process's children that have exited and been waited for (cutime + cstime
     * of /proc/self/stat): what a child process such as wrk used, counted once it is reaped.
     */
    static long reapedChildrenNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+", -1);
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
