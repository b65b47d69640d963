package dev.vpnd.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import com.aliyun.vpc20160428.models.DescribeRegionsRequest;
import dev.vpnd.server.VpndProcess;
import dev.vpnd.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while clients are busy: the node stops within its drain timeout; requests in flight get
 * their complete answer, new ones a 503 ServiceUnavailable (which clients retry) or no connection.
 * Never a 500, never a stack trace.
 */
class GracefulStopTest {
    @TempDir
    Path dataDir;

    @Test
    void sigtermDrainsAndExitsCleanly() throws Exception {
        try (var database = TestDatabase.create(dataDir)) {
            var node = VpndProcess.start(dataDir, database.url());
            var client = AliyunClients.newSdk(node.aliyunEndpoint(), false);
            var answered = new AtomicInteger();
            var serverErrors = new ConcurrentLinkedQueue<String>();
            var started = new CountDownLatch(8 * 5);
            var workers = new ArrayList<Thread>();
            for (int w = 0; w < 8; w++) {
                workers.add(Thread.ofVirtual().start(() -> {
                    while (true) {
                        try {
                            var regions = client.describeRegions(new DescribeRegionsRequest()).getBody();
                            assertThat(regions.getRegions().getRegion()).isNotEmpty();
                            answered.incrementAndGet();
                            started.countDown();
                        } catch (TeaException e) {
                            if (!"ServiceUnavailable".equals(e.getCode())) {
                                serverErrors.add(e.getCode() + " " + e.getMessage());
                            }
                            return;
                        } catch (Exception e) {
                            return; // the listener is gone: connection refused or closed
                        }
                    }
                }));
            }
            started.await();
            assertThat(node.terminate(Duration.ofSeconds(20))).as("stopped within the drain timeout").isTrue();
            for (Thread worker : workers) {
                worker.join(Duration.ofSeconds(30));
            }
            assertThat(serverErrors).isEmpty();
            assertThat(answered.get()).isGreaterThanOrEqualTo(40);
            // The JVM's answer to SIGTERM once its shutdown hook has run.
            assertThat(node.exitValue()).isEqualTo(143);
            assertThat(Files.readString(dataDir.resolve("vpnd-process.log"))).doesNotContain("Exception");
        }
    }
}
