package dev.buildbridge.signing.internal;

import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.util.DigestFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEInputDecryptorProviderBuilder;

/**
 * Decrypts {@code ENCRYPTED PRIVATE KEY} (PKCS#8 EncryptedPrivateKeyInfo) without a registered
 * BouncyCastle provider: PBES2 with PBKDF2 (HMAC-SHA-1/224/256/384/512) or scrypt, and AES-CBC or
 * 3DES-CBC (what {@code openssl pkcs8 -topk8} and {@code ssh-keygen -m PKCS8} write), decrypted with
 * the JDK's {@code AES/CBC/PKCS5Padding}; plus the PKCS#12 PBE schemes ({@code -v1 PBE-SHA1-3DES}) via
 * BouncyCastle's lightweight API. Work factors are bounded so a hostile key cannot stall the caller.
 */
public final class PemEncryptedPkcs8 {
  /** Highest PBKDF2 iteration count accepted (OpenSSL writes 2048; 10 million is ~10 s). */
  static final int MAX_PBKDF2_ITERATIONS = 10_000_000;
  /** Highest scrypt memory (128 * N * r * p bytes) accepted: 256 MiB. */
  static final long MAX_SCRYPT_MEMORY = 256L << 20;

  private static final String REENCRYPT =
      "; re-encrypt it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc' or decrypt it first";

  private record CipherSpec(String transformation, String keyAlgorithm, int keyBytes) {}

  private static final Map<ASN1ObjectIdentifier, CipherSpec> CIPHERS = Map.of(
      NISTObjectIdentifiers.id_aes128_CBC, new CipherSpec("AES/CBC/PKCS5Padding", "AES", 16),
      NISTObjectIdentifiers.id_aes192_CBC, new CipherSpec("AES/CBC/PKCS5Padding", "AES", 24),
      NISTObjectIdentifiers.id_aes256_CBC, new CipherSpec("AES/CBC/PKCS5Padding", "AES", 32),
      PKCSObjectIdentifiers.des_EDE3_CBC, new CipherSpec("DESede/CBC/PKCS5Padding", "DESede", 24));

  private PemEncryptedPkcs8() {}

  /**
   * Decrypts an EncryptedPrivateKeyInfo.
   *
   * @param der the DER EncryptedPrivateKeyInfo
   * @param passphrase the passphrase
   * @return the decrypted key
   * @throws SignatureVerificationException MALFORMED_KEY when the structure is corrupt or the
   *     passphrase is wrong; UNSUPPORTED_KEY for an unknown scheme or excessive work factors
   */
  public static PrivateKeyInfo decrypt(byte[] der, char[] passphrase) {
    EncryptedPrivateKeyInfo info;
    try {
      info = EncryptedPrivateKeyInfo.getInstance(der);
    } catch (RuntimeException e) {
      throw malformed("ENCRYPTED PRIVATE KEY is not a valid PKCS#8 EncryptedPrivateKeyInfo", e);
    }
    AlgorithmIdentifier scheme = info.getEncryptionAlgorithm();
    ASN1ObjectIdentifier oid = scheme.getAlgorithm();
    if (PKCSObjectIdentifiers.id_PBES2.equals(oid)) {
      return decryptPbes2(scheme, info.getEncryptedData(), passphrase);
    }
    if (oid.on(PKCSObjectIdentifiers.pkcs_12PbeIds)) {
      try {
        return new PKCS8EncryptedPrivateKeyInfo(info)
            .decryptPrivateKeyInfo(new BcPKCS12PBEInputDecryptorProviderBuilder().build(passphrase));
      } catch (Exception e) {
        throw wrongPassphrase(e);
      }
    }
    throw unsupported("ENCRYPTED PRIVATE KEY uses encryption scheme " + oid
        + ", which is not supported (PBES2 and PKCS#12 PBE are)" + REENCRYPT, null);
  }

