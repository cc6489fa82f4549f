package dev.ticketing.nats;

/**
 * A channel's configuration is missing or invalid. The message always names the channel and the
 * full MicroProfile Config property, so a failed deployment says what to fix.
 */
public class ChannelConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ChannelConfigException(String message) {
        super(message);
    }
}
