package dev.buildbridge.signing;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import dev.buildbridge.signing.internal.SignerProvider;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Signs bodies the way TuxSuite signs its build, test and plan callbacks, for test harnesses and for
 * services that emit TuxSuite-compatible callbacks: ECDSA with SHA-256 over the exact body bytes, the
 * DER signature in URL-safe base64 with {@code =} padding, sent in the {@code x-tux-payload-signature}
 * header. The receiver verifies it with the matching public key ({@code ecdsa-sha2-nistp256 AAAA...}).
 *
 * <pre>{@code
 * TuxSuiteCallbackSigner signer = TuxSuiteCallbackSigner.fromPem(Files.readString(Path.of("tux.pem")));
 * byte[] body = "{\"kind\": \"test\", \"status\": {}}".getBytes(StandardCharsets.UTF_8);
 * HttpRequest request = HttpRequest.newBuilder(callbackUri)
 *     .header(TuxSuiteCallbackSigner.SIGNATURE_HEADER, signer.sign(body))
 *     .POST(HttpRequest.BodyPublishers.ofByteArray(body))
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; build one per key and share it. The signature provider
 * is chosen once, when the signer is created.
 */
public final class TuxSuiteCallbackSigner {
  /** The header TuxSuite puts the signature in: {@value}. */
  public static final String SIGNATURE_HEADER = TuxSuiteCallbackVerifier.SIGNATURE_HEADER;

  private static final String ALGORITHM = "SHA256withECDSA";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder();

  private final PrivateKey key;
  private final Provider provider;
  private final String curve;

  private TuxSuiteCallbackSigner(PrivateKey key, Provider provider, String curve) {
    this.key = key;
    this.provider = provider;
    this.curve = curve;
  }

  /**
   * Returns a signer for an EC private key. TuxSuite uses P-256; any curve the key's provider supports
   * is accepted and signed with SHA256withECDSA.
   *
   * @param ecPrivateKey the EC private key
   * @return the signer
   * @throws NullPointerException if {@code ecPrivateKey} is null
   * @throws SignatureVerificationException {@link Reason#UNSUPPORTED_KEY} when the key is not an EC
   *     key or no installed provider can sign with it
   */
  public static TuxSuiteCallbackSigner of(PrivateKey ecPrivateKey) {
    Objects.requireNonNull(ecPrivateKey, "ecPrivateKey");
    if (!"EC".equals(ecPrivateKey.getAlgorithm())) {
      throw new SignatureVerificationException(Reason.UNSUPPORTED_KEY, null,
          "TuxSuite callbacks are signed with ECDSA: expected an EC private key, got "
              + ecPrivateKey.getAlgorithm());
    }
    return new TuxSuiteCallbackSigner(ecPrivateKey,
        SignerProvider.select(ALGORITHM, ecPrivateKey, "EC"), curveName(ecPrivateKey));
  }

  /**
   * Returns a signer for an unencrypted EC private key in PEM or OpenSSH text, such as the
   * {@code -----BEGIN EC PRIVATE KEY-----} that {@code ssh-keygen -t ecdsa -b 256 -m PEM} writes.
   *
   * @param pemOrOpenSsh the key text, read by {@link PrivateKeys#parse(String)}
   * @return the signer
   * @throws NullPointerException if {@code pemOrOpenSsh} is null
   * @throws SignatureVerificationException {@link Reason#MALFORMED_KEY} when the text cannot be read;
   *     {@link Reason#UNSUPPORTED_KEY} when it holds no EC private key
   */
  public static TuxSuiteCallbackSigner fromPem(String pemOrOpenSsh) {
    return of(PrivateKeys.parse(Objects.requireNonNull(pemOrOpenSsh, "pemOrOpenSsh")));
  }

  /**
   * Signs the exact body bytes, as they will be sent.
   *
   * @param body the HTTP request body
   * @return the {@value #SIGNATURE_HEADER} header value: the DER ECDSA signature in URL-safe base64
   *     with {@code =} padding
   * @throws NullPointerException if {@code body} is null
   * @throws SignatureVerificationException {@link Reason#KEY_UNAVAILABLE} when the key's provider
   *     fails to sign (a hardware token that went away, say)
   */
  public String sign(byte[] body) {
    Objects.requireNonNull(body, "body");
    try {
      Signature signature = Signature.getInstance(ALGORITHM, provider);
      signature.initSign(key);
      signature.update(body);
      return BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new SignatureVerificationException(Reason.KEY_UNAVAILABLE, null,
          "signing with the EC key failed in provider " + provider.getName(), e);
    }
  }

  /**
   * Returns the headers to send with the body: just {@value #SIGNATURE_HEADER}.
   *
   * @param body the HTTP request body
   * @return an immutable map from {@value #SIGNATURE_HEADER} to {@link #sign(byte[]) sign(body)}
   * @throws NullPointerException if {@code body} is null
   * @throws SignatureVerificationException as {@link #sign(byte[])}
   */
  public Map<String, String> headers(byte[] body) {
    return Map.of(SIGNATURE_HEADER, sign(body));
  }

  /**
   * Names the curve only; the key is never shown.
   *
   * @return for example {@code TuxSuiteCallbackSigner[curve=secp256r1]}
   */
  @Override
  public String toString() {
    return "TuxSuiteCallbackSigner[curve=" + curve + "]";
  }

  private static String curveName(PrivateKey key) {
    if (!(key instanceof ECPrivateKey ec) || ec.getParams() == null) {
      return "unknown";
    }
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(ec.getParams());
      String name = parameters.getParameterSpec(ECGenParameterSpec.class).getName();
      switch (name) {
        case "1.2.840.10045.3.1.7":
          return "secp256r1";
        case "1.3.132.0.34":
          return "secp384r1";
        case "1.3.132.0.35":
          return "secp521r1";
        default:
          return name;
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      return "unknown";
    }
  }
}
