package dev.ticketing.testing;

/**
 * This build's run: the id that every stream, subject prefix and database its tests create carries,
 * so runs never meet each other's leftovers and {@link RunCleanup} finds this run's streams by it.
 */
public final class TestRun {
    private TestRun() {}

    /**
     * The run id ({@code ticketing.run.id}; "local" outside a build) in letters, digits and dashes,
     * which a stream, a subject and a database name all accept.
     */
    public static String id() {
        return System.getProperty("ticketing.run.id", "local").replaceAll("[^A-Za-z0-9-]", "-");
    }
}
