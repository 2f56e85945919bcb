package dev.buildbridge.signing.internal;

import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One HMAC secret, ready for many threads: an initialized {@link Mac} that is never updated itself
 * and is cloned for each computation, so no call pays for a provider lookup or key setup.
 */
public final class HmacKey {
  private final String algorithm;
  private final SecretKeySpec key;
  private final Mac prototype;
  private final boolean cloneable;

  /**
   * Creates the key.
   *
   * @param algorithm a JCA MAC name every Java SE has, such as {@code HmacSHA256}
   * @param secret the secret; copied, so later changes to the array have no effect
   * @throws IllegalArgumentException if {@code secret} is empty
   */
  public HmacKey(String algorithm, byte[] secret) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.key = new SecretKeySpec(secret, algorithm); // copies the array, rejects an empty one
    this.prototype = newInitializedMac();
    boolean canClone;
    try {
      prototype.clone();
      canClone = true;
    } catch (CloneNotSupportedException e) {
      canClone = false;
    }
    this.cloneable = canClone;
  }

  /**
   * Returns a MAC keyed with this secret and holding no input yet; the caller owns it.
   *
   * @return a fresh MAC
   */
  public Mac newMac() {
    if (cloneable) {
      try {
        return (Mac) prototype.clone();
      } catch (CloneNotSupportedException e) {
        // cannot happen: the constructor cloned it once; fall through to a fresh instance
      }
    }
    return newInitializedMac();
  }

  /**
   * Computes the MAC of {@code data[offset, offset + length)}.
   *
   * @param data the input
   * @param offset index of the first byte
   * @param length number of bytes
   * @return the MAC
   */
  public byte[] mac(byte[] data, int offset, int length) {
    Mac mac = newMac();
    mac.update(data, offset, length);
    return mac.doFinal();
  }

  private Mac newInitializedMac() {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      // every Java SE implementation must provide HmacSHA1 and HmacSHA256 and accept any key
      throw new IllegalStateException(algorithm + " is not usable in this JVM", e);
    }
  }

  /**
   * Describes the key without its secret.
   *
   * @return such as {@code HmacKey[HmacSHA256, secret=<redacted>]}
   */
  @Override
  public String toString() {
    return "HmacKey[" + algorithm + ", secret=<redacted>]";
  }
}
