package dev.vpnd.server.dialect.keystone;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed password sign-ins counted per user and per client address in a sliding window
 * (docs/security.md, "Neutron and Keystone"). Once a user or an address has {@link Limits#maxFailures}
 * failures within {@link Limits#window}, its attempts are refused for {@link Limits#coolDown} without
 * a password being checked. Sign-ins still in progress count as failures until they end, so a burst
 * of parallel guesses gets no more tries than a sequence. A success clears the user's failures, not
 * the address's: one valid account must not launder another's guesses. Only failures count, so
 * clients that sign in often are never refused.
 *
 * <p>User names and addresses are the attacker's choice: each table keeps at most
 * {@link Limits#maxTrackedKeys} keys, keys are cut to {@link #MAX_KEY_CHARS}, a tally with nothing
 * left to remember is dropped, and IPv6 addresses count per /64, the block one subscriber usually
 * holds. A tally that still counts (a block, a failure in the window, a sign-in in progress) is never
 * dropped to make room: evicting it would let whoever churns enough names or addresses erase a
 * victim's block. A full table refuses sign-ins under keys it does not hold, until a tally ends.
 */
final class LoginThrottle {
    static final int MAX_KEY_CHARS = 256;
    /** What a refusal while only sign-ins in progress block asks the client to wait. */
    private static final Duration IN_PROGRESS_WAIT = Duration.ofSeconds(1);

    /** The policy: so many failures within the window block for the cool-down; so many keys per table. */
    record Limits(int maxFailures, Duration window, Duration coolDown, int maxTrackedKeys) {
        static final Limits DEFAULT = new Limits(5, Duration.ofSeconds(60), Duration.ofSeconds(60), 10_000);
    }

    /** The throttle's answer to a sign-in: go ahead (and report how it ended), or wait. */
    sealed interface Admission permits Admitted, Refused {
    }

    /** Refused: the client may retry after this many whole seconds (at least one). */
    record Refused(long retryAfterSeconds) implements Admission {
    }

    /** A sign-in in progress; the first of {@link #succeeded}, {@link #failed} or {@link #abandoned} ends it. */
    final class Admitted implements Admission {
        private final Key user;
        private final Key address;
        private boolean ended;

        private Admitted(Key user, Key address) {
            this.user = user;
            this.address = address;
        }

        void succeeded() {
            synchronized (LoginThrottle.this) {
                if (end()) {
                    user.tally.failures.clear();
                    forgetIfIdle(user);
                    forgetIfIdle(address);
                }
            }
        }

        /** Ended without an answer on the password (the store failed): nothing is counted. */
        void abandoned() {
            synchronized (LoginThrottle.this) {
                if (end()) {
                    forgetIfIdle(user);
                    forgetIfIdle(address);
                }
            }
        }

        void failed() {
            synchronized (LoginThrottle.this) {
                if (end()) {
                    Instant now = clock.instant();
                    for (Key key : List.of(user, address)) {
                        key.tally.failures.addLast(now);
                        prune(key.tally, now);
                        if (key.tally.failures.size() >= limits.maxFailures()) {
                            key.tally.blockedUntil = now.plus(limits.coolDown());
                            key.tally.failures.clear();
                        }
                    }
                }
            }
        }

        private boolean end() {
            if (ended) {
                return false;
            }
            ended = true;
            user.tally.inProgress--;
            address.tally.inProgress--;
            return true;
        }
    }

    /** What one table remembers of one key. */
    private static final class Tally {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        int inProgress;
        Instant blockedUntil = Instant.MIN;
    }

    private record Key(Map<String, Tally> table, String name, Tally tally) {
    }

    /**
     * The tallies of one kind of key, and, while it is full of tallies that still count, the
     * earliest time one of them may end: until then a new key is refused without looking further.
     */
    private static final class Table {
        final Map<String, Tally> tallies = new HashMap<>();
        Instant fullUntil = Instant.MIN;
    }

    private final Limits limits;
    private final InstantSource clock;
    private final Table users = new Table();
    private final Table addresses = new Table();

    LoginThrottle(Limits limits, InstantSource clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Admits or refuses a sign-in of {@code user} (the key the dialect counts the user under) from
     * {@code address}.
     */
    synchronized Admission begin(String user, String address) {
        Instant now = clock.instant();
        String userKey = cut(user == null ? "" : user);
        String addressKey = cut(addressKey(address));
        Duration wait = Duration.ZERO;
        for (Tally tally : Arrays.asList(users.tallies.get(userKey), addresses.tallies.get(addressKey))) {
            if (tally == null) {
                continue;
            }
            prune(tally, now);
            if (now.isBefore(tally.blockedUntil)) {
                wait = max(wait, Duration.between(now, tally.blockedUntil));
            } else if (tally.failures.size() + tally.inProgress >= limits.maxFailures()) {
                wait = max(wait, IN_PROGRESS_WAIT);
            }
        }
        for (var table : List.of(Map.entry(users, userKey), Map.entry(addresses, addressKey))) {
            wait = max(wait, waitForRoom(table.getKey(), table.getValue(), now));
        }
        if (!wait.isZero()) {
            return new Refused(Math.max(1, wait.plusMillis(999).toSeconds()));
        }
        Key userTally = track(users.tallies, userKey);
        Key addressTally = track(addresses.tallies, addressKey);
        userTally.tally.inProgress++;
        addressTally.tally.inProgress++;
        return new Admitted(userTally, addressTally);
    }

    /** Keys both tables hold now, for tests of the bound. */
    synchronized int trackedKeys() {
        return users.tallies.size() + addresses.tallies.size();
    }

    /**
     * Zero when {@code table} holds {@code name} or has room for it, after dropping the tallies that
     * no longer count; else how long until one of them may end.
     */
    private Duration waitForRoom(Table table, String name, Instant now) {
        if (table.tallies.size() < limits.maxTrackedKeys() || table.tallies.containsKey(name)) {
            return Duration.ZERO;
        }
        if (now.isBefore(table.fullUntil)) {
            return Duration.between(now, table.fullUntil);
        }
        Instant soonestEnd = Instant.MAX;
        for (var tallies = table.tallies.values().iterator(); tallies.hasNext();) {
            Tally tally = tallies.next();
            prune(tally, now);
            Instant end = countsUntil(tally, now);
            if (!end.isAfter(now)) {
                tallies.remove();
            } else if (end.isBefore(soonestEnd)) {
                soonestEnd = end;
            }
        }
        if (table.tallies.size() < limits.maxTrackedKeys()) {
            return Duration.ZERO;
        }
        table.fullUntil = soonestEnd;
        return Duration.between(now, soonestEnd);
    }

    /**
     * Until when a tally still counts: its block, its newest failure's window, or, while sign-ins
     * are in progress, a moment from now (they end, and then the tally is looked at again).
     */
    private Instant countsUntil(Tally tally, Instant now) {
        Instant end = tally.blockedUntil;
        if (!tally.failures.isEmpty()) {
            end = max(end, tally.failures.peekLast().plus(limits.window()));
        }
        if (tally.inProgress > 0) {
            end = max(end, now.plus(IN_PROGRESS_WAIT));
        }
        return end;
    }

    private static Key track(Map<String, Tally> table, String name) {
        return new Key(table, name, table.computeIfAbsent(name, k -> new Tally()));
    }

    private void prune(Tally tally, Instant now) {
        Instant oldest = now.minus(limits.window());
        while (!tally.failures.isEmpty() && !tally.failures.peekFirst().isAfter(oldest)) {
            tally.failures.removeFirst();
        }
    }

    /** Drops a tally with no failure, no sign-in in progress and no block (only if the table still holds it). */
    private void forgetIfIdle(Key key) {
        Tally tally = key.tally;
        prune(tally, clock.instant());
        if (tally.failures.isEmpty() && tally.inProgress == 0 && !clock.instant().isBefore(tally.blockedUntil)) {
            key.table.remove(key.name, tally);
        }
    }

    /** The address as counted: an IPv6 address by its /64, anything else as given. */
    static String addressKey(String address) {
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        if (address.indexOf(':') >= 0) {
            String literal = address.startsWith("[") && address.endsWith("]")
                    ? address.substring(1, address.length() - 1) : address;
            int zone = literal.indexOf('%');
            literal = zone < 0 ? literal : literal.substring(0, zone);
            if (literal.chars().allMatch(c -> c < 0x80 && (Character.digit(c, 16) >= 0 || c == ':' || c == '.'))) {
                try {
                    // A literal of hex digits, colons and dots: InetAddress parses it without asking DNS.
                    byte[] bytes = InetAddress.getByName(literal).getAddress();
                    if (bytes.length == 16) {
                        return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                    }
                } catch (UnknownHostException e) {
                    // not an address literal: counted as given
                }
            }
        }
        return address;
    }

    private static String cut(String key) {
        return key.length() > MAX_KEY_CHARS ? key.substring(0, MAX_KEY_CHARS) : key;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
