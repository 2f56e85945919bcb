package dev.buildbridge.signing.internal;

import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

/**
 * Reads the body of an {@code OPENSSH PRIVATE KEY} block (the {@code openssh-key-v1} container that
 * {@code ssh-keygen} writes by default). The container header is checked here first, so the key type,
 * the key count and whether a passphrase is needed are reported precisely; the key itself is then
 * decoded (and decrypted: bcrypt KDF with the ciphers BouncyCastle knows) by BouncyCastle's
 * {@link OpenSSHPrivateKeyUtil}.
 */
public final class PemOpenSshKey {
  private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
  private static final Set<String> KEY_TYPES = Set.of("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521", "ssh-ed25519", "ssh-rsa");
  /** Ciphers that OpenSSHPrivateKeyUtil (BouncyCastle 1.80+) decrypts. */
  private static final Set<String> CIPHERS = Set.of("aes128-ctr", "aes192-ctr", "aes256-ctr",
      "aes128-cbc", "aes192-cbc", "aes256-cbc", "3des-cbc", "aes128-gcm@openssh.com",
      "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com");
  /** Highest bcrypt KDF rounds accepted: 64 times ssh-keygen's default of 16 (about 10 s here). */
  static final long MAX_BCRYPT_ROUNDS = 1024;
  private static final String DECRYPT_HINT =
      "; remove the passphrase with 'ssh-keygen -p -f <keyfile>' (empty new passphrase)";

  private PemOpenSshKey() {}

  /**
   * Decodes an openssh-key-v1 blob.
   *
   * @param blob the decoded body of the PEM block
   * @param passphrase the passphrase, or {@code null} when none was given
   * @return the key as PKCS#8
   * @throws SignatureVerificationException MALFORMED_KEY when the blob is corrupt, encrypted without a
   *     passphrase given, or the passphrase is wrong; UNSUPPORTED_KEY for another key type (DSA,
   *     security-key types), several keys, or an unknown cipher or KDF
   */
  public static PrivateKeyInfo decode(byte[] blob, char[] passphrase) {
    ByteBuffer in = ByteBuffer.wrap(blob);
    if (blob.length < MAGIC.length
        || !Arrays.equals(blob, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw malformed("OPENSSH PRIVATE KEY does not start with 'openssh-key-v1'", null);
    }
    in.position(MAGIC.length);
    String cipher = readName(in, "cipher name");
    String kdf = readName(in, "KDF name");
    byte[] kdfOptions = readString(in, "KDF options");
    long keys = readUint32(in, "key count");
    if (keys != 1) {
      throw unsupported("OPENSSH PRIVATE KEY holds " + keys + " keys; exactly one is supported", null);
    }
    ByteBuffer publicKey = ByteBuffer.wrap(readString(in, "public key"));
    String keyType = readName(publicKey, "key type");
    if (!KEY_TYPES.contains(keyType)) {
      throw unsupported("OPENSSH PRIVATE KEY is of type '" + keyType
          + "', which is not supported (ecdsa-sha2-nistp256/384/521, ssh-ed25519 and ssh-rsa are)",
          null);
    }
    boolean encrypted = !"none".equals(cipher);
    if (!encrypted) {
      try {
        return PrivateKeyInfoFactory.createPrivateKeyInfo(OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(blob));
      } catch (IOException | RuntimeException e) {
        throw malformed("OPENSSH PRIVATE KEY '" + keyType + "' is corrupt", e);
      }
    }
    if (passphrase == null) {
      throw malformed("OPENSSH PRIVATE KEY is encrypted; a passphrase is required", null);
    }
    if (!"bcrypt".equals(kdf) || !CIPHERS.contains(cipher)) {
      throw unsupported("OPENSSH PRIVATE KEY is encrypted with cipher '" + cipher + "' and KDF '" + kdf
          + "', which cannot be decrypted here" + DECRYPT_HINT, null);
    }
    ByteBuffer options = ByteBuffer.wrap(kdfOptions);
    readString(options, "bcrypt salt");
    long rounds = readUint32(options, "bcrypt rounds");
    if (rounds == 0 || rounds > MAX_BCRYPT_ROUNDS) {
      throw unsupported("OPENSSH PRIVATE KEY asks for " + rounds + " bcrypt rounds (1 to "
          + MAX_BCRYPT_ROUNDS + " are accepted)" + DECRYPT_HINT, null);
    }
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] password = new byte[encoded.remaining()];
    encoded.get(password);
    Arrays.fill(encoded.array(), (byte) 0);
    AsymmetricKeyParameter key;
    try {
      key = OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(blob, password);
    } catch (RuntimeException e) {
      throw malformed("could not decrypt OPENSSH PRIVATE KEY: wrong passphrase or corrupt key", e);
    } finally {
      Arrays.fill(password, (byte) 0);
    }
    try {
      return PrivateKeyInfoFactory.createPrivateKeyInfo(key);
    } catch (IOException | RuntimeException e) {
      throw malformed("OPENSSH PRIVATE KEY '" + keyType + "' is corrupt", e);
    }
  }

  private static long readUint32(ByteBuffer in, String what) {
    if (in.remaining() < 4) {
      throw malformed("OPENSSH PRIVATE KEY is truncated in its " + what, null);
    }
    return Integer.toUnsignedLong(in.getInt());
  }

  private static byte[] readString(ByteBuffer in, String what) {
    long length = readUint32(in, what);
    if (length > in.remaining()) {
      throw malformed("OPENSSH PRIVATE KEY is truncated in its " + what, null);
    }
    byte[] bytes = new byte[(int) length];
    in.get(bytes);
    return bytes;
  }

  /** Reads a short ASCII name (cipher, KDF, key type); anything else is refused, never echoed. */
  private static String readName(ByteBuffer in, String what) {
    byte[] bytes = readString(in, what);
    if (bytes.length == 0 || bytes.length > 64) {
      throw malformed("OPENSSH PRIVATE KEY has an empty or over-long " + what, null);
    }
    for (byte b : bytes) {
      if (b < 0x21 || b > 0x7e) {
        throw malformed("OPENSSH PRIVATE KEY has a " + what + " that is not printable ASCII", null);
      }
    }
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  private static SignatureVerificationException malformed(String message, Throwable cause) {
    return new SignatureVerificationException(Reason.MALFORMED_KEY, null, message, cause);
  }

  private static SignatureVerificationException unsupported(String message, Throwable cause) {
    return new SignatureVerificationException(Reason.UNSUPPORTED_KEY, null, message, cause);
  }
}
