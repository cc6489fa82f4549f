package dev.ticketing.order.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Filters;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.Sessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

/** The race the original app lost: of 50 concurrent orders for one free ticket exactly one wins. */
class ReservationRaceIT {
    private static final int BUYERS = 50;
    private static final List<Sessions.User> buyers = new ArrayList<>();
    private static Bus bus;

    @BeforeAll
    static void signUpBuyers() throws Exception {
        bus = Bus.ofServerUnderTest();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Sessions.User>> signUps = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            signUps.add(pool.submit(Sessions::signUp));
        }
        for (Future<Sessions.User> f : signUps) {
            buyers.add(f.get());
        }
        pool.shutdown();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    @RepeatedTest(3)
    void fiftyConcurrentOrdersForOneTicketGiveOne201AndFortyNine400s() throws Exception {
        String ticketId = Market.listedTicket(bus, "Sold out show", "150");
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpApi.Reply>> replies = new ArrayList<>();
        for (Sessions.User buyer : buyers) {
            replies.add(
                    pool.submit(
                            () -> {
                                go.await();
                                return Market.order(buyer, ticketId);
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
                .forEach(r -> Market.assertError(r, 400, "Ticket is already reserved"));
        String winner =
                outcomes.stream()
                        .filter(r -> r.status() == 201)
                        .findFirst()
                        .orElseThrow()
                        .json()
                        .getString("id");
        assertEquals(winner, Market.copy(ticketId).getString("reservedBy"));
        assertEquals(
                1,
                Market.collection("orders").countDocuments(Filters.eq("ticket.id", ticketId)),
                "no order was stored for a losing claim");
    }
}
