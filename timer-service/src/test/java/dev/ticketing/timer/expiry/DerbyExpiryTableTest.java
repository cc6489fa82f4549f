package dev.ticketing.timer.expiry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** The expiry table on embedded Derby (in memory), the default timer store. */
class DerbyExpiryTableTest extends ExpiryTableContract {
    static {
        // Derby's own log into the build directory, not the module's.
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    private final String url = "jdbc:derby:memory:expiry-" + UUID.randomUUID() + ";create=true";

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "timers", "timers");
    }

    @Override
    String schema() {
        return "TIMERS";
    }
}
