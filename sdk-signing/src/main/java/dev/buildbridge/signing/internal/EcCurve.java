package dev.buildbridge.signing.internal;

import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.util.Arrays;

/**
 * The NIST prime curves OpenSSH names {@code nistp256}, {@code nistp384} and {@code nistp521}, with
 * their JCA parameters resolved once from the JDK, and the point checks the JDK's key factory leaves
 * out.
 */
public enum EcCurve {
  /** NIST P-256 (secp256r1). */
  P256("ecdsa-sha2-nistp256", "nistp256", "secp256r1"),
  /** NIST P-384 (secp384r1). */
  P384("ecdsa-sha2-nistp384", "nistp384", "secp384r1"),
  /** NIST P-521 (secp521r1). */
  P521("ecdsa-sha2-nistp521", "nistp521", "secp521r1");

  private final String sshKeyType;
  private final String sshCurveName;
  private final ECParameterSpec params;
  private final BigInteger p;
  private final int fieldBytes;

  EcCurve(String sshKeyType, String sshCurveName, String stdName) {
    this.sshKeyType = sshKeyType;
    this.sshCurveName = sshCurveName;
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(stdName));
      this.params = parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK does not provide EC curve " + stdName, e);
    }
    this.p = ((ECFieldFp) params.getCurve().getField()).getP();
    this.fieldBytes = (p.bitLength() + 7) / 8;
  }

  /**
   * Returns the curve for an OpenSSH key type.
   *
   * @param sshKeyType such as {@code ecdsa-sha2-nistp256}
   * @return the curve, or {@code null} when the type is not an ECDSA type
   */
  public static EcCurve forSshKeyType(String sshKeyType) {
    for (EcCurve curve : values()) {
      if (curve.sshKeyType.equals(sshKeyType)) {
        return curve;
      }
    }
    return null;
  }

  /**
   * Returns the curve a JCA EC key lies on.
   *
   * @param key the key
   * @return the curve, or {@code null} when it is none of P-256, P-384 and P-521
   */
  public static EcCurve of(ECPublicKey key) {
    ECParameterSpec given = key.getParams();
    for (EcCurve curve : values()) {
      if (curve.params.getCurve().equals(given.getCurve())
          && curve.params.getOrder().equals(given.getOrder())
          && curve.params.getGenerator().equals(given.getGenerator())) {
        return curve;
      }
    }
    return null;
  }

  /**
   * Encodes a point of this curve in uncompressed SEC1 form, {@code 0x04 || X || Y}.
   *
   * @param point the affine point
   * @return the encoding, {@code 1 + 2 * fieldBytes} long
   */
  public byte[] encodePoint(ECPoint point) {
    byte[] out = new byte[1 + 2 * fieldBytes];
    out[0] = 0x04;
    copyUnsigned(point.getAffineX(), out, 1);
    copyUnsigned(point.getAffineY(), out, 1 + fieldBytes);
    return out;
  }

  private void copyUnsigned(BigInteger value, byte[] out, int offset) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > fieldBytes ? bytes.length - fieldBytes : 0;
    int length = bytes.length - skip;
    System.arraycopy(bytes, skip, out, offset + fieldBytes - length, length);
  }

  /**
   * Returns the OpenSSH key type.
   *
   * @return such as {@code ecdsa-sha2-nistp256}
   */
  public String sshKeyType() {
    return sshKeyType;
  }

  /**
   * Returns the curve name inside an OpenSSH blob.
   *
   * @return such as {@code nistp256}
   */
  public String sshCurveName() {
    return sshCurveName;
  }

  /**
   * Decodes an uncompressed SEC1 point ({@code 0x04 || X || Y}), checks it lies on this curve, and
   * returns it as a JCA key.
   *
   * @param q the encoded point
   * @return the public key
   * @throws SignatureVerificationException {@link Reason#MALFORMED_KEY} when the encoding, a
   *     coordinate or the curve equation is wrong
   */
  public ECPublicKey decodePoint(byte[] q) {
    if (q.length == 0 || q[0] != 0x04) {
      throw malformed("the " + sshCurveName
          + " public point is not in uncompressed form (expected a leading 0x04 byte)");
    }
    if (q.length != 1 + 2 * fieldBytes) {
      throw malformed("the " + sshCurveName + " public point is " + q.length
          + " bytes long; expected " + (1 + 2 * fieldBytes));
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(q, 1, 1 + fieldBytes));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(q, 1 + fieldBytes, q.length));
    if (!isOnCurve(x, y)) {
      throw malformed("the " + sshCurveName + " public point is not on the curve");
    }
    try {
      return (ECPublicKey) KeyFactory.getInstance("EC")
          .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SignatureVerificationException(Reason.MALFORMED_KEY, null,
          "the " + sshCurveName + " public point was refused by the JDK", e);
    }
  }

  /**
   * Tells whether (x, y) is an affine point of this curve: both coordinates in [0, p) and
   * y^2 = x^3 + ax + b (mod p). The NIST prime curves have cofactor 1, so every such point generates
   * the full group.
   *
   * @param x the x coordinate
   * @param y the y coordinate
   * @return true when the point is on the curve
   */
  public boolean isOnCurve(BigInteger x, BigInteger y) {
    if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      return false;
    }
    EllipticCurve curve = params.getCurve();
    BigInteger left = y.multiply(y).mod(p);
    BigInteger right = x.multiply(x).add(curve.getA()).multiply(x).add(curve.getB()).mod(p);
    return left.equals(right);
  }

  private static SignatureVerificationException malformed(String message) {
    return new SignatureVerificationException(Reason.MALFORMED_KEY, null, message);
  }
}
