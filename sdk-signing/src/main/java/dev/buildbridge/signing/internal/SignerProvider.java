package dev.buildbridge.signing.internal;

import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;

/** Picks, once per key, the JCA provider that signs with it, so signing never searches again. */
public final class SignerProvider {
  private SignerProvider() {}

  /**
   * Returns the provider that initializes {@code algorithm} for signing with {@code key}.
   *
   * @param algorithm such as {@code SHA256withECDSA}
   * @param key the private key
   * @param keyKind how to name the key in a message, such as {@code EC}
   * @return the provider
   * @throws SignatureVerificationException {@link Reason#UNSUPPORTED_KEY} when no installed provider
   *     can sign with the key
   */
  public static Provider select(String algorithm, PrivateKey key, String keyKind) {
    try {
      Signature signature = Signature.getInstance(algorithm);
      signature.initSign(key);
      return signature.getProvider();
    } catch (GeneralSecurityException e) {
      throw new SignatureVerificationException(Reason.UNSUPPORTED_KEY, null,
          "no installed provider can sign " + algorithm + " with this " + keyKind + " key", e);
    }
  }
}
