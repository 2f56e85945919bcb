package dev.buildbridge.signing;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import dev.buildbridge.signing.internal.HmacKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Signs and verifies messages under the <a href="https://www.standardwebhooks.com">Standard
 * Webhooks</a> specification (v1.0.0): the {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} headers, with HMAC-SHA256 ({@code v1}) and Ed25519 ({@code v1a})
 * signatures over {@code {id}.{timestamp}.{body}}. One instance is one trust set: the secrets and
 * keys it was built with. Immutable and thread-safe: build once and share.
 *
 * <pre>{@code
 * StandardWebhooks webhooks = StandardWebhooks.newBuilder()
 *     .secret(System.getenv("WEBHOOK_SECRET"))      // "whsec_..."
 *     .build();
 * byte[] body = request.getInputStream().readAllBytes();   // the raw bytes, before any parsing
 * webhooks.verify(                                    // throws SignatureVerificationException
 *     request.getHeader("webhook-id"),
 *     request.getHeader("webhook-timestamp"),
 *     request.getHeader("webhook-signature"),
 *     body);
 * }</pre>
 *
 * <p>Verification checks, in this order:
 * <ol>
 *   <li>each of the three headers is present ({@link Reason#MISSING_HEADER}) and not blank
 *       ({@link Reason#EMPTY_HEADER}); surrounding whitespace is removed;
 *   <li>the id holds no {@code '.'} and the timestamp is a non-negative decimal integer of at most 18
 *       digits ({@link Reason#MALFORMED_TIMESTAMP} for both: a dot in either makes the signed content
 *       ambiguous, so it is treated as a malformed id/timestamp pair);
 *   <li>the timestamp is no further from the {@linkplain Builder#clock clock} than the
 *       {@linkplain Builder#tolerance tolerance}, in either direction
 *       ({@link Reason#TIMESTAMP_OUT_OF_TOLERANCE}); this runs before any signature is checked;
 *   <li>some entry of the signature header matches: {@code v1,<base64>} is compared in constant time
 *       with the HMAC under every secret, {@code v1a,<base64>} is verified against every Ed25519
 *       public key, other versions are ignored. If no entry matches, the failure is
 *       {@link Reason#SIGNATURE_MISMATCH} when at least one entry was well-formed (known version,
 *       valid base64 of the right length) and {@link Reason#MALFORMED_SIGNATURE} otherwise.
 * </ol>
 * To bound the work an attacker can cause, only the first {@value #MAX_SIGNATURE_ENTRIES}
 * space-separated entries are looked at; the rest are ignored. A valid signature proves the message
 * came from a key holder, not that it is new: deduplicate on {@code webhook-id} for at least the
 * tolerance to stop replays inside the window.
 */
public final class StandardWebhooks {
  /** How many entries of {@code webhook-signature} are examined at most: {@value}. */
  public static final int MAX_SIGNATURE_ENTRIES = 16;

  private static final String SECRET_PREFIX = "whsec_";
  private static final String SIGNING_KEY_PREFIX = "whsk_";
  private static final String PUBLIC_KEY_PREFIX = "whpk_";
  private static final String HMAC = "HmacSHA256";
  private static final String ED25519 = "Ed25519";
  private static final int MIN_SECRET_BYTES = 24;
  private static final int MAX_SECRET_BYTES = 64;
  private static final int HMAC_BYTES = 32;
  private static final int ED25519_KEY_BYTES = 32;
  private static final int ED25519_SIGNATURE_BYTES = 64;
  private static final int MAX_TIMESTAMP_DIGITS = 18;
  private static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  /** DER of PKCS#8 PrivateKeyInfo for Ed25519 (RFC 8410), followed by the 32-byte seed. */
  private static final byte[] PKCS8_PREFIX = {
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
  };
  /** DER of X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410), followed by the 32-byte key. */
  private static final byte[] X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private final List<HmacKey> secrets;
  private final List<PrivateKey> signingKeys;
  private final List<PublicKey> publicKeys;
  private final Provider ed25519Provider; // null when there is no Ed25519 key
  private final Duration tolerance;
  private final Clock clock;

  private StandardWebhooks(Builder builder) {
    this.secrets = List.copyOf(builder.secrets);
    this.signingKeys = List.copyOf(builder.signingKeys);
    this.publicKeys = List.copyOf(builder.publicKeys);
    this.ed25519Provider = publicKeys.isEmpty() ? null : ed25519Provider(publicKeys.get(0));
    this.tolerance = builder.tolerance;
    this.clock = builder.clock;
  }

  /**
   * Returns a builder with no secrets or keys, a tolerance of 5 minutes and the system UTC clock.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Generates a new symmetric secret: {@code whsec_} followed by the base64 of 32 bytes from
   * {@link SecureRandom}. Give it to the receiver over a secure channel.
   *
   * @return the secret, to pass to {@link Builder#secret(String)}
   */
  public static String generateSecret() {
    byte[] key = new byte[32];
    Entropy.INSTANCE.nextBytes(key);
    try {
      return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Generates a new Ed25519 key pair for {@code v1a} signatures, from {@link SecureRandom}. The
   * signing key is written as libsodium does: {@code whsk_} followed by the base64 of the 32-byte
   * seed and the 32-byte public key.
   *
   * @return the signing key (keep it secret, pass it to {@link Builder#signingKey(String)}) and the
   *     public key (hand it to receivers, for {@link Builder#publicKey(String)})
   */
  public static SigningKeyPair generateKeyPair() {
    byte[] both = new byte[2 * ED25519_KEY_BYTES];
    Entropy.INSTANCE.nextBytes(both); // the seed is the first half; the second is overwritten
    Ed25519.generatePublicKey(both, 0, both, ED25519_KEY_BYTES);
    try {
      Base64.Encoder base64 = Base64.getEncoder();
      return new SigningKeyPair(
          SIGNING_KEY_PREFIX + base64.encodeToString(both),
          PUBLIC_KEY_PREFIX
              + base64.encodeToString(
                  Arrays.copyOfRange(both, ED25519_KEY_BYTES, 2 * ED25519_KEY_BYTES)));
    } finally {
      Arrays.fill(both, (byte) 0);
    }
  }

  /**
   * Signs a message with every secret ({@code v1}) and every signing key ({@code v1a}) this
   * instance holds, in the order they were added to the builder.
   *
   * @param msgId the message id, such as {@code msg_2KWPBgLlAfxdpx2AI54pPJ85f4W}; the same for every
   *     retry of a message
   * @param timestamp the time of this delivery attempt; fractions of a second are dropped
   * @param body the raw body bytes that will be sent
   * @return the three header values
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code msgId} is empty, contains {@code '.'} or a character
   *     that is not visible ASCII, or {@code timestamp} is before 1970
   * @throws IllegalStateException if this instance holds only public keys, which cannot sign
   * @throws SignatureVerificationException with {@link Reason#UNSUPPORTED_KEY} if this JVM refuses
   *     to sign with Ed25519
   */
  public WebhookHeaders sign(String msgId, Instant timestamp, byte[] body) {
    Objects.requireNonNull(msgId, "msgId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(body, "body");
    if (msgId.isEmpty()) {
      throw new IllegalArgumentException("msgId is empty");
    }
    for (int i = 0; i < msgId.length(); i++) {
      char c = msgId.charAt(i);
      if (c == '.' || c <= ' ' || c > '~') {
        throw new IllegalArgumentException(
            "msgId must be visible ASCII without '.'; character " + (i + 1) + " is not");
      }
    }
    long seconds = timestamp.getEpochSecond();
    if (seconds < 0) {
      throw new IllegalArgumentException("timestamp is before 1970: " + timestamp);
    }
    if (secrets.isEmpty() && signingKeys.isEmpty()) {
      throw new IllegalStateException(
          "this StandardWebhooks holds only public keys and cannot sign; add a secret or signing key");
    }
    String ts = Long.toString(seconds);
    SignedContent content = new SignedContent(msgId, ts, body);
    Base64.Encoder base64 = Base64.getEncoder();
    StringBuilder signature = new StringBuilder();
    for (HmacKey secret : secrets) {
      appendEntry(signature, "v1,", base64.encodeToString(mac(secret, content)));
    }
    for (PrivateKey key : signingKeys) {
      appendEntry(signature, "v1a,", base64.encodeToString(ed25519Sign(key, content)));
    }
    return new WebhookHeaders(msgId, ts, signature.toString());
  }

  /**
   * Verifies a message given its headers. Header names are matched ignoring case; when the map holds
   * several spellings of one name, the lower-case one wins, otherwise the first in iteration order.
   *
   * @param headers the request headers, at least {@code webhook-id}, {@code webhook-timestamp} and
   *     {@code webhook-signature}; other entries are ignored
   * @param body the raw body bytes, exactly as received
   * @throws SignatureVerificationException if a header is missing or malformed, the timestamp is
   *     outside the tolerance, or no signature entry matches (see the class documentation)
   * @throws NullPointerException if an argument is null
   */
  public void verify(Map<String, String> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    verify(
        header(headers, WebhookHeaders.ID),
        header(headers, WebhookHeaders.TIMESTAMP),
        header(headers, WebhookHeaders.SIGNATURE),
        body);
  }

  /**
   * Verifies a message given the three header values.
   *
   * @param msgId the {@code webhook-id} value, or {@code null} if absent
   * @param timestamp the {@code webhook-timestamp} value, or {@code null} if absent
   * @param signatureHeader the {@code webhook-signature} value, or {@code null} if absent
   * @param body the raw body bytes, exactly as received
   * @throws SignatureVerificationException if a header is missing or malformed, the timestamp is
   *     outside the tolerance, or no signature entry matches (see the class documentation)
   * @throws NullPointerException if {@code body} is null
   */
  public void verify(String msgId, String timestamp, String signatureHeader, byte[] body) {
    Objects.requireNonNull(body, "body");
    String id = present(WebhookHeaders.ID, msgId);
    String ts = present(WebhookHeaders.TIMESTAMP, timestamp);
    String signature = present(WebhookHeaders.SIGNATURE, signatureHeader);
    if (id.indexOf('.') >= 0) {
      throw new SignatureVerificationException(
          Reason.MALFORMED_TIMESTAMP,
          WebhookHeaders.ID,
          WebhookHeaders.ID
              + ": contains '.', which makes the signed content {id}.{timestamp}.{body} ambiguous");
    }
    checkTolerance(parseTimestamp(ts));
    checkSignatures(new SignedContent(id, ts, body), signature);
  }

  /**
   * Describes this instance without its secrets, such as
   * {@code StandardWebhooks[secrets=<1 redacted>, signingKeys=<0 redacted>, publicKeys=1,
   * tolerance=PT5M]}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "StandardWebhooks[secrets=<"
        + secrets.size()
        + " redacted>, signingKeys=<"
        + signingKeys.size()
        + " redacted>, publicKeys="
        + publicKeys.size()
        + ", tolerance="
        + tolerance
        + "]";
  }

  private static String header(Map<String, String> headers, String name) {
    String value = headers.get(name);
    if (value != null) {
      return value;
    }
    for (Map.Entry<String, String> entry : headers.entrySet()) {
      if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static String present(String name, String value) {
    if (value == null) {
      throw new SignatureVerificationException(
          Reason.MISSING_HEADER, name, name + ": header is missing");
    }
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      throw new SignatureVerificationException(Reason.EMPTY_HEADER, name, name + ": header is empty");
    }
    return stripped;
  }

  private static long parseTimestamp(String ts) {
    long seconds = 0;
    boolean digitsOnly = ts.length() <= MAX_TIMESTAMP_DIGITS;
    for (int i = 0; digitsOnly && i < ts.length(); i++) {
      char c = ts.charAt(i);
      digitsOnly = c >= '0' && c <= '9';
      seconds = seconds * 10 + (c - '0');
    }
    if (!digitsOnly) {
      throw new SignatureVerificationException(
          Reason.MALFORMED_TIMESTAMP,
          WebhookHeaders.TIMESTAMP,
          WebhookHeaders.TIMESTAMP
              + ": expected Unix seconds as a decimal integer of 1 to "
              + MAX_TIMESTAMP_DIGITS
              + " digits");
    }
    return seconds;
  }

  private void checkTolerance(long seconds) {
    long skew = clock.instant().getEpochSecond() - seconds; // > 0: in the past
    Duration off = Duration.ofSeconds(Math.abs(skew));
    if (off.compareTo(tolerance) > 0) {
      throw new SignatureVerificationException(
          Reason.TIMESTAMP_OUT_OF_TOLERANCE,
          WebhookHeaders.TIMESTAMP,
          WebhookHeaders.TIMESTAMP
              + ": "
              + off.getSeconds()
              + " s in the "
              + (skew > 0 ? "past" : "future")
              + ", more than the tolerance of "
              + tolerance.getSeconds()
              + " s (a replayed message or a skewed clock)");
    }
  }

  private void checkSignatures(SignedContent content, String header) {
    Base64.Decoder base64 = Base64.getDecoder();
    byte[][] macs = null; // computed on the first well-formed v1 entry
    int entries = 0;
    int v1Entries = 0;
    int v1aEntries = 0;
    int pos = 0;
    int length = header.length();
    while (entries < MAX_SIGNATURE_ENTRIES) {
      while (pos < length && header.charAt(pos) == ' ') {
        pos++;
      }
      if (pos == length) {
        break;
      }
      int end = header.indexOf(' ', pos);
      if (end < 0) {
        end = length;
      }
      entries++;
      int comma = header.indexOf(',', pos);
      int versionLength = comma < 0 || comma > end ? -1 : comma - pos;
      boolean v1 = versionLength == 2 && header.startsWith("v1", pos);
      boolean v1a = versionLength == 3 && header.startsWith("v1a", pos);
      if (v1 || v1a) {
        byte[] received = decodeOrNull(base64, header.substring(comma + 1, end));
        if (v1 && received != null && received.length == HMAC_BYTES) {
          v1Entries++;
          if (macs == null) {
            macs = new byte[secrets.size()][];
            for (int i = 0; i < macs.length; i++) {
              macs[i] = mac(secrets.get(i), content);
            }
          }
          for (byte[] mac : macs) {
            if (MessageDigest.isEqual(mac, received)) {
              return;
            }
          }
        } else if (v1a && received != null && received.length == ED25519_SIGNATURE_BYTES) {
          v1aEntries++;
          for (PublicKey key : publicKeys) {
            if (ed25519Verify(key, content, received)) {
              return;
            }
          }
        }
      }
      pos = end;
    }
    if (v1Entries + v1aEntries == 0) {
      throw new SignatureVerificationException(
          Reason.MALFORMED_SIGNATURE,
          WebhookHeaders.SIGNATURE,
          WebhookHeaders.SIGNATURE
              + ": no well-formed entry among the "
              + entries
              + " examined; expected space-separated v1,<base64 HMAC-SHA256> or"
              + " v1a,<base64 Ed25519 signature>");
    }
    throw new SignatureVerificationException(
        Reason.SIGNATURE_MISMATCH,
        WebhookHeaders.SIGNATURE,
        WebhookHeaders.SIGNATURE
            + ": no entry matches the body ("
            + v1Entries
            + " v1 checked against "
            + secrets.size()
            + " secret(s), "
            + v1aEntries
            + " v1a against "
            + publicKeys.size()
            + " public key(s))");
  }

  private static byte[] decodeOrNull(Base64.Decoder base64, String text) {
    try {
      return base64.decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void appendEntry(StringBuilder signature, String version, String value) {
    if (signature.length() > 0) {
      signature.append(' ');
    }
    signature.append(version).append(value);
  }

  private byte[] ed25519Sign(PrivateKey key, SignedContent content) {
    try {
      Signature signer = Signature.getInstance(ED25519, ed25519Provider);
      signer.initSign(key);
      content.feed(signer);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new SignatureVerificationException(
          Reason.UNSUPPORTED_KEY, null, "Ed25519 signing failed in this JVM", e);
    }
  }

  private boolean ed25519Verify(PublicKey key, SignedContent content, byte[] signature) {
    Signature verifier;
    try {
      verifier = Signature.getInstance(ED25519, ed25519Provider);
      verifier.initVerify(key);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new SignatureVerificationException(
          Reason.UNSUPPORTED_KEY, null, "Ed25519 verification is not available in this JVM", e);
    }
    try {
      content.feed(verifier);
      return verifier.verify(signature);
    } catch (SignatureException e) {
      return false; // a signature that does not decode (R off the curve, S too large) matches nothing
    }
  }

  private static Provider ed25519Provider(PublicKey key) {
    try {
      Signature probe = Signature.getInstance(ED25519);
      probe.initVerify(key); // settles on a provider that accepts this key type
      return probe.getProvider();
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new SignatureVerificationException(
          Reason.UNSUPPORTED_KEY, null, "Ed25519 signatures are not available in this JVM", e);
    }
  }

  private static byte[] mac(HmacKey key, SignedContent content) {
    Mac mac = key.newMac();
    content.feed(mac);
    return mac.doFinal();
  }

  /** The bytes {id}.{timestamp}.{body}, fed piecewise so the body is never copied. */
  private static final class SignedContent {
    private final byte[] id;
    private final byte[] timestamp;
    private final byte[] body;

    SignedContent(String id, String timestamp, byte[] body) {
      this.id = id.getBytes(StandardCharsets.UTF_8);
      this.timestamp = timestamp.getBytes(StandardCharsets.US_ASCII);
      this.body = body;
    }

    void feed(Mac mac) {
      mac.update(id);
      mac.update((byte) '.');
      mac.update(timestamp);
      mac.update((byte) '.');
      mac.update(body);
    }

    void feed(Signature signature) throws SignatureException {
      signature.update(id);
      signature.update((byte) '.');
      signature.update(timestamp);
      signature.update((byte) '.');
      signature.update(body);
    }
  }

  /** Created on first use, so that verifiers that never generate keys never seed it. */
  private static final class Entropy {
    static final SecureRandom INSTANCE = new SecureRandom();
  }

  /**
   * A freshly generated Ed25519 key pair in Standard Webhooks form, from
   * {@link StandardWebhooks#generateKeyPair()}. {@link #toString()} leaves out the signing key.
   *
   * <pre>{@code
   * SigningKeyPair pair = StandardWebhooks.generateKeyPair();
   * StandardWebhooks sender = StandardWebhooks.newBuilder().signingKey(pair.signingKey()).build();
   * StandardWebhooks receiver = StandardWebhooks.newBuilder().publicKey(pair.publicKey()).build();
   * }</pre>
   *
   * @param signingKey {@code whsk_} followed by base64 of the seed and public key; secret
   * @param publicKey {@code whpk_} followed by base64 of the 32-byte public key; shareable
   */
  public record SigningKeyPair(String signingKey, String publicKey) {
    /**
     * Creates a pair.
     *
     * @throws NullPointerException if a value is null
     */
    public SigningKeyPair {
      Objects.requireNonNull(signingKey, "signingKey");
      Objects.requireNonNull(publicKey, "publicKey");
    }

    /**
     * Describes the pair with the signing key redacted.
     *
     * @return {@code SigningKeyPair[signingKey=<redacted>, publicKey=whpk_...]}
     */
    @Override
    public String toString() {
      return "SigningKeyPair[signingKey=<redacted>, publicKey=" + publicKey + "]";
    }
  }

  /**
   * Collects the secrets and keys of a {@link StandardWebhooks}. Not thread-safe. Each key method
   * parses its argument at once and throws if it is unusable, so the error points at the right call.
   *
   * <pre>{@code
   * StandardWebhooks webhooks = StandardWebhooks.newBuilder()
   *     .secret(newSecret)                 // during rotation, both secrets are accepted
   *     .secret(oldSecret)
   *     .tolerance(Duration.ofMinutes(2))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final List<HmacKey> secrets = new ArrayList<>();
    private final List<PrivateKey> signingKeys = new ArrayList<>();
    private final List<PublicKey> publicKeys = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Adds a symmetric secret for {@code v1} (HMAC-SHA256) signatures. May be called several times,
     * for key rotation: verification accepts a {@code v1} entry matching any of them, and
     * {@link StandardWebhooks#sign} writes one entry per secret.
     *
     * @param whsecSecret {@code whsec_} followed by the base64 of 24 to 64 bytes; the prefix may be
     *     left out and surrounding whitespace is ignored
     * @return this builder
     * @throws NullPointerException if {@code whsecSecret} is null
     * @throws SignatureVerificationException with {@link Reason#MALFORMED_KEY} if the text is not
     *     base64, decodes to fewer than 24 or more than 64 bytes, or is an Ed25519 key
     */
    public Builder secret(String whsecSecret) {
      byte[] key = decodeKey(whsecSecret, "whsecSecret", SECRET_PREFIX);
      try {
        if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
          throw malformedKey(
              "whsecSecret: decodes to "
                  + key.length
                  + " bytes; expected "
                  + MIN_SECRET_BYTES
                  + " to "
                  + MAX_SECRET_BYTES
                  + " (whsec_ followed by base64)",
              null);
        }
        secrets.add(new HmacKey(HMAC, key));
      } finally {
        Arrays.fill(key, (byte) 0);
      }
      return this;
    }

    /**
     * Adds an Ed25519 signing key for {@code v1a} signatures. {@link StandardWebhooks#sign} writes one
     * entry per signing key, and verification also accepts signatures from its public key.
     *
     * @param whskSecretKey {@code whsk_} followed by the base64 of either the 32-byte seed or, as
     *     libsodium writes it, the seed followed by the 32-byte public key; the prefix may be left out
     *     and surrounding whitespace is ignored
     * @return this builder
     * @throws NullPointerException if {@code whskSecretKey} is null
     * @throws SignatureVerificationException with {@link Reason#MALFORMED_KEY} if the text is not
     *     base64, has the wrong length, is a {@code whsec_} or {@code whpk_} value, or holds a public
     *     half that does not belong to the seed; with {@link Reason#UNSUPPORTED_KEY} if this JVM has
     *     no Ed25519
     */
    public Builder signingKey(String whskSecretKey) {
      byte[] raw = decodeKey(whskSecretKey, "whskSecretKey", SIGNING_KEY_PREFIX);
      byte[] publicKey = new byte[ED25519_KEY_BYTES];
      byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + ED25519_KEY_BYTES);
      try {
        if (raw.length != ED25519_KEY_BYTES && raw.length != 2 * ED25519_KEY_BYTES) {
          throw malformedKey(
              "whskSecretKey: decodes to "
                  + raw.length
                  + " bytes; expected 32 (seed) or 64 (seed and public key)",
              null);
        }
        Ed25519.generatePublicKey(raw, 0, publicKey, 0);
        if (raw.length == 2 * ED25519_KEY_BYTES
            && !MessageDigest.isEqual(
                publicKey, Arrays.copyOfRange(raw, ED25519_KEY_BYTES, raw.length))) {
          throw malformedKey(
              "whskSecretKey: the public key in the second half does not belong to the seed", null);
        }
        System.arraycopy(raw, 0, pkcs8, PKCS8_PREFIX.length, ED25519_KEY_BYTES);
        PrivateKey privateKey;
        try {
          privateKey = ed25519KeyFactory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
          throw malformedKey("whskSecretKey: the JVM rejected the Ed25519 seed", e);
        }
        PublicKey verifier = toPublicKey(publicKey, "whskSecretKey");
        signingKeys.add(privateKey);
        publicKeys.add(verifier);
      } finally {
        Arrays.fill(raw, (byte) 0);
        Arrays.fill(pkcs8, (byte) 0);
      }
      return this;
    }

    /**
     * Adds an Ed25519 public key that {@code v1a} signatures are verified against. May be called
     * several times; any of them may match.
     *
     * @param whpkPublicKey {@code whpk_} followed by the base64 of the 32-byte public key; the prefix
     *     may be left out and surrounding whitespace is ignored
     * @return this builder
     * @throws NullPointerException if {@code whpkPublicKey} is null
     * @throws SignatureVerificationException with {@link Reason#MALFORMED_KEY} if the text is not
     *     base64, is not 32 bytes, is a {@code whsec_} or {@code whsk_} value, or is not a valid
     *     Ed25519 point of full order; with {@link Reason#UNSUPPORTED_KEY} if this JVM has no Ed25519
     */
    public Builder publicKey(String whpkPublicKey) {
      byte[] raw = decodeKey(whpkPublicKey, "whpkPublicKey", PUBLIC_KEY_PREFIX);
      if (raw.length != ED25519_KEY_BYTES) {
        throw malformedKey(
            "whpkPublicKey: decodes to " + raw.length + " bytes; expected 32 (whpk_ followed by base64)",
            null);
      }
      if (!Ed25519.validatePublicKeyFull(raw, 0)) {
        throw malformedKey("whpkPublicKey: not a valid Ed25519 public key (point off the curve"
            + " or of small order)", null);
      }
      publicKeys.add(toPublicKey(raw, "whpkPublicKey"));
      return this;
    }

    /**
     * Sets how far the {@code webhook-timestamp} may be from the clock, in either direction. The
     * default is 5 minutes. The comparison is in whole seconds: a timestamp exactly the tolerance away
     * is accepted.
     *
     * @param d the tolerance; zero accepts only the clock's current second
     * @return this builder
     * @throws NullPointerException if {@code d} is null
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public Builder tolerance(Duration d) {
      Objects.requireNonNull(d, "tolerance");
      if (d.isNegative()) {
        throw new IllegalArgumentException("tolerance < 0");
      }
      this.tolerance = d;
      return this;
    }

    /**
     * Sets the clock that timestamps are checked against. The default is
     * {@link Clock#systemUTC()}; tests pass a {@link Clock#fixed fixed} clock.
     *
     * @param c the clock
     * @return this builder
     * @throws NullPointerException if {@code c} is null
     */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /**
     * Creates the immutable {@link StandardWebhooks}. The builder may be reused afterwards; later
     * changes do not affect instances already built.
     *
     * @return the instance
     * @throws IllegalStateException if no secret, signing key or public key was added
     * @throws SignatureVerificationException with {@link Reason#UNSUPPORTED_KEY} if this JVM cannot
     *     verify Ed25519 signatures with the keys given
     */
    public StandardWebhooks build() {
      if (secrets.isEmpty() && publicKeys.isEmpty()) {
        throw new IllegalStateException(
            "no secret or key: call secret(), signingKey() or publicKey() before build()");
      }
      return new StandardWebhooks(this);
    }

    private static byte[] decodeKey(String text, String argument, String prefix) {
      Objects.requireNonNull(text, argument);
      String value = text.strip();
      for (String other : new String[] {SECRET_PREFIX, SIGNING_KEY_PREFIX, PUBLIC_KEY_PREFIX}) {
        if (!other.equals(prefix) && value.startsWith(other)) {
          throw malformedKey(
              argument + ": starts with " + other + ", which marks a different kind of key; expected "
                  + prefix + " followed by base64",
              null);
        }
      }
      if (value.startsWith(prefix)) {
        value = value.substring(prefix.length());
      }
      try {
        return Base64.getDecoder().decode(value);
      } catch (IllegalArgumentException e) {
        // the decoder's message quotes the offending character: keep it out of ours, and drop the cause
        throw malformedKey(argument + ": not valid base64 after the " + prefix + " prefix", null);
      }
    }

    private static PublicKey toPublicKey(byte[] raw, String argument) {
      byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + ED25519_KEY_BYTES);
      System.arraycopy(raw, 0, x509, X509_PREFIX.length, ED25519_KEY_BYTES);
      try {
        return ed25519KeyFactory().generatePublic(new X509EncodedKeySpec(x509));
      } catch (GeneralSecurityException e) {
        throw malformedKey(argument + ": the JVM rejected the Ed25519 public key", e);
      }
    }

    private static KeyFactory ed25519KeyFactory() {
      try {
        return KeyFactory.getInstance(ED25519);
      } catch (NoSuchAlgorithmException e) {
        throw new SignatureVerificationException(
            Reason.UNSUPPORTED_KEY, null, "Ed25519 keys are not supported by this JVM", e);
      }
    }

    private static SignatureVerificationException malformedKey(String message, Throwable cause) {
      return new SignatureVerificationException(Reason.MALFORMED_KEY, null, message, cause);
    }
  }
}
