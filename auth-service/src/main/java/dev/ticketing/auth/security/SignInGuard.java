package dev.ticketing.auth.security;

import dev.ticketing.auth.domain.EmailAddress;
import dev.ticketing.common.errors.TooManyRequestsException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in throttling by account and by client address (the address Liberty's remoteIp reports,
 * i.e. X-Forwarded-For's client when a trusted proxy forwarded the request).
 */
@ApplicationScoped
public class SignInGuard {

    @Inject
    @ConfigProperty(name = "auth.signin.max.failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "auth.signin.cooldown.seconds", defaultValue = "300")
    long coolDownSeconds;

    private SignInThrottle throttle;

    @PostConstruct
    void start() {
        throttle = new SignInThrottle(maxFailures, Duration.ofSeconds(coolDownSeconds), Clock.systemUTC());
    }

    /** Throws 429 when the account or the address is cooling down. */
    public void checkAllowed(EmailAddress email, String clientAddress) {
        throttle.blocked(keys(email, clientAddress)).ifPresent(wait -> {
            throw new TooManyRequestsException(wait);
        });
    }

    public void failed(EmailAddress email, String clientAddress) {
        throttle.failed(keys(email, clientAddress));
    }

    public void succeeded(EmailAddress email, String clientAddress) {
        throttle.succeeded(keys(email, clientAddress));
    }

    private static String[] keys(EmailAddress email, String clientAddress) {
        return new String[] {"email:" + email.value(), "address:" + clientAddress};
    }
}
