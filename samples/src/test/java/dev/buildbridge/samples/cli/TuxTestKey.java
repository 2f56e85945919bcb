package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.buildbridge.core.testing.SharedData;
import dev.buildbridge.signing.OpenSshPublicKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;

/** A fresh P-256 key pair made with JCA, as TuxSuite's group key stands in for tests. */
final class TuxTestKey {
  private final KeyPair pair;

  private TuxTestKey(KeyPair pair) {
    this.pair = pair;
  }

  static TuxTestKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new TuxTestKey(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The private key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}, 64-column base64). */
  String pkcs8Pem() {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII))
        .encodeToString(pair.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
  }

  Path writePem(Path dir) throws IOException {
    return Files.writeString(dir.resolve("tux-key.pem"), pkcs8Pem(), US_ASCII);
  }

  /** The public key as one OpenSSH line, as TuxSuite publishes it. */
  String openSshLine() {
    return OpenSshPublicKey.from(pair.getPublic()).toOpenSshLine();
  }

  Path writePublicKey(Path dir) throws IOException {
    return Files.writeString(dir.resolve("tux.pub"), openSshLine() + "\n", US_ASCII);
  }

  /** Signs like TuxSuite: DER ECDSA with SHA-256, URL-safe base64 with padding. */
  String sign(byte[] body) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(pair.getPrivate());
      signature.update(body);
      return Base64.getUrlEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String sign(String body) {
    return sign(body.getBytes(UTF_8));
  }

  /** The verified vector of reference/tuxsuite-kernelci-bridge.md section 1.4 (SQUAD's test key). */
  record ReferenceVector(String publicKey, String body, String header) {

    /** Reads the vector from the shared reference document; skips the test when it is absent. */
    static ReferenceVector load() throws IOException {
      Path doc = SharedData.require("reference/tuxsuite-kernelci-bridge.md");
      List<String> lines = Files.readAllLines(doc, UTF_8);
      int start = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("### 1.4")) {
          start = i;
          break;
        }
      }
      if (start < 0) {
        throw new IllegalStateException("no section 1.4 in " + doc);
      }
      String key = null;
      String body = null;
      String header = null;
      for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("###"); i++) {
        String line = lines.get(i);
        if (line.startsWith("- Public key:")) {
          key = lastCode(line);
        } else if (line.startsWith("- Body")) {
          body = lastCode(line);
        } else if (line.startsWith("- Header")) {
          header = lastCode(line);
        }
      }
      if (key == null || body == null || header == null) {
        throw new IllegalStateException("section 1.4 of " + doc + " lacks key, body or header");
      }
      return new ReferenceVector(key, body, header);
    }

    private static String lastCode(String line) {
      int end = line.lastIndexOf('`');
      int begin = line.lastIndexOf('`', end - 1);
      return line.substring(begin + 1, end);
    }
  }
}
