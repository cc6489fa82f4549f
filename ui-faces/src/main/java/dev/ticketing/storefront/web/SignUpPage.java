package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.Credentials;
import dev.ticketing.storefront.client.UsersApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Response;

/** The sign-up page. */
@Named
@RequestScoped
public class SignUpPage extends AccountForm {

    @Override
    protected String formId() {
        return "signup";
    }

    @Override
    protected Response send(UsersApi users, Credentials credentials) {
        return users.signUp(credentials);
    }

    @Override
    protected String welcome(String email) {
        return "Welcome to Ticketing! You're signed in as " + email + ".";
    }
}
