package dev.ticketing.timer.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TimerStoreTransientFailuresTest {
    private final TimerStoreTransientFailures rule = new TimerStoreTransientFailures();

    @Test
    void aLostOrRefusedConnectionIsTransient() {
        assertTrue(rule.isTransient(new SQLTransientConnectionException("pool timed out")));
        assertTrue(
                rule.isTransient(
                        new SQLNonTransientConnectionException("Derby: connection closed")));
        // PostgreSQL's driver: PSQLException is a plain SQLException with the SQLState.
        assertTrue(
                rule.isTransient(
                        new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));
        assertTrue(
                rule.isTransient(
                        new SQLException(
                                "An I/O error occurred while sending to the backend", "08006")));
        assertTrue(
                rule.isTransient(
                        new SQLException(
                                "terminating connection due to administrator command", "57P01")));
        assertTrue(
                rule.isTransient(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void aRefusedStatementIsNot() {
        assertFalse(
                rule.isTransient(
                        new SQLException(
                                "duplicate key value violates unique constraint", "23505")));
        assertFalse(rule.isTransient(new SQLException("no state")));
        assertFalse(rule.isTransient(new IllegalStateException("a bug")));
    }
}
