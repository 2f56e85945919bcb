package dev.buildbridge.signing.internal;

import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.io.IOException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.bc.BcPEMDecryptorProvider;

/**
 * Turns private-key text into a JDK {@link PrivateKey}: finds the first private-key PEM block, decodes
 * (and if needed decrypts) it with BouncyCastle's ASN.1 and lightweight classes, and builds the key
 * with the JDK's own {@link KeyFactory} from its PKCS#8 encoding, so BouncyCastle never has to be
 * registered as a JCA provider and keys work with SunEC / SunRsaSign.
 */
public final class PemKeyDecoder {
  /** Largest text accepted, in chars. */
  public static final int MAX_TEXT_CHARS = 1 << 20;

  private static final Set<ASN1ObjectIdentifier> CURVES = Set.of(
      SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);
  /** DEK-Info ciphers of OpenSSL's legacy PEM encryption that BcPEMDecryptorProvider handles. */
  private static final Set<String> LEGACY_CIPHERS = Set.of(
      "DES-EDE3-CBC", "AES-128-CBC", "AES-192-CBC", "AES-256-CBC");
  private static final String SUPPORTED_LABELS = "PRIVATE KEY, ENCRYPTED PRIVATE KEY, EC PRIVATE KEY,"
      + " RSA PRIVATE KEY and OPENSSH PRIVATE KEY are";

  private PemKeyDecoder() {}

  /**
   * Decodes the first private key in the text.
   *
   * @param text PEM or OpenSSH private-key text; other text around it is ignored
   * @param passphrase the passphrase for an encrypted key, or {@code null}
   * @return a key from the JDK's providers
   * @throws SignatureVerificationException MALFORMED_KEY or UNSUPPORTED_KEY, see
   *     {@code dev.buildbridge.signing.PrivateKeys}
   */
  public static PrivateKey decode(String text, char[] passphrase) {
    if (text.length() > MAX_TEXT_CHARS) {
      throw malformed("private key text is longer than " + MAX_TEXT_CHARS + " characters (1 MiB)",
          null);
    }
    PemScanner scanner = new PemScanner(text);
    String otherLabel = null;
    PemBlock block;
    while ((block = scanner.next()) != null) {
      if (block.isPrivateKey()) {
        return toJdkKey(decodeBlock(block, passphrase));
      }
      if (otherLabel == null && !"EC PARAMETERS".equals(block.label())) {
        otherLabel = block.label();
      }
    }
    if (otherLabel != null) {
      throw unsupported("found a '" + otherLabel + "' PEM block but no private key; a private key"
          + " (-----BEGIN ... PRIVATE KEY-----) is needed here", null);
    }
    String stripped = text.strip();
    if (stripped.startsWith("ssh-") || stripped.startsWith("ecdsa-sha2-")
        || stripped.startsWith("sk-")) {
      throw unsupported("text is an OpenSSH public key; a private key"
          + " (-----BEGIN OPENSSH PRIVATE KEY-----) is needed here", null);
    }
    if (stripped.startsWith("PuTTY-User-Key-File-")) {
      throw unsupported("PuTTY .ppk keys are not supported; export the key with"
          + " 'puttygen key.ppk -O private-openssh -o key.pem'", null);
    }
    throw malformed("no PEM private key block (-----BEGIN ... PRIVATE KEY-----) found", null);
  }

