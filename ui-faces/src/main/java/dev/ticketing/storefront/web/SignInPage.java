package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.UsersApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The sign-in page. */
@Named
@RequestScoped
public class SignInPage extends AccountForm {

    public SignInPage() {
        super("signin", UsersApi::signIn, "Welcome back!");
    }
}
