package dev.buildbridge.benchmarks;

import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import dev.buildbridge.signing.TuxSuiteVerification;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TuxSuite callback verification: the build callback sample signed with a fresh P-256 key
 * (SHA256withECDSA, DER, URL-safe base64 in {@code x-tux-payload-signature}).
 *
 * <ul>
 *   <li>{@code sdk}: {@link TuxSuiteCallbackVerifier#verify(String, byte[])} with a pinned key.
 *   <li>{@code jcaFloor}: the JDK alone, a {@code Signature} per call over the decoded signature:
 *       what any verifier on the JDK's default provider costs at least.
 *   <li>{@code bouncyCastle}: BouncyCastle's lightweight ECDSA on its optimized P-256 curve
 *       ({@code CustomNamedCurves}), with the public key's point kept between calls: what a
 *       verifier built on {@code bcprov}, already a dependency of sdk-signing, could reach.
 * </ul>
 * The peer, the Python code of TuxSuite's docs on {@code cryptography}, runs in
 * {@code python/tuxsuite_verify.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class TuxSuiteVerifyBenchmark {
  private byte[] body;
  private String header;
  private byte[] der;
  private TuxSuiteCallbackVerifier verifier;
  private PublicKey publicKey;
  private ECPublicKeyParameters bcKey;

  /** Generates the key, signs the sample and checks both sides accept it. */
  @Setup
  public void setUp() {
    BenchInputs.TuxKeys keys = BenchInputs.TuxKeys.generate();
    body = BenchInputs.tuxBuildCallback();
    header = keys.signer().sign(body);
    der = Base64.getUrlDecoder().decode(header);
    verifier = TuxSuiteCallbackVerifier.of(keys.publicKeyLine());
    publicKey = OpenSshPublicKey.parse(keys.publicKeyLine()).publicKey();
    java.security.spec.ECPoint w = ((ECPublicKey) publicKey).getW();
    X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
    bcKey = new ECPublicKeyParameters(
        p256.getCurve().createPoint(w.getAffineX(), w.getAffineY()),
        new ECDomainParameters(p256.getCurve(), p256.getG(), p256.getN(), p256.getH()));
    sdk(null);
    if (!jcaFloor(null) || !bouncyCastle(null)) {
      throw new IllegalStateException("the JDK or BouncyCastle refuses the SDK's signature");
    }
  }

  /**
   * The SDK.
   *
   * @param cpu counts the JVM's CPU time
   * @return the verification
   */
  @Benchmark
  public TuxSuiteVerification sdk(CpuTime cpu) {
    return verifier.verify(header, body);
  }

  /**
   * The JDK's {@code SHA256withECDSA} alone.
   *
   * @param cpu counts the JVM's CPU time
   * @return whether it verified
   */
  @Benchmark
  public boolean jcaFloor(CpuTime cpu) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initVerify(publicKey);
      signature.update(body);
      return signature.verify(der);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * BouncyCastle's lightweight ECDSA.
   *
   * @param cpu counts the JVM's CPU time
   * @return whether it verified
   */
  @Benchmark
  public boolean bouncyCastle(CpuTime cpu) {
    DSADigestSigner verifier = new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
    verifier.init(false, bcKey);
    verifier.update(body, 0, body.length);
    return verifier.verifySignature(der);
  }
}
