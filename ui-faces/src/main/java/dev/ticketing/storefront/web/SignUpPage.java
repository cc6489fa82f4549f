package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.UsersApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The sign-up page. */
@Named
@RequestScoped
public class SignUpPage extends AccountForm {

    public SignUpPage() {
        super("signup", UsersApi::signUp, "Welcome to Ticketing!");
    }
}
