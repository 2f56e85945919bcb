package dev.buildbridge.signing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.buildbridge.core.json.HardenedJson;
import dev.buildbridge.core.json.JsonLimits;
import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies TuxSuite callback notifications: the {@code x-tux-payload-signature} header holds the
 * URL-safe base64 of a DER ECDSA signature, made with the group's key (NIST P-256) and SHA-256 over
 * the exact raw request body. Verify the bytes as received, before any parsing, then parse
 * {@link TuxSuiteVerification#payload()}. Immutable and thread-safe; build one and share it.
 *
 * <pre>{@code
 * // The group's key, from `tuxsuite keys get` or GET /v1/groups/{g}/projects/{p}/keys (ssh.pub).
 * // (This one is SQUAD's public test key; use your own group's.)
 * TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.of(
 *     "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBO+6+lFvdyBmIxnz1PTlj6rn"
 *         + "B6V2a0VOT3B/qWazhJY9Ifp5AOoTFlTxqj6IqITHZ3iVTv611rsEC8VDYCgHhyU=");
 * byte[] body = ("{\"kind\": \"test\", \"status\": {\"uid\": \"2MBYa8FhoBHkRCX2BMMPusjuClf\", "
 *     + "\"state\": \"finished\", \"result\": \"pass\"}}").getBytes(StandardCharsets.UTF_8);
 * String header = "MEUCIBmRuzA_HKytFkso2bzwHDGi53VxEWbF3_qRbisYPuFeAiEAwZJbHWXyftptEh92tDdE1Am2BmQ7YDEW7"
 *     + "JQIFKr-dQ0=";
 * try {
 *     TuxSuiteVerification verified = verifier.verify(header, body);
 *     JsonNode callback = mapper.readTree(verified.payload());
 * } catch (SignatureVerificationException e) {
 *     // respond 400 or 401; e.reason() says why
 * }
 * }</pre>
 *
 * <p>What is accepted:
 * <ul>
 *   <li>the header in the URL-safe or the standard base64 alphabet, with or without {@code =}
 *       padding, with surrounding whitespace;
 *   <li>a DER signature, or a 64-byte IEEE P1363 {@code r || s} one (96 and 132 bytes for P-384 and
 *       P-521 keys);
 *   <li>any NIST ECDSA key ({@code ecdsa-sha2-nistp256}, {@code -nistp384}, {@code -nistp521}); the
 *       hash is SHA-256 whatever the curve, as the scheme fixes it. Ed25519 keys are refused;
 *   <li>unless turned off with {@link Builder#allowLegacyDoubleEncoding(boolean)}, the double-encoded
 *       bodies TuxSuite sent from about 2023-07 to 2024-12: a JSON string literal whose decoded text
 *       is what was signed. This is tried only after the raw body fails to verify.
 * </ul>
 *
 * <p>With a {@link PublicKeyProvider} instead of a pinned key, the key is fetched on the first
 * {@code verify} and cached. When a signature does not match and the last fetch is at least
 * {@linkplain Builder#refreshInterval(Duration) the refresh interval} old, the key is fetched once
 * more and, if it changed, the signature is checked against the new key; so a rotated key is picked
 * up without a restart. The provider is called at most once per interval whatever the traffic, also
 * while it is failing and no key has been obtained yet (verifications then fail with
 * {@link Reason#KEY_UNAVAILABLE}). A failed fetch keeps the key already cached.
 */
public final class TuxSuiteCallbackVerifier {

  /** The header that carries the signature: {@value}. */
  public static final String SIGNATURE_HEADER = "x-tux-payload-signature";

  private static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(5);
  /** A DER P-521 signature is at most 139 bytes, 188 base64 characters; leave room for whitespace. */
  private static final int MAX_HEADER_CHARS = 512;
  private static final String DER_ALGORITHM = "SHA256withECDSA";
  private static final String P1363_ALGORITHM = "SHA256withECDSAinP1363Format";
  private static final String EXPECTED_SIGNATURE =
      "expected URL-safe base64 of a DER ECDSA signature";
  private static final JsonFactory JSON = HardenedJson.newFactory(JsonLimits.defaults());

  private final OpenSshPublicKey pinned;
  private final PublicKeyProvider provider;
  private final Duration refreshInterval;
  private final boolean allowLegacyDoubleEncoding;
  private final Clock clock;

  /** Guards fetches from the provider; never held while verifying. */
  private final Object fetchLock = new Object();
  /** The provider's last answer; replaced as a whole, under {@link #fetchLock}. */
  private volatile KeyState keyState = KeyState.EMPTY;

  private TuxSuiteCallbackVerifier(Builder builder) {
    this.pinned = builder.publicKey;
    this.provider = builder.keyProvider;
    this.refreshInterval = builder.refreshInterval;
    this.allowLegacyDoubleEncoding = builder.allowLegacyDoubleEncoding;
    this.clock = builder.clock;
  }

  /**
   * Returns a verifier for a pinned key, with the defaults of {@link #newBuilder()}.
   *
   * @param pinned the TuxSuite group's key
   * @return the verifier
   * @throws NullPointerException when {@code pinned} is null
   * @throws SignatureVerificationException {@link Reason#UNSUPPORTED_KEY} when the key is not an
   *     ECDSA key
   */
  public static TuxSuiteCallbackVerifier of(OpenSshPublicKey pinned) {
    return newBuilder().publicKey(pinned).build();
  }

  /**
   * Parses an OpenSSH key line once and returns a verifier pinned to it, with the defaults of
   * {@link #newBuilder()}.
   *
   * @param pinnedOpenSshLine the TuxSuite group's key, such as
   *     {@code ecdsa-sha2-nistp256 AAAAE2VjZHNh...}
   * @return the verifier
   * @throws NullPointerException when {@code pinnedOpenSshLine} is null
   * @throws SignatureVerificationException {@link Reason#MALFORMED_KEY} when the line cannot be
   *     parsed (see {@link OpenSshPublicKey#parse(String)}); {@link Reason#UNSUPPORTED_KEY} when the
   *     key is not an ECDSA key
   */
  public static TuxSuiteCallbackVerifier of(String pinnedOpenSshLine) {
    Objects.requireNonNull(pinnedOpenSshLine, "pinnedOpenSshLine");
    return of(OpenSshPublicKey.parse(pinnedOpenSshLine));
  }

  /**
   * Returns a builder with the defaults: no key (set one of {@link Builder#publicKey} or
   * {@link Builder#keyProvider}), a 5-minute refresh interval, the legacy double-encoded form
   * accepted, and the system UTC clock.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this verifier's configuration, to derive a variant. A verifier built
   * from it starts with an empty key cache.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.publicKey = pinned;
    builder.keyProvider = provider;
    builder.refreshInterval = refreshInterval;
    builder.allowLegacyDoubleEncoding = allowLegacyDoubleEncoding;
    builder.clock = clock;
    return builder;
  }

  /**
   * Verifies a callback given the {@code x-tux-payload-signature} header value and the raw body.
   *
   * @param signatureHeader the header value, or {@code null} when the request had none
   * @param body the request body exactly as received
   * @return the payload to parse, and whether it was the legacy double-encoded form
   * @throws NullPointerException when {@code body} is null
   * @throws SignatureVerificationException {@link Reason#MISSING_HEADER} when the header is null;
   *     {@link Reason#EMPTY_HEADER} when it is blank; {@link Reason#MALFORMED_SIGNATURE} when it is
   *     not base64 or not a DER (or P1363) signature; {@link Reason#SIGNATURE_MISMATCH} when the
   *     signature does not match the body under the key; {@link Reason#KEY_UNAVAILABLE} when the key
   *     provider failed and no key is cached; {@link Reason#UNSUPPORTED_KEY} when the provider
   *     returned a key that is not an ECDSA key
   */
  public TuxSuiteVerification verify(String signatureHeader, byte[] body) {
    Objects.requireNonNull(body, "body");
    byte[] signature = decodeHeader(signatureHeader);
    OpenSshPublicKey key = pinned != null ? pinned : cachedOrFetchedKey();
    TuxSuiteVerification verified = verifyWith(key, signature, body);
    if (verified == null && provider != null) {
      OpenSshPublicKey refreshed = refreshedKey(key);
      if (refreshed != null && !refreshed.equals(key)) {
        verified = verifyWith(refreshed, signature, body);
      }
    }
    if (verified == null) {
      throw new SignatureVerificationException(Reason.SIGNATURE_MISMATCH, SIGNATURE_HEADER,
          SIGNATURE_HEADER + " does not match the request body under the TuxSuite key "
              + key.fingerprint());
    }
    return verified;
  }

  /**
   * Verifies a callback given its headers and the raw body. The header name is matched without
   * regard to case.
   *
   * @param headers the request headers, one value per name
   * @param body the request body exactly as received
   * @return the payload to parse, and whether it was the legacy double-encoded form
   * @throws NullPointerException when {@code headers} or {@code body} is null
   * @throws SignatureVerificationException as {@link #verify(String, byte[])}, and
   *     {@link Reason#MALFORMED_SIGNATURE} when the map holds the header under two spellings
   */
  public TuxSuiteVerification verify(Map<String, String> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    return verify(findHeader(headers), body);
  }

  /**
   * Describes the key source and options; holds no signature or payload data.
   *
   * @return such as
   *     {@code TuxSuiteCallbackVerifier[key=ecdsa-sha2-nistp256 SHA256:..., legacyDoubleEncoding=true]}
   */
  @Override
  public String toString() {
    String source = pinned != null
        ? "key=" + pinned.type() + ' ' + pinned.fingerprint()
        : "keyProvider=" + provider + ", refreshInterval=" + refreshInterval;
    return "TuxSuiteCallbackVerifier[" + source + ", legacyDoubleEncoding="
        + allowLegacyDoubleEncoding + ']';
  }

  // ---- signature --------------------------------------------------------------------------------

  private static String findHeader(Map<String, String> headers) {
    String found = headers.get(SIGNATURE_HEADER);
    if (found != null) {
      return found;
    }
    String foundName = null;
    for (Map.Entry<String, String> entry : headers.entrySet()) {
      String name = entry.getKey();
      if (name != null && entry.getValue() != null && name.equalsIgnoreCase(SIGNATURE_HEADER)) {
        if (foundName != null) {
          throw new SignatureVerificationException(Reason.MALFORMED_SIGNATURE, SIGNATURE_HEADER,
              SIGNATURE_HEADER + " appears twice (as " + foundName + " and " + name
                  + "); expected one signature");
        }
        foundName = name;
        found = entry.getValue();
      }
    }
    return found;
  }

  /** Strips whitespace, maps the standard alphabet onto the URL-safe one and decodes. */
  private static byte[] decodeHeader(String header) {
    if (header == null) {
      throw new SignatureVerificationException(Reason.MISSING_HEADER, SIGNATURE_HEADER,
          "missing " + SIGNATURE_HEADER + " header; " + EXPECTED_SIGNATURE);
    }
    int start = 0;
    int end = header.length();
    while (start < end && header.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && header.charAt(end - 1) <= ' ') {
      end--;
    }
    if (start == end) {
      throw new SignatureVerificationException(Reason.EMPTY_HEADER, SIGNATURE_HEADER,
          SIGNATURE_HEADER + " header is empty; " + EXPECTED_SIGNATURE);
    }
    if (end - start > MAX_HEADER_CHARS) {
      throw malformedSignature(SIGNATURE_HEADER + " header is " + (end - start)
          + " characters long, more than any ECDSA signature needs; " + EXPECTED_SIGNATURE, null);
    }
    byte[] ascii = new byte[end - start];
    for (int i = start; i < end; i++) {
      char c = header.charAt(i);
      if (c > 0x7f) {
        throw malformedSignature(SIGNATURE_HEADER + " is not valid base64 (non-ASCII character); "
            + EXPECTED_SIGNATURE, null);
      }
      ascii[i - start] = (byte) (c == '+' ? '-' : c == '/' ? '_' : c);
    }
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(ascii);
    } catch (IllegalArgumentException e) {
      throw malformedSignature(SIGNATURE_HEADER + " is not valid base64; " + EXPECTED_SIGNATURE,
          null);
    }
    if (signature.length == 0) {
      throw malformedSignature(SIGNATURE_HEADER + " decodes to no bytes; " + EXPECTED_SIGNATURE,
          null);
    }
    return signature;
  }

  /** Returns the verified payload, or null when the signature does not match under {@code key}. */
  private TuxSuiteVerification verifyWith(OpenSshPublicKey key, byte[] signature, byte[] body) {
    ECPublicKey ecKey = requireEcdsa(key);
    if (matches(ecKey, signature, body)) {
      return new TuxSuiteVerification(false, body);
    }
    if (allowLegacyDoubleEncoding) {
      byte[] inner = decodeJsonStringLiteral(body);
      if (inner != null && matches(ecKey, signature, inner)) {
        return new TuxSuiteVerification(true, inner);
      }
    }
    return null;
  }

  /**
   * Checks a DER signature; a signature of exactly twice the group order's size may instead be IEEE
   * P1363 {@code r || s}: such a signature is tried as P1363 too, unless it verified as DER.
   */
  private static boolean matches(ECPublicKey key, byte[] signature, byte[] data) {
    int orderBytes = (key.getParams().getOrder().bitLength() + 7) / 8;
    boolean maybeP1363 = signature.length == 2 * orderBytes;
    if (!maybeP1363 || signature[0] == 0x30) {
      try {
        if (verifyOnce(DER_ALGORITHM, key, signature, data)) {
          return true;
        }
      } catch (SignatureException e) {
        if (!maybeP1363) {
          throw malformedSignature(SIGNATURE_HEADER + " is not a DER-encoded ECDSA signature; "
              + EXPECTED_SIGNATURE, e);
        }
      }
    }
    if (maybeP1363) {
      try {
        return verifyOnce(P1363_ALGORITHM, key, signature, data);
      } catch (SignatureException e) {
        throw malformedSignature(SIGNATURE_HEADER + " is not a valid ECDSA signature; "
            + EXPECTED_SIGNATURE, e);
      }
    }
    return false;
  }

  private static boolean verifyOnce(String algorithm, ECPublicKey key, byte[] signature,
      byte[] data) throws SignatureException {
    Signature verifier;
    try {
      verifier = Signature.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK does not provide " + algorithm, e);
    }
    try {
      verifier.initVerify(key);
    } catch (InvalidKeyException e) {
      throw new SignatureVerificationException(Reason.UNSUPPORTED_KEY, null,
          "the TuxSuite key was refused by the " + algorithm + " implementation", e);
    }
    verifier.update(data);
    return verifier.verify(signature);
  }

  private static ECPublicKey requireEcdsa(OpenSshPublicKey key) {
    if (key.publicKey() instanceof ECPublicKey) {
      return (ECPublicKey) key.publicKey();
    }
    throw unsupported(key);
  }

  private static SignatureVerificationException unsupported(OpenSshPublicKey key) {
    return new SignatureVerificationException(Reason.UNSUPPORTED_KEY, null,
        "TuxSuite callbacks are signed with ECDSA; a " + key.type() + " key (" + key.fingerprint()
            + ") cannot verify them; expected ecdsa-sha2-nistp256");
  }

  private static SignatureVerificationException malformedSignature(String message,
      Throwable cause) {
    return new SignatureVerificationException(Reason.MALFORMED_SIGNATURE, SIGNATURE_HEADER,
        message, cause);
  }

  /**
   * Returns the UTF-8 bytes of the string a body holds when the body is exactly one JSON string
   * literal (strict JSON, surrounding whitespace allowed); otherwise null.
   */
  private static byte[] decodeJsonStringLiteral(byte[] body) {
    int i = 0;
    while (i < body.length && isJsonWhitespace(body[i])) {
      i++;
    }
    if (i == body.length || body[i] != '"') {
      return null;
    }
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      String text = parser.getText();
      return parser.nextToken() == null ? text.getBytes(StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isJsonWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  // ---- key provider -----------------------------------------------------------------------------

  /** The cached key (null until a fetch succeeds), when the provider was last asked, and why the
   *  last fetch failed if it did. */
  private record KeyState(OpenSshPublicKey key, Instant fetchedAt,
      SignatureVerificationException failure) {
    static final KeyState EMPTY = new KeyState(null, null, null);
  }

  private OpenSshPublicKey cachedOrFetchedKey() {
    KeyState state = keyState;
    if (state.key() != null) {
      return state.key();
    }
    synchronized (fetchLock) {
      state = keyState;
      if (state.key() == null && isDue(state)) {
        state = fetch(state);
      }
      if (state.key() != null) {
        return state.key();
      }
      // A fresh exception per caller: exceptions are mutable (stack trace, suppressed).
      SignatureVerificationException failure = state.failure();
      throw new SignatureVerificationException(failure.reason(), null, failure.getMessage(),
          failure.getCause());
    }
  }

  /**
   * After a mismatch under {@code used}: returns the key to retry with, or null. Fetches only when
   * no other thread has replaced the key meanwhile and the last fetch is at least one interval old.
   */
  private OpenSshPublicKey refreshedKey(OpenSshPublicKey used) {
    synchronized (fetchLock) {
      KeyState state = keyState;
      if (state.key() != used) {
        return state.key();
      }
      if (!isDue(state)) {
        return null;
      }
      return fetch(state).key();
    }
  }

  private boolean isDue(KeyState state) {
    if (state.fetchedAt() == null) {
      return true;
    }
    Duration elapsed = Duration.between(state.fetchedAt(), clock.instant());
    // A clock that went backwards must not stop refreshes for good.
    return elapsed.isNegative() || elapsed.compareTo(refreshInterval) >= 0;
  }

  /** Asks the provider once, under {@link #fetchLock}; a failure keeps the cached key. */
  private KeyState fetch(KeyState previous) {
    Instant now = clock.instant();
    KeyState next;
    try {
      OpenSshPublicKey fetched = provider.fetch();
      if (fetched == null) {
        next = new KeyState(previous.key(), now, new SignatureVerificationException(
            Reason.KEY_UNAVAILABLE, null, "the TuxSuite key provider returned no key"));
      } else if (fetched.publicKey() instanceof ECPublicKey) {
        next = new KeyState(fetched, now, null);
      } else {
        next = new KeyState(previous.key(), now, unsupported(fetched));
      }
    } catch (IOException | RuntimeException e) {
      next = new KeyState(previous.key(), now, new SignatureVerificationException(
          Reason.KEY_UNAVAILABLE, null, "could not get the TuxSuite public key from the key "
              + "provider (" + e.getClass().getName() + "); it is asked again after "
              + refreshInterval, e));
    }
    keyState = next;
    return next;
  }

  // ---- builder ----------------------------------------------------------------------------------

  /**
   * Configures a {@link TuxSuiteCallbackVerifier}. Set exactly one key source: a pinned
   * {@link #publicKey(OpenSshPublicKey)} or a {@link #keyProvider(PublicKeyProvider)}. Not
   * thread-safe.
   *
   * <pre>{@code
   * TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.newBuilder()
   *     .keyProvider(() -> OpenSshPublicKey.parse(fetchSshPubFromTuxSuite()))
   *     .refreshInterval(Duration.ofMinutes(10))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private OpenSshPublicKey publicKey;
    private PublicKeyProvider keyProvider;
    private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
    private boolean allowLegacyDoubleEncoding = true;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Pins the key that signs the callbacks. Not set by default; exclusive with
     * {@link #keyProvider(PublicKeyProvider)}.
     *
     * @param pinned the TuxSuite group's ECDSA key
     * @return this builder
     * @throws NullPointerException when {@code pinned} is null
     */
    public Builder publicKey(OpenSshPublicKey pinned) {
      this.publicKey = Objects.requireNonNull(pinned, "pinned");
      return this;
    }

    /**
     * Fetches the key from a provider, lazily and cached (see the class description). Not set by
     * default; exclusive with {@link #publicKey(OpenSshPublicKey)}.
     *
     * @param provider supplies the current key
     * @return this builder
     * @throws NullPointerException when {@code provider} is null
     */
    public Builder keyProvider(PublicKeyProvider provider) {
      this.keyProvider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Sets the least time between two calls to the key provider. Default 5 minutes; zero allows a
     * fetch on every mismatch. Ignored with a pinned key.
     *
     * @param interval the interval, zero or positive
     * @return this builder
     * @throws NullPointerException when {@code interval} is null
     * @throws IllegalArgumentException when {@code interval} is negative
     */
    public Builder refreshInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("refreshInterval < 0: " + interval);
      }
      this.refreshInterval = interval;
      return this;
    }

    /**
     * Accepts or refuses the legacy double-encoded body (a JSON string literal whose decoded text
     * is what was signed), tried only after the raw body fails. Default {@code true}.
     *
     * @param on whether to accept the legacy form
     * @return this builder
     */
    public Builder allowLegacyDoubleEncoding(boolean on) {
      this.allowLegacyDoubleEncoding = on;
      return this;
    }

    /**
     * Sets the clock that times key refreshes. Default {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException when {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws IllegalStateException when neither or both of a pinned key and a key provider are set
     * @throws SignatureVerificationException {@link Reason#UNSUPPORTED_KEY} when the pinned key is
     *     not an ECDSA key
     */
    public TuxSuiteCallbackVerifier build() {
      if ((publicKey == null) == (keyProvider == null)) {
        throw new IllegalStateException(
            "set exactly one of publicKey(...) or keyProvider(...), "
                + (publicKey == null ? "none was set" : "both were set"));
      }
      if (publicKey != null) {
        requireEcdsa(publicKey);
      }
      return new TuxSuiteCallbackVerifier(this);
    }
  }
}
