package dev.buildbridge.signing;

import dev.buildbridge.signing.SignatureVerificationException.Reason;
import dev.buildbridge.signing.internal.EcCurve;
import dev.buildbridge.signing.internal.SshWireReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenSSH public key line, such as one line of {@code authorized_keys} or the {@code ssh.pub} field
 * TuxSuite publishes for a group, parsed once into a JCA {@link PublicKey}. Immutable and thread-safe.
 *
 * <pre>{@code
 * OpenSshPublicKey key = OpenSshPublicKey.parse(
 *     "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBO+6+lFvdyBmIxnz1PTlj6rn"
 *         + "B6V2a0VOT3B/qWazhJY9Ifp5AOoTFlTxqj6IqITHZ3iVTv611rsEC8VDYCgHhyU= squad-test");
 * key.type();        // "ecdsa-sha2-nistp256"
 * key.fingerprint(); // "SHA256:DXw7GT3KvkUzLfQJ/2X6N0WKb8xzR78C82IpybXZphU", as ssh-keygen -l prints
 * key.comment();     // Optional[squad-test]
 * key.publicKey();   // a java.security.interfaces.ECPublicKey on secp256r1
 * }</pre>
 *
 * <p>Supported types are {@code ecdsa-sha2-nistp256}, {@code ecdsa-sha2-nistp384},
 * {@code ecdsa-sha2-nistp521} and {@code ssh-ed25519}. ECDSA points are checked to lie on their curve
 * (the JDK's key factory does not check this). Lines are plain {@code <type> <base64> [comment]};
 * {@code authorized_keys} options before the type are not accepted.
 *
 * <p>Two keys are equal when their key data is equal; the comment is not part of the identity.
 */
public final class OpenSshPublicKey {
  /** The longest line {@link #parse(String)} reads, in characters. */
  private static final int MAX_LINE_CHARS = 16 * 1024;

  private static final String ED25519 = "ssh-ed25519";
  private static final int ED25519_KEY_BYTES = 32;
  /** DER SubjectPublicKeyInfo header for an Ed25519 key (RFC 8410): the raw 32 bytes follow. */
  private static final byte[] ED25519_SPKI_PREFIX = {
      0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
  private static final String EXPECTED_FORMAT = "expected \"<type> <base64> [comment]\"";

  private final String type;
  private final byte[] blob;
  private final PublicKey publicKey;
  private final String comment;
  private final String fingerprint;

  private OpenSshPublicKey(String type, byte[] blob, PublicKey publicKey, String comment) {
    this.type = type;
    this.blob = blob;
    this.publicKey = publicKey;
    this.comment = comment;
    this.fingerprint = "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(blob));
  }

  /**
   * Parses one OpenSSH public key line: {@code <type> <base64> [comment]}, surrounding whitespace
   * ignored, fields separated by spaces or tabs, the comment being the rest of the line.
   *
   * @param line the key line
   * @return the parsed key
   * @throws NullPointerException when {@code line} is null
   * @throws SignatureVerificationException {@link Reason#UNSUPPORTED_KEY} for a key type other than
   *     ECDSA on nistp256/384/521 or Ed25519 (such as {@code ssh-rsa} or {@code sk-*});
   *     {@link Reason#MALFORMED_KEY} for a blank or one-field line, a line over 16 KiB, bad base64,
   *     truncated or trailing key data, a key type or curve name in the data that differs from the
   *     line's type, or an ECDSA point that is not uncompressed, has the wrong length or is not on
   *     the curve
   */
  public static OpenSshPublicKey parse(String line) {
    Objects.requireNonNull(line, "line");
    if (line.length() > MAX_LINE_CHARS) {
      throw malformed("OpenSSH public key line is longer than " + MAX_LINE_CHARS + " characters");
    }
    String text = line.trim();
    if (text.isEmpty()) {
      throw malformed("OpenSSH public key line is blank; " + EXPECTED_FORMAT);
    }
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw malformed("OpenSSH public key line holds a line break; pass one key line at a time");
    }
    int typeEnd = nextBlank(text, 0);
    if (typeEnd == text.length()) {
      throw malformed("OpenSSH public key line has only one field; " + EXPECTED_FORMAT);
    }
    String type = text.substring(0, typeEnd);
    EcCurve curve = EcCurve.forSshKeyType(type);
    if (curve == null && !ED25519.equals(type)) {
      throw new SignatureVerificationException(Reason.UNSUPPORTED_KEY, null,
          "unsupported OpenSSH key type " + printable(type) + "; expected ecdsa-sha2-nistp256, "
              + "ecdsa-sha2-nistp384, ecdsa-sha2-nistp521 or ssh-ed25519");
    }
    int dataStart = skipBlanks(text, typeEnd);
    int dataEnd = nextBlank(text, dataStart);
    String comment = dataEnd == text.length() ? null : text.substring(skipBlanks(text, dataEnd));

    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(text.substring(dataStart, dataEnd));
    } catch (IllegalArgumentException e) {
      throw malformed("OpenSSH public key data (second field) is not valid base64");
    }
    SshWireReader reader = new SshWireReader(blob);
    String blobType = reader.readName("key type");
    if (!blobType.equals(type)) {
      throw malformed("OpenSSH key type mismatch: the line says " + type
          + " but the key data says " + printable(blobType));
    }
    PublicKey key = curve != null ? readEcdsa(curve, reader) : readEd25519(reader);
    return new OpenSshPublicKey(type, blob, key, comment);
  }

  /**
   * Makes the OpenSSH form of a JCA key, for a harness that generates a key pair and hands the public
   * half to a verifier or publishes it as TuxSuite does.
   *
   * <pre>{@code
   * KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
   * generator.initialize(new ECGenParameterSpec("secp256r1"));
   * KeyPair pair = generator.generateKeyPair();
   * String line = OpenSshPublicKey.from(pair.getPublic(), "harness").toOpenSshLine();
   * }</pre>
   *
   * @param key an EC key on P-256, P-384 or P-521, or an Ed25519 key
   * @param comment the comment to carry, or {@code null}
   * @return the key
   * @throws NullPointerException when {@code key} is null
   * @throws SignatureVerificationException {@link Reason#UNSUPPORTED_KEY} for any other key
   */
  public static OpenSshPublicKey from(PublicKey key, String comment) {
    Objects.requireNonNull(key, "key");
    String trimmed = comment == null || comment.isBlank() ? null : comment.trim();
    if (key instanceof ECPublicKey ec) {
      EcCurve curve = EcCurve.of(ec);
      if (curve == null) {
        throw new SignatureVerificationException(Reason.UNSUPPORTED_KEY, null,
            "EC key is not on nistp256, nistp384 or nistp521");
      }
      byte[] q = curve.encodePoint(ec.getW());
      byte[] blob = sshStrings(curve.sshKeyType().getBytes(StandardCharsets.US_ASCII),
          curve.sshCurveName().getBytes(StandardCharsets.US_ASCII), q);
      // decoding again checks the point is on the curve, as for a parsed line
      return new OpenSshPublicKey(curve.sshKeyType(), blob, curve.decodePoint(q), trimmed);
    }
    if (key instanceof EdECPublicKey && "X.509".equals(key.getFormat())) {
      byte[] spki = key.getEncoded();
      if (spki.length == ED25519_SPKI_PREFIX.length + ED25519_KEY_BYTES && Arrays.equals(
          spki, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0, ED25519_SPKI_PREFIX.length)) {
        byte[] raw = Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length);
        byte[] blob = sshStrings(ED25519.getBytes(StandardCharsets.US_ASCII), raw);
        return new OpenSshPublicKey(ED25519, blob, key, trimmed);
      }
    }
    throw new SignatureVerificationException(Reason.UNSUPPORTED_KEY, null,
        "cannot write a " + key.getAlgorithm() + " key as an OpenSSH line; expected EC on "
            + "nistp256/384/521 or Ed25519");
  }

  /**
   * Makes the OpenSSH form of a JCA key without a comment.
   *
   * @param key an EC key on P-256, P-384 or P-521, or an Ed25519 key
   * @return the key
   * @throws NullPointerException when {@code key} is null
   * @throws SignatureVerificationException {@link Reason#UNSUPPORTED_KEY} for any other key
   * @see #from(PublicKey, String)
   */
  public static OpenSshPublicKey from(PublicKey key) {
    return from(key, null);
  }

  /** Concatenates SSH wire {@code string}s: each a big-endian uint32 length, then the bytes. */
  private static byte[] sshStrings(byte[]... fields) {
    int size = 0;
    for (byte[] field : fields) {
      size += 4 + field.length;
    }
    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(size);
    for (byte[] field : fields) {
      out.putInt(field.length).put(field);
    }
    return out.array();
  }

  private static PublicKey readEcdsa(EcCurve curve, SshWireReader reader) {
    String curveName = reader.readName("curve name");
    if (!curveName.equals(curve.sshCurveName())) {
      throw malformed("OpenSSH ECDSA curve name mismatch: key type " + curve.sshKeyType()
          + " needs curve " + curve.sshCurveName() + " but the key data says "
          + printable(curveName));
    }
    byte[] q = reader.readString("public point");
    reader.requireEnd();
    return curve.decodePoint(q);
  }

  private static PublicKey readEd25519(SshWireReader reader) {
    byte[] raw = reader.readString("Ed25519 public key");
    reader.requireEnd();
    if (raw.length != ED25519_KEY_BYTES) {
      throw malformed("the Ed25519 public key is " + raw.length + " bytes long; expected "
          + ED25519_KEY_BYTES);
    }
    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
    System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new SignatureVerificationException(Reason.MALFORMED_KEY, null,
          "the Ed25519 public key was refused by the JDK", e);
    }
  }

  /**
   * Returns the key type as written on the line.
   *
   * @return {@code ecdsa-sha2-nistp256}, {@code ecdsa-sha2-nistp384}, {@code ecdsa-sha2-nistp521} or
   *     {@code ssh-ed25519}
   */
  public String type() {
    return type;
  }

  /**
   * Returns the key as a JCA key, ready for {@link java.security.Signature#initVerify(PublicKey)}.
   *
   * @return a {@link java.security.interfaces.ECPublicKey} for ECDSA types, an
   *     {@link java.security.interfaces.EdECPublicKey} for {@code ssh-ed25519}
   */
  public PublicKey publicKey() {
    return publicKey;
  }

  /**
   * Returns the comment after the key data, if the line had one.
   *
   * @return the comment, without surrounding whitespace
   */
  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }

  /**
   * Formats the key as an OpenSSH line: {@code <type> <base64>}, followed by a space and the comment
   * when there is one. The result parses back to an equal key.
   *
   * @return the line, with canonical padded base64
   */
  public String toOpenSshLine() {
    String line = type + ' ' + Base64.getEncoder().encodeToString(blob);
    return comment == null ? line : line + ' ' + comment;
  }

  /**
   * Returns the SHA-256 fingerprint in the form {@code ssh-keygen -l} prints it.
   *
   * @return {@code SHA256:} followed by the unpadded standard base64 of SHA-256 over the key data
   */
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * Compares the key data; the comment is ignored.
   *
   * @param other the object to compare with
   * @return true when {@code other} is an {@code OpenSshPublicKey} with the same key data
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof OpenSshPublicKey && Arrays.equals(blob, ((OpenSshPublicKey) other).blob);
  }

  /**
   * Hashes the key data; the comment is ignored.
   *
   * @return a hash of the key data
   */
  @Override
  public int hashCode() {
    return Arrays.hashCode(blob);
  }

  /**
   * Describes the key by type, fingerprint and comment, such as
   * {@code OpenSshPublicKey[ecdsa-sha2-nistp256 SHA256:DXw7...phU squad-test]}.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "OpenSshPublicKey[" + type + ' ' + fingerprint
        + (comment == null ? "" : ' ' + comment) + ']';
  }

  private static int nextBlank(String text, int from) {
    int i = from;
    while (i < text.length() && !isBlank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipBlanks(String text, int from) {
    int i = from;
    while (i < text.length() && isBlank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /** Quotes an untrusted name for a message: at most 40 characters, non-printables as '?'. */
  private static String printable(String name) {
    int length = Math.min(name.length(), 40);
    StringBuilder out = new StringBuilder(length + 5).append('\'');
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.append(name.length() > length ? "...'" : "'").toString();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK does not provide SHA-256", e);
    }
  }

  private static SignatureVerificationException malformed(String message) {
    return new SignatureVerificationException(Reason.MALFORMED_KEY, null, message);
  }
}
