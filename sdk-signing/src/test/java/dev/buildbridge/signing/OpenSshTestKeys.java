package dev.buildbridge.signing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;

/** Test-only: generates keys, encodes them as OpenSSH lines and blobs, signs bodies. */
final class OpenSshTestKeys {
  private OpenSshTestKeys() {}

  static KeyPair ec(String stdName) {
    return SigningKeyFixtures.ec(stdName);
  }

  static KeyPair ed25519() {
    return SigningKeyFixtures.generate("Ed25519", 0);
  }

  /** "nistp256" etc. for an EC key, from its field size. */
  static String curveName(ECPublicKey key) {
    int bits = key.getParams().getCurve().getField().getFieldSize();
    return "nistp" + bits;
  }

  static int fieldBytes(ECPublicKey key) {
    return (key.getParams().getCurve().getField().getFieldSize() + 7) / 8;
  }

  /** Uncompressed SEC1 point 0x04 || X || Y. */
  static byte[] point(ECPublicKey key) {
    int n = fieldBytes(key);
    return concat(new byte[] {4}, fixed(key.getW().getAffineX(), n),
        fixed(key.getW().getAffineY(), n));
  }

  static byte[] fixed(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    if (raw.length == length) {
      return raw;
    }
    if (raw.length > length) {
      return Arrays.copyOfRange(raw, raw.length - length, raw.length);
    }
    byte[] out = new byte[length];
    System.arraycopy(raw, 0, out, length - raw.length, raw.length);
    return out;
  }

  static byte[] blob(PublicKey key) {
    if (key instanceof ECPublicKey) {
      ECPublicKey ec = (ECPublicKey) key;
      String curve = curveName(ec);
      return concat(sshString("ecdsa-sha2-" + curve), sshString(curve), sshString(point(ec)));
    }
    byte[] spki = key.getEncoded(); // 12-byte prefix + 32-byte key
    return concat(sshString("ssh-ed25519"),
        sshString(Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
  }

  static String type(PublicKey key) {
    return key instanceof ECPublicKey ? "ecdsa-sha2-" + curveName((ECPublicKey) key) : "ssh-ed25519";
  }

  static String line(PublicKey key) {
    return line(type(key), blob(key));
  }

  static String line(String type, byte[] blob) {
    return type + " " + Base64.getEncoder().encodeToString(blob);
  }

  static byte[] sshString(String text) {
    return sshString(text.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] sshString(byte[] data) {
    return concat(new byte[] {
        (byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8),
        (byte) data.length}, data);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] sign(String algorithm, PrivateKey key, byte[] data) {
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** What TuxSuite sends: URL-safe, padded base64 of a DER SHA256withECDSA signature. */
  static String tuxHeader(PrivateKey key, byte[] body) {
    return Base64.getUrlEncoder().encodeToString(sign("SHA256withECDSA", key, body));
  }
}
