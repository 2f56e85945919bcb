package dev.buildbridge.api.albs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An ALBS user. Where ALBS embeds only the owner of something ({@link Build#owner()}), the flags
 * are null.
 *
 * <pre>{@code
 * Optional<User> me = albs.users().list().stream()
 *     .filter(u -> u.username().equals("builder"))
 *     .findFirst();
 * }</pre>
 *
 * @param id the user id
 * @param username the user name
 * @param email the e-mail address, or null
 * @param active whether the account is active, or null when not sent
 * @param superuser whether the user is an administrator, or null when not sent
 */
public record User(
    long id,
    String username,
    String email,
    @JsonProperty("is_active") Boolean active,
    @JsonProperty("is_superuser") Boolean superuser) {}
