package dev.buildbridge.signing;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import dev.buildbridge.signing.internal.PemKeyDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads private keys from the text formats that OpenSSL, {@code ssh-keygen} and GitHub produce, and
 * returns them as keys of the JDK's own providers (SunEC, SunRsaSign, Ed25519 from SunEC), so they
 * work with {@link java.security.Signature} without BouncyCastle registered as a JCA provider.
 *
 * <pre>{@code
 * PrivateKey appKey = PrivateKeys.read(Path.of("/etc/ci/github-app.pem"));   // BEGIN RSA PRIVATE KEY
 * PrivateKey tuxKey = PrivateKeys.parse(System.getenv("TUX_SIGNING_KEY"));    // BEGIN EC PRIVATE KEY
 * PrivateKey sealed = PrivateKeys.parse(pemText, passphrase);                 // ENCRYPTED PRIVATE KEY
 * }</pre>
 *
 * <p>Accepted, as the first private-key PEM block in the text (text before it, other blocks such as
 * certificates or {@code EC PARAMETERS}, indentation and CRLF line ends are ignored):
 * <ul>
 *   <li>{@code -----BEGIN PRIVATE KEY-----}: PKCS#8, unencrypted (EC, RSA, Ed25519, Ed448);
 *   <li>{@code -----BEGIN ENCRYPTED PRIVATE KEY-----}: PKCS#8 encrypted with PBES2 (PBKDF2 or scrypt,
 *       AES-CBC or 3DES) or a PKCS#12 PBE scheme, as {@code openssl pkcs8 -topk8} writes;
 *   <li>{@code -----BEGIN EC PRIVATE KEY-----}: SEC 1, as {@code openssl ec} and
 *       {@code ssh-keygen -m PEM} write;
 *   <li>{@code -----BEGIN RSA PRIVATE KEY-----}: PKCS#1, as GitHub issues App keys;
 *   <li>either of the two above encrypted the legacy OpenSSL way ({@code Proc-Type: 4,ENCRYPTED},
 *       {@code DEK-Info} AES-128/192/256-CBC or DES-EDE3-CBC);
 *   <li>{@code -----BEGIN OPENSSH PRIVATE KEY-----}: {@code ssh-keygen}'s default format, for
 *       ecdsa-sha2-nistp256/384/521, ssh-ed25519 and ssh-rsa, unencrypted or encrypted with a
 *       passphrase (bcrypt KDF; for a cipher that cannot be decrypted here the message says to remove
 *       the passphrase with {@code ssh-keygen -p}).
 * </ul>
 * EC keys must be on P-256, P-384 or P-521 with a named curve. Messages never contain key text.
 *
 * <p>A passphrase is needed only for an encrypted key and is ignored for an unencrypted one. An
 * encrypted key read without a passphrase fails with {@link Reason#MALFORMED_KEY} and the message
 * "... is encrypted; a passphrase is required": the key cannot be read as given. The passphrase array
 * is not kept; the caller may clear it once the call returns.
 *
 * <p>This class has only static methods; they are thread-safe.
 */
public final class PrivateKeys {
  /** Largest key text or file accepted: 1 MiB. */
  public static final int MAX_TEXT_SIZE = PemKeyDecoder.MAX_TEXT_CHARS;

  private PrivateKeys() {}

  /**
   * Reads the first unencrypted private key in the text.
   *
   * @param text PEM or OpenSSH private-key text, at most {@link #MAX_TEXT_SIZE} characters
   * @return the key, from the JDK's providers
   * @throws NullPointerException if {@code text} is null
   * @throws SignatureVerificationException {@link Reason#MALFORMED_KEY} when the text has no private
   *     key block, the block is corrupt, or the key is encrypted (a passphrase is required);
   *     {@link Reason#UNSUPPORTED_KEY} when the text holds only a certificate or public key, or a DSA
   *     key, a key-agreement key, an EC key on another curve, or another unsupported format
   */
  public static PrivateKey parse(String text) {
    return PemKeyDecoder.decode(Objects.requireNonNull(text, "text"), null);
  }

  /**
   * Reads the first private key in the text, decrypting it with the passphrase if it is encrypted.
   *
   * @param text PEM or OpenSSH private-key text, at most {@link #MAX_TEXT_SIZE} characters
   * @param passphrase the passphrase; not kept, ignored when the key is not encrypted
   * @return the key, from the JDK's providers
   * @throws NullPointerException if an argument is null
   * @throws SignatureVerificationException {@link Reason#MALFORMED_KEY} when the text has no private
   *     key block, the block is corrupt or the passphrase is wrong; {@link Reason#UNSUPPORTED_KEY}
   *     for an unsupported key type, curve, encryption scheme or format (see {@link #parse(String)})
   */
  public static PrivateKey parse(String text, char[] passphrase) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(passphrase, "passphrase");
    return PemKeyDecoder.decode(text, passphrase);
  }

  /**
   * Reads the first unencrypted private key in a file (UTF-8 or ASCII text).
   *
   * @param file the key file, at most {@link #MAX_TEXT_SIZE} bytes
   * @return the key, from the JDK's providers
   * @throws NullPointerException if {@code file} is null
   * @throws UncheckedIOException if the file cannot be read
   * @throws SignatureVerificationException as {@link #parse(String)}, with the file name in the
   *     message; {@link Reason#MALFORMED_KEY} also when the file is larger than 1 MiB
   */
  public static PrivateKey read(Path file) {
    return readFile(Objects.requireNonNull(file, "file"), null);
  }

  /**
   * Reads the first private key in a file, decrypting it with the passphrase if it is encrypted.
   *
   * @param file the key file, at most {@link #MAX_TEXT_SIZE} bytes
   * @param passphrase the passphrase; not kept, ignored when the key is not encrypted
   * @return the key, from the JDK's providers
   * @throws NullPointerException if an argument is null
   * @throws UncheckedIOException if the file cannot be read
   * @throws SignatureVerificationException as {@link #parse(String, char[])}, with the file name in
   *     the message; {@link Reason#MALFORMED_KEY} also when the file is larger than 1 MiB
   */
  public static PrivateKey read(Path file, char[] passphrase) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(passphrase, "passphrase");
    return readFile(file, passphrase);
  }

  private static PrivateKey readFile(Path file, char[] passphraseOrNull) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_TEXT_SIZE + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read private key file " + file, e);
    }
    try {
      if (bytes.length > MAX_TEXT_SIZE) {
        throw new SignatureVerificationException(Reason.MALFORMED_KEY, null,
            "private key file " + file + " is larger than " + MAX_TEXT_SIZE + " bytes (1 MiB)");
      }
      try {
        return PemKeyDecoder.decode(new String(bytes, StandardCharsets.UTF_8), passphraseOrNull);
      } catch (SignatureVerificationException e) {
        throw new SignatureVerificationException(e.reason(), null,
            "private key file " + file + ": " + e.getMessage(), e);
      }
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