  private static PrivateKeyInfo decodeBlock(PemBlock block, char[] passphrase) {
    String label = block.label();
    switch (label) {
      case "PRIVATE KEY":
        return parse(block.decodeBody(), label, PrivateKeyInfo::getInstance);
      case "ENCRYPTED PRIVATE KEY":
        requirePassphrase(passphrase, label);
        return PemEncryptedPkcs8.decrypt(block.decodeBody(), passphrase);
      case "OPENSSH PRIVATE KEY":
        return PemOpenSshKey.decode(block.decodeBody(), passphrase);
      case "RSA PRIVATE KEY": {
        RSAPrivateKey rsa = parse(legacyDecrypt(block, passphrase), label, RSAPrivateKey::getInstance);
        return pkcs8(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
            rsa, label);
      }
      case "EC PRIVATE KEY": {
        ECPrivateKey ec = parse(legacyDecrypt(block, passphrase), label, ECPrivateKey::getInstance);
        ASN1Encodable curve = ec.getParametersObject();
        if (curve == null) {
          throw unsupported("EC PRIVATE KEY does not name its curve; write it with the curve"
              + " included ('openssl ec -in key.pem')", null);
        }
        return pkcs8(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), ec, label);
      }
      case "DSA PRIVATE KEY":
        throw unsupported("DSA PRIVATE KEY: DSA keys are not supported; use ECDSA (P-256) or"
            + " Ed25519", null);
      default:
        throw unsupported("PEM block '" + label + "' is not a supported private key format ("
            + SUPPORTED_LABELS + ")", null);
    }
  }

  private static PrivateKeyInfo pkcs8(AlgorithmIdentifier algorithm, ASN1Encodable key, String label) {
    try {
      return new PrivateKeyInfo(algorithm, key);
    } catch (IOException e) {
      throw malformed(label + " is corrupt", e);
    }
  }

  /** Returns the body of a traditional OpenSSL block, decrypting it when Proc-Type says so. */
  private static byte[] legacyDecrypt(PemBlock block, char[] passphrase) {
    String procType = block.headers().get("Proc-Type");
    if (procType == null) {
      return block.decodeBody();
    }
    String label = block.label();
    if (!"4,ENCRYPTED".equals(procType.replace(" ", ""))) {
      throw malformed(label + " has an unknown Proc-Type header (expected '4,ENCRYPTED')", null);
    }
    String dekInfo = block.headers().get("DEK-Info");
    int comma = dekInfo == null ? -1 : dekInfo.indexOf(',');
    if (comma < 0) {
      throw malformed(label + " is encrypted but has no valid 'DEK-Info: <cipher>,<hex iv>' header",
          null);
    }
    String cipher = dekInfo.substring(0, comma).strip();
    if (!LEGACY_CIPHERS.contains(cipher)) {
      throw unsupported(label + " is encrypted with a cipher that is not supported here ("
          + String.join(", ", LEGACY_CIPHERS.stream().sorted().toList()) + " are); re-encrypt it"
          + " with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'", null);
    }
    byte[] iv;
    try {
      iv = HexFormat.of().parseHex(dekInfo.substring(comma + 1).strip());
    } catch (IllegalArgumentException e) {
      throw malformed(label + " has a DEK-Info IV that is not hex", null);
    }
    requirePassphrase(passphrase, label);
    try {
      return new BcPEMDecryptorProvider(passphrase).get(cipher).decrypt(block.decodeBody(), iv);
    } catch (PEMException | RuntimeException e) {
      if (e instanceof SignatureVerificationException sve) {
        throw sve;
      }
      throw wrongPassphrase(label, e);
    }
  }

  private interface Asn1Parser<T> {
    T parse(Object der);
  }

  private static <T> T parse(byte[] der, String label, Asn1Parser<T> parser) {
    try {
      return parser.parse(der);
    } catch (RuntimeException e) {
      throw malformed(label + " is not valid DER (corrupt key, or a wrong passphrase if encrypted)", e);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /**
   * Builds a JDK key from PKCS#8.
   *
   * @param info the key
   * @return the key from the JDK's KeyFactory for its algorithm
   * @throws SignatureVerificationException UNSUPPORTED_KEY for DSA, key-agreement keys, curves other
   *     than P-256/384/521, or unknown algorithms; MALFORMED_KEY when the JDK rejects the encoding
   */
  public static PrivateKey toJdkKey(PrivateKeyInfo info) {
    AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    String jcaName;
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
      checkCurve(algorithm.getParameters());
      jcaName = "EC";
    } else if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
      jcaName = "RSA";
    } else if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
      jcaName = "Ed25519";
    } else if (EdECObjectIdentifiers.id_Ed448.equals(oid)) {
      jcaName = "Ed448";
    } else if (X9ObjectIdentifiers.id_dsa.equals(oid)) {
      throw unsupported("DSA keys are not supported; use ECDSA (P-256) or Ed25519", null);
    } else if (EdECObjectIdentifiers.id_X25519.equals(oid) || EdECObjectIdentifiers.id_X448.equals(oid)) {
      throw unsupported("X25519/X448 keys are for key agreement and cannot sign", null);
    } else {
      throw unsupported("private key algorithm " + oid + " is not supported (EC, RSA, Ed25519 and"
          + " Ed448 are)", null);
    }
    byte[] encoded;
    try {
      encoded = info.getEncoded();
    } catch (IOException e) {
      throw malformed(jcaName + " private key cannot be encoded as PKCS#8", e);
    }
    try {
      return KeyFactory.getInstance(jcaName).generatePrivate(new PKCS8EncodedKeySpec(encoded));
    } catch (NoSuchAlgorithmException e) {
      throw unsupported("no installed security provider supports " + jcaName + " keys", e);
    } catch (InvalidKeySpecException | RuntimeException e) {
      throw malformed(jcaName + " private key is corrupt", e);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  private static void checkCurve(ASN1Encodable parameters) {
    X962Parameters x962;
    try {
      x962 = parameters == null ? null : X962Parameters.getInstance(parameters);
    } catch (RuntimeException e) {
      throw malformed("EC key has corrupt curve parameters", e);
    }
    if (x962 != null && x962.isNamedCurve()) {
      ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(x962.getParameters());
      if (!CURVES.contains(curve)) {
        throw unsupported("EC key on curve " + curve + " is not supported (P-256, P-384 and P-521"
            + " are)", null);
      }
      return;
    }
    throw unsupported("EC key does not name its curve (explicit or implicit parameters); write it"
        + " with a named curve ('openssl ec -param_enc named_curve')", null);
  }

  private static void requirePassphrase(char[] passphrase, String label) {
    if (passphrase == null) {
      throw malformed(label + " is encrypted; a passphrase is required", null);
    }
  }

  private static SignatureVerificationException wrongPassphrase(String label, Exception cause) {
    return malformed("could not decrypt " + label + ": wrong passphrase or corrupt key", cause);
  }

  private static SignatureVerificationException malformed(String message, Throwable cause) {
    return new SignatureVerificationException(Reason.MALFORMED_KEY, null, message, cause);
  }

  private static SignatureVerificationException unsupported(String message, Throwable cause) {
    return new SignatureVerificationException(Reason.UNSUPPORTED_KEY, null, message, cause);
  }
}
