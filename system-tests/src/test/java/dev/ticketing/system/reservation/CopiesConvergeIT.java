package dev.ticketing.system.reservation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.Sessions;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * order-service's copies stay identical to the catalog's tickets whatever the bus does: the
 * catalog's own events, then all of them again, shuffled and duplicated (fresh Nats-Msg-Ids, as a
 * redelivery or a replay would bring them), and the copies still match the source field by field.
 */
class CopiesConvergeIT {
    private static Bus bus;

    @BeforeAll
    static void connect() {
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    @Test
    void replayedShuffledDuplicatedTicketEventsLeaveTheCopiesIdenticalToTheCatalog() {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        Sessions.User seller = Sessions.signUp();
        List<String> ids = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            String id = Platform.sell(seller, "Replayed " + t, "10").getString("id");
            ids.add(id);
            for (int v = 1, edits = random.nextInt(4); v <= edits; v++) {
                assertEquals(
                        200,
                        Platform.edit(
                                        seller,
                                        id,
                                        "Replayed " + t + " v" + v,
                                        Integer.toString(10 + random.nextInt(90))
                                                + "."
                                                + (10 + random.nextInt(90)))
                                .status());
            }
        }
        Set<String> ours = Set.copyOf(ids);
        List<String[]> replay = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            replay.clear();
                            for (String type : List.of("ticket.created", "ticket.updated")) {
                                for (Bus.Stored m : bus.messages(type)) {
                                    EventPayload data = Events.fromJson(m.json()).data();
                                    String id =
                                            data instanceof TicketCreated c
                                                    ? c.id()
                                                    : ((TicketUpdated) data).id();
                                    if (ours.contains(id)) {
                                        for (int copies = 1 + random.nextInt(3);
                                                copies > 0;
                                                copies--) {
                                            replay.add(new String[] {type, m.json()});
                                        }
                                    }
                                }
                            }
                            return ids.stream()
                                    .allMatch(
                                            id ->
                                                    replay.stream()
                                                                    .filter(r -> r[1].contains(id))
                                                                    .count()
                                                            >= 1
                                                                    + Platform.ticket(id)
                                                                            .getInt("version"));
                        });
        Collections.shuffle(replay, random);
        replay.forEach(r -> bus.publish(r[0], r[1], "replay-" + UUID.randomUUID()));
        // A marker behind the replay on both subjects: once its copy is at version 1, the replay
        // was consumed.
        String marker = Platform.sell(seller, "Marker", "1").getString("id");
        assertEquals(200, Platform.edit(seller, marker, "Marker v1", "2").status());
        Platform.awaitCopy(marker, 1);

        for (String id : ids) {
            JsonObject source = Platform.ticket(id);
            Platform.awaitCopy(id, source.getInt("version"));
            Document copy = Platform.copy(id);
            String context = "seed " + seed + ": " + source + " vs " + copy.toJson();
            assertEquals(source.getInt("version"), copy.getLong("version").intValue(), context);
            assertEquals(source.getString("title"), copy.getString("title"), context);
            assertEquals(
                    source.getJsonNumber("price").bigDecimalValue(),
                    copy.get("price", Decimal128.class).bigDecimalValue(),
                    context);
            assertEquals(source.getString("userId"), copy.getString("userId"), context);
            assertEquals(null, copy.getString("orderId"), context);
        }
    }
}
