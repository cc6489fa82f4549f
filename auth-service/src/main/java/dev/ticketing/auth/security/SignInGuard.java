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
 * Sign-in and sign-up throttling by account and by client address. The address is the one Liberty's
 * remoteIp reports: X-Forwarded-For's client only when the connection came from a configured
 * trusted proxy ({@code trusted.proxies}: the nginx front, the OpenShift router), the connection's
 * own address otherwise, so a client cannot choose its address by sending a header.
 */
@ApplicationScoped
public class SignInGuard {

    @Inject
    @ConfigProperty(name = "auth.signin.free.failures", defaultValue = "5")
    int freeFailures;

    @Inject
    @ConfigProperty(name = "auth.signin.first.delay", defaultValue = "PT2S")
    Duration firstDelay;

    @Inject
    @ConfigProperty(name = "auth.signin.max.delay", defaultValue = "PT15M")
    Duration maxDelay;

    @Inject
    @ConfigProperty(name = "auth.signin.forget.after", defaultValue = "PT1H")
    Duration forgetAfter;

    @Inject
    @ConfigProperty(name = "auth.signup.per.address", defaultValue = "5")
    int signUpsPerAddress;

    @Inject
    @ConfigProperty(name = "auth.signup.window", defaultValue = "PT10M")
    Duration signUpWindow;

    private SignInThrottle signIns;
    private SignUpThrottle signUps;

    @PostConstruct
    void start() {
        signIns =
                new SignInThrottle(
                        freeFailures, firstDelay, maxDelay, forgetAfter, Clock.systemUTC());
        signUps = new SignUpThrottle(signUpsPerAddress, signUpWindow, Clock.systemUTC());
    }

    /** Throws 429 when this address must still wait before trying this account. */
    public void checkAllowed(EmailAddress email, String clientAddress) {
        signIns.waitBefore(email.value(), clientAddress)
                .ifPresent(
                        wait -> {
                            throw new TooManyRequestsException(wait);
                        });
    }

    public void failed(EmailAddress email, String clientAddress) {
        signIns.failed(email.value(), clientAddress);
    }

    public void succeeded(EmailAddress email, String clientAddress) {
        signIns.succeeded(email.value(), clientAddress);
    }

    /** Counts a sign-up from this address; 429 when it has made too many lately. */
    public void signingUp(String clientAddress) {
        signUps.tryAcquire(clientAddress)
                .ifPresent(
                        wait -> {
                            throw new TooManyRequestsException(wait);
                        });
    }
}