  private static PrivateKeyInfo decryptPbes2(AlgorithmIdentifier scheme, byte[] encrypted,
      char[] passphrase) {
    PBES2Parameters params;
    try {
      params = PBES2Parameters.getInstance(scheme.getParameters());
    } catch (RuntimeException e) {
      throw malformed("ENCRYPTED PRIVATE KEY has corrupt PBES2 parameters", e);
    }
    EncryptionScheme encryption = params.getEncryptionScheme();
    CipherSpec cipher = CIPHERS.get(encryption.getAlgorithm());
    if (cipher == null) {
      throw unsupported("ENCRYPTED PRIVATE KEY uses cipher " + encryption.getAlgorithm()
          + ", which is not supported (AES-CBC and DES-EDE3-CBC are)" + REENCRYPT, null);
    }
    byte[] iv;
    try {
      iv = ASN1OctetString.getInstance(encryption.getParameters()).getOctets();
    } catch (RuntimeException e) {
      throw malformed("ENCRYPTED PRIVATE KEY has no valid cipher IV", e);
    }
    byte[] password = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(passphrase);
    byte[] key = null;
    byte[] plain = null;
    try {
      key = deriveKey(params.getKeyDerivationFunc(), password, cipher.keyBytes());
      Cipher c = Cipher.getInstance(cipher.transformation());
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, cipher.keyAlgorithm()),
          new IvParameterSpec(iv));
      plain = c.doFinal(encrypted);
      return PrivateKeyInfo.getInstance(plain);
    } catch (GeneralSecurityException | RuntimeException e) {
      if (e instanceof SignatureVerificationException sve) {
        throw sve;
      }
      throw wrongPassphrase(e);
    } finally {
      Arrays.fill(password, (byte) 0);
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  private static byte[] deriveKey(KeyDerivationFunc kdf, byte[] password, int keyBytes) {
    ASN1ObjectIdentifier oid = kdf.getAlgorithm();
    if (PKCSObjectIdentifiers.id_PBKDF2.equals(oid)) {
      PBKDF2Params p;
      try {
        p = PBKDF2Params.getInstance(kdf.getParameters());
      } catch (RuntimeException e) {
        throw malformed("ENCRYPTED PRIVATE KEY has corrupt PBKDF2 parameters", e);
      }
      checkKeyLength(p.getKeyLength(), keyBytes);
      int iterations = bounded(p.getIterationCount(), MAX_PBKDF2_ITERATIONS, "PBKDF2 iteration count");
      PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf(p.getPrf()));
      generator.init(password, p.getSalt(), iterations);
      return ((KeyParameter) generator.generateDerivedParameters(keyBytes * 8)).getKey();
    }
    if (MiscObjectIdentifiers.id_scrypt.equals(oid)) {
      ScryptParams p;
      try {
        p = ScryptParams.getInstance(kdf.getParameters());
      } catch (RuntimeException e) {
        throw malformed("ENCRYPTED PRIVATE KEY has corrupt scrypt parameters", e);
      }
      checkKeyLength(p.getKeyLength(), keyBytes);
      int n = bounded(p.getCostParameter(), Integer.MAX_VALUE, "scrypt cost N");
      int r = bounded(p.getBlockSize(), Integer.MAX_VALUE, "scrypt block size r");
      int par = bounded(p.getParallelizationParameter(), Integer.MAX_VALUE, "scrypt parallelization p");
      BigInteger memory = BigInteger.valueOf(128).multiply(BigInteger.valueOf(n))
          .multiply(BigInteger.valueOf(r)).multiply(BigInteger.valueOf(par));
      if (memory.compareTo(BigInteger.valueOf(MAX_SCRYPT_MEMORY)) > 0) {
        throw unsupported("ENCRYPTED PRIVATE KEY asks for more scrypt work than allowed (N*r*p*128 <= "
            + MAX_SCRYPT_MEMORY + " bytes)", null);
      }
      return SCrypt.generate(password, p.getSalt(), n, r, par, keyBytes);
    }
    throw unsupported("ENCRYPTED PRIVATE KEY uses key derivation " + oid
        + ", which is not supported (PBKDF2 and scrypt are)" + REENCRYPT, null);
  }

  private static Digest prf(AlgorithmIdentifier prf) {
    ASN1ObjectIdentifier oid = prf.getAlgorithm();
    if (PKCSObjectIdentifiers.id_hmacWithSHA1.equals(oid)) {
      return DigestFactory.createSHA1();
    } else if (PKCSObjectIdentifiers.id_hmacWithSHA224.equals(oid)) {
      return DigestFactory.createSHA224();
    } else if (PKCSObjectIdentifiers.id_hmacWithSHA256.equals(oid)) {
      return DigestFactory.createSHA256();
    } else if (PKCSObjectIdentifiers.id_hmacWithSHA384.equals(oid)) {
      return DigestFactory.createSHA384();
    } else if (PKCSObjectIdentifiers.id_hmacWithSHA512.equals(oid)) {
      return DigestFactory.createSHA512();
    }
    throw unsupported("ENCRYPTED PRIVATE KEY uses PBKDF2 PRF " + oid
        + ", which is not supported (HMAC-SHA-1/224/256/384/512 are)" + REENCRYPT, null);
  }

  private static void checkKeyLength(BigInteger declared, int expected) {
    if (declared != null && declared.intValue() != expected) {
      throw malformed("ENCRYPTED PRIVATE KEY declares a key length that does not fit its cipher", null);
    }
  }

  private static int bounded(BigInteger value, int max, String what) {
    if (value.signum() <= 0) {
      throw malformed("ENCRYPTED PRIVATE KEY has a non-positive " + what, null);
    }
    if (value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw unsupported("ENCRYPTED PRIVATE KEY has a " + what + " above " + max, null);
    }
    return value.intValueExact();
  }

  private static SignatureVerificationException wrongPassphrase(Exception cause) {
    return malformed("could not decrypt ENCRYPTED PRIVATE KEY: wrong passphrase or corrupt key", cause);
  }

  private static SignatureVerificationException malformed(String message, Throwable cause) {
    return new SignatureVerificationException(Reason.MALFORMED_KEY, null, message, cause);
  }

  private static SignatureVerificationException unsupported(String message, Throwable cause) {
    return new SignatureVerificationException(Reason.UNSUPPORTED_KEY, null, message, cause);
  }
}
