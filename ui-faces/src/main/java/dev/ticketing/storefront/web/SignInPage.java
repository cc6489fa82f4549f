package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.Credentials;
import dev.ticketing.storefront.client.UsersApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Response;

/** The sign-in page. */
@Named
@RequestScoped
public class SignInPage extends AccountForm {

    @Override
    protected String formId() {
        return "signin";
    }

    @Override
    protected Response send(UsersApi users, Credentials credentials) {
        return users.signIn(credentials);
    }

    @Override
    protected String welcome(String email) {
        return "Welcome back! You're signed in as " + email + ".";
    }
}
