package dev.buildbridge.api.internal;

import dev.buildbridge.api.ApiAuth;
import dev.buildbridge.api.ApiRequest;
import java.util.Optional;
import java.util.function.Supplier;

/** The token strategies behind {@link ApiAuth}'s factories. Their toString never shows a token. */
public final class StaticAuth {
  /** Sends no header. */
  public static final ApiAuth NONE = new ApiAuth() {
    @Override
    public Optional<String> authorization(ApiRequest request) {
      return Optional.empty();
    }

    @Override
    public String toString() {
      return "ApiAuth.none()";
    }
  };

  private StaticAuth() {}

  /**
   * Returns a strategy with a fixed header value.
   *
   * @param scheme the prefix, such as {@code "Bearer "}, or empty
   * @param token the token
   * @param name the factory name, for toString
   * @return the strategy
   * @throws IllegalArgumentException if the token is blank or has whitespace or control characters
   */
  public static ApiAuth fixed(String scheme, String token, String name) {
    checkToken(token, IllegalArgumentException::new);
    Optional<String> value = Optional.of(scheme + token);
    return new ApiAuth() {
      @Override
      public Optional<String> authorization(ApiRequest request) {
        return value;
      }

      @Override
      public String toString() {
        return "ApiAuth." + name + "(<redacted>)";
      }
    };
  }

  /**
   * Returns a strategy that asks a supplier on every request.
   *
   * @param scheme the prefix, such as {@code "Bearer "}
   * @param token the supplier
   * @return the strategy
   */
  public static ApiAuth supplied(String scheme, Supplier<String> token) {
    return new ApiAuth() {
      @Override
      public Optional<String> authorization(ApiRequest request) {
        String value = token.get();
        if (value == null) {
          throw new IllegalStateException("the token supplier returned null");
        }
        checkToken(value, IllegalStateException::new);
        return Optional.of(scheme + value);
      }

      @Override
      public String toString() {
        return scheme.isEmpty() ? "ApiAuth.rawAuthorization(<supplier>)" : "ApiAuth.bearer(<supplier>)";
      }
    };
  }

  /**
   * Checks a token without ever putting it into the message.
   *
   * @param token the token
   * @param error makes the exception from a message
   * @param <E> the exception type
   * @throws E if the token is blank or has whitespace or control characters
   */
  public static <E extends RuntimeException> void checkToken(
      String token, java.util.function.Function<String, E> error) {
    if (token.isBlank()) {
      throw error.apply("token is blank");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        throw error.apply("token has a whitespace, control or non-ASCII character at index " + i
            + " (value not shown)");
      }
    }
  }
}
