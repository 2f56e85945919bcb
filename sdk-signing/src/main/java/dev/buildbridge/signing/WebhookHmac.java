package dev.buildbridge.signing;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import dev.buildbridge.signing.internal.Hex;
import dev.buildbridge.signing.internal.HmacKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Signs and verifies forge webhook deliveries signed with an HMAC of the raw body: GitHub's
 * {@code X-Hub-Signature-256} (and legacy {@code X-Hub-Signature}), Gitea's
 * {@code X-Gitea-Signature} and Forgejo's {@code X-Forgejo-Signature}. Immutable and thread-safe:
 * build one per secret and share it.
 *
 * <pre>{@code
 * WebhookHmac hmac = WebhookHmac.github(System.getenv("GITHUB_WEBHOOK_SECRET"));
 * byte[] body = request.getInputStream().readAllBytes();     // the raw bytes, before any parsing
 * hmac.verify(request.getHeader("X-Hub-Signature-256"), body); // throws if missing, bad or forged
 * // only now parse the body
 * }</pre>
 *
 * <p>The MAC is computed over the exact bytes received. Verify before decoding anything: for GitHub
 * form deliveries ({@code application/x-www-form-urlencoded}) that means over the form-encoded
 * body. Gitea signs the JSON even for form deliveries, so there verify the decoded {@code payload}
 * field.
 *
 * <p>{@link #verify(String, byte[])} accepts the header value with surrounding whitespace, the prefix
 * in any letter case ({@code sha256=} or {@code SHA256=}) and the hex digest in upper or lower case,
 * and compares the decoded bytes in constant time. Each way the header can be wrong has its own
 * {@link Reason}; the message names the header and the expected form, never the value received or
 * the secret. The checks run in this order: {@link Reason#MISSING_HEADER}, {@link
 * Reason#EMPTY_HEADER}, {@link Reason#WRONG_PREFIX}, {@link Reason#NON_HEX}, {@link
 * Reason#ODD_LENGTH}, {@link Reason#WRONG_LENGTH}, {@link Reason#SIGNATURE_MISMATCH}.
 *
 * <p>These schemes sign no timestamp, so a captured delivery verifies again later: deduplicate on
 * the delivery id header ({@code X-GitHub-Delivery}, {@code X-Gitea-Delivery}) to stop replays.
 */
public final class WebhookHmac {
  private final HmacScheme scheme;
  private final HmacKey key;

  private WebhookHmac(HmacScheme scheme, byte[] secret) {
    this.scheme = scheme;
    this.key = new HmacKey(scheme.macAlgorithm(), secret);
  }

  /**
   * Returns an HMAC for GitHub's {@code X-Hub-Signature-256} ({@link HmacScheme#GITHUB_SHA256}).
   *
   * @param secret the webhook secret as configured on GitHub; the array is copied
   * @return the HMAC
   * @throws NullPointerException if {@code secret} is null
   * @throws IllegalArgumentException if {@code secret} is empty
   */
  public static WebhookHmac github(byte[] secret) {
    return of(HmacScheme.GITHUB_SHA256, secret);
  }

  /**
   * Returns an HMAC for GitHub's {@code X-Hub-Signature-256} ({@link HmacScheme#GITHUB_SHA256})
   * keyed with the UTF-8 bytes of {@code secret}, which is what GitHub uses.
   *
   * @param secret the webhook secret as typed into GitHub's settings
   * @return the HMAC
   * @throws NullPointerException if {@code secret} is null
   * @throws IllegalArgumentException if {@code secret} is empty
   */
  public static WebhookHmac github(String secret) {
    Objects.requireNonNull(secret, "secret");
    return of(HmacScheme.GITHUB_SHA256, secret.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns an HMAC for the given scheme.
   *
   * @param scheme which header, prefix and hash
   * @param secret the webhook secret; the array is copied, so later changes to it have no effect
   * @return the HMAC
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code secret} is empty
   */
  public static WebhookHmac of(HmacScheme scheme, byte[] secret) {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(secret, "secret");
    if (secret.length == 0) {
      throw new IllegalArgumentException("secret is empty");
    }
    return new WebhookHmac(scheme, secret);
  }

  /**
   * Returns the scheme: which header this HMAC reads and writes, and in what form.
   *
   * @return the scheme
   */
  public HmacScheme scheme() {
    return scheme;
  }

  /**
   * Computes the header value for a body: {@code sha256=<64 lower-case hex digits>} for GitHub, bare
   * lower-case hex for Gitea and Forgejo. Send it in {@code scheme().headerName()}.
   *
   * @param body the raw body bytes
   * @return the complete header value
   * @throws NullPointerException if {@code body} is null
   */
  public String sign(byte[] body) {
    Objects.requireNonNull(body, "body");
    return sign(body, 0, body.length);
  }

  /**
   * Computes the header value for the body held in {@code body[offset, offset + length)}.
   *
   * @param body array holding the raw body bytes
   * @param offset index of the first body byte
   * @param length number of body bytes
   * @return the complete header value, as {@link #sign(byte[])} returns it
   * @throws NullPointerException if {@code body} is null
   * @throws IndexOutOfBoundsException if the range is not inside {@code body}
   */
  public String sign(byte[] body, int offset, int length) {
    Objects.requireNonNull(body, "body");
    Objects.checkFromIndexSize(offset, length, body.length);
    return Hex.encode(scheme.prefix(), key.mac(body, offset, length));
  }

  /**
   * Checks that {@code headerValue} is a well-formed signature of {@code body} under this secret.
   *
   * @param headerValue the value of the {@code scheme().headerName()} header, or {@code null} when
   *     the request has none
   * @param body the raw body bytes, exactly as received
   * @throws SignatureVerificationException if the header is missing, blank or malformed (see the
   *     class documentation for the reasons and their order) or does not match the body
   * @throws NullPointerException if {@code body} is null
   */
  public void verify(String headerValue, byte[] body) {
    Objects.requireNonNull(body, "body");
    verify(headerValue, body, 0, body.length);
  }

  /**
   * Checks that {@code headerValue} is a well-formed signature of the body held in
   * {@code body[offset, offset + length)}.
   *
   * @param headerValue the value of the {@code scheme().headerName()} header, or {@code null} when
   *     the request has none
   * @param body array holding the raw body bytes
   * @param offset index of the first body byte
   * @param length number of body bytes
   * @throws SignatureVerificationException if the header is missing, blank or malformed (see the
   *     class documentation for the reasons and their order) or does not match the body
   * @throws NullPointerException if {@code body} is null
   * @throws IndexOutOfBoundsException if the range is not inside {@code body}
   */
  public void verify(String headerValue, byte[] body, int offset, int length) {
    Objects.requireNonNull(body, "body");
    Objects.checkFromIndexSize(offset, length, body.length);
    Failure failure = check(headerValue, body, offset, length);
    if (failure != null) {
      throw failure.toException(scheme);
    }
  }

  /**
   * Tells whether {@code headerValue} is a valid signature of {@code body}, for callers that only
   * need a yes or no. Use {@link #verify(String, byte[])} to learn why a delivery was refused.
   *
   * @param headerValue the value of the {@code scheme().headerName()} header; may be {@code null}
   * @param body the raw body bytes, exactly as received
   * @return {@code true} if the header is well-formed and matches the body; {@code false} for a
   *     missing, malformed or non-matching header, never an exception
   * @throws NullPointerException if {@code body} is null
   */
  public boolean isValid(String headerValue, byte[] body) {
    Objects.requireNonNull(body, "body");
    return check(headerValue, body, 0, body.length) == null;
  }

  /**
   * Describes this HMAC without its secret, such as
   * {@code WebhookHmac[scheme=GITHUB_SHA256, secret=<redacted>]}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "WebhookHmac[scheme=" + scheme + ", secret=<redacted>]";
  }

  /** Returns null when the header verifies, else what is wrong with it. */
  private Failure check(String headerValue, byte[] body, int offset, int length) {
    if (headerValue == null) {
      return new Failure(Reason.MISSING_HEADER, "header is missing");
    }
    int start = 0;
    int end = headerValue.length();
    while (start < end && Character.isWhitespace(headerValue.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(headerValue.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return new Failure(Reason.EMPTY_HEADER, "header is empty");
    }
    String prefix = scheme.prefix();
    if (prefix.isEmpty()) {
      if (headerValue.indexOf('=', start) >= 0) {
        return new Failure(Reason.WRONG_PREFIX, "value has a prefix, but this header holds bare hex");
      }
    } else {
      if (!headerValue.regionMatches(true, start, prefix, 0, prefix.length())) {
        return new Failure(Reason.WRONG_PREFIX, "value does not start with " + prefix);
      }
      start += prefix.length();
    }
    int nonHex = Hex.indexOfNonHex(headerValue, start, end);
    if (nonHex >= 0) {
      return new Failure(
          Reason.NON_HEX, "character " + (nonHex - start + 1) + " of the digest is not a hex digit");
    }
    int digits = end - start;
    if ((digits & 1) != 0) {
      return new Failure(
          Reason.ODD_LENGTH, "digest has an odd number of hex digits (" + digits + ")");
    }
    if (digits != scheme.digestLength() * 2) {
      return new Failure(Reason.WRONG_LENGTH, "digest has " + digits + " hex digits");
    }
    byte[] received = new byte[scheme.digestLength()];
    Hex.decode(headerValue, start, end, received);
    if (!MessageDigest.isEqual(key.mac(body, offset, length), received)) {
      return new Failure(
          Reason.SIGNATURE_MISMATCH,
          "signature does not match the body (wrong secret, or the body was changed or re-encoded"
              + " before verification)");
    }
    return null;
  }

  private record Failure(Reason reason, String problem) {
    SignatureVerificationException toException(HmacScheme scheme) {
      String message = scheme.headerName() + ": " + problem;
      if (reason != Reason.SIGNATURE_MISMATCH) {
        message += "; expected " + scheme.expectedForm();
      }
      return new SignatureVerificationException(reason, scheme.headerName(), message);
    }
  }
}
