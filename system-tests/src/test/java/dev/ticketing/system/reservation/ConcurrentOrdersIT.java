package dev.ticketing.system.reservation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.Sessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Through the whole platform: 50 buyers order one ticket at once; one wins, 49 are told it is
 * reserved.
 */
class ConcurrentOrdersIT {

    @Test
    void fiftyConcurrentOrdersGiveExactlyOne201AndFortyNine400s() throws Exception {
        ExecutorService signUps = Executors.newFixedThreadPool(4);
        List<Future<Sessions.User>> pending = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pending.add(signUps.submit(Sessions::signUp));
        }
        List<Sessions.User> buyers = new ArrayList<>();
        for (Future<Sessions.User> f : pending) {
            buyers.add(f.get());
        }
        signUps.shutdown();
        String ticketId = Platform.sell(Sessions.signUp(), "Last seat", "75").getString("id");
        Platform.awaitCopy(ticketId, 0);

        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpApi.Reply>> replies = new ArrayList<>();
        for (Sessions.User buyer : buyers) {
            replies.add(
                    pool.submit(
                            () -> {
                                go.await();
                                return Platform.order(buyer, ticketId);
                            }));
        }
        go.countDown();
        List<HttpApi.Reply> outcomes = new ArrayList<>();
        for (Future<HttpApi.Reply> f : replies) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        Map<Integer, Long> byStatus =
                outcomes.stream()
                        .collect(
                                Collectors.groupingBy(
                                        HttpApi.Reply::status, Collectors.counting()));
        assertEquals(Map.of(201, 1L, 400, 49L), byStatus, outcomes.toString());
        outcomes.stream()
                .filter(r -> r.status() == 400)
                .forEach(r -> Platform.assertError(r, 400, "Ticket is already reserved"));
        String winner =
                outcomes.stream()
                        .filter(r -> r.status() == 201)
                        .findFirst()
                        .orElseThrow()
                        .json()
                        .getString("id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> winner.equals(Platform.holderInCatalog(ticketId)));
    }
}
