package dev.ticketing.auth.store;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * The stored form of an account. {@code _id} is the normalized email: inserting a second account
 * with the same email is a duplicate-key error in one atomic write, with no unique index to create
 * and no read-then-write race.
 */
@Entity("accounts")
public class AccountDocument {

    @Id private String email;

    @Column private String userId;

    @Column private String passwordHash;

    @Column private long version;

    @Column private String createdAt;

    public AccountDocument() {}

    AccountDocument(
            String email, String userId, String passwordHash, long version, String createdAt) {
        this.email = email;
        this.userId = userId;
        this.passwordHash = passwordHash;
        this.version = version;
        this.createdAt = createdAt;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }
}
