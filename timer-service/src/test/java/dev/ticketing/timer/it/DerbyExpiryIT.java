package dev.ticketing.timer.it;

/** The expiry suite on the default timer store: embedded Derby, in the build's own server. */
class DerbyExpiryIT extends ExpirySuite {

    @Override
    LibertyServer server() {
        return LibertyServer.ofThisModule();
    }

    @Override
    String subjectPrefix() {
        return LibertyServer.required("it.subject.prefix");
    }

    @Override
    String stream() {
        return LibertyServer.required("it.stream");
    }
}
