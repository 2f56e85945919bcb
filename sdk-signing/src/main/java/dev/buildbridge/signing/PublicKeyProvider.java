package dev.buildbridge.signing;

import java.io.IOException;

/**
 * Supplies the current public key of a signer, typically by fetching it over HTTP (for TuxSuite:
 * the {@code ssh.pub} field of {@code GET /v1/groups/{group}/projects/{project}/keys}). Verifiers
 * call it rarely and cache the answer, so an implementation need not cache itself.
 *
 * <pre>{@code
 * PublicKeyProvider provider = () -> OpenSshPublicKey.parse(
 *     Files.readString(Path.of("/etc/buildbridge/tuxsuite.pub")));
 * TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.newBuilder()
 *     .keyProvider(provider)
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface PublicKeyProvider {

  /**
   * Returns the signer's current public key.
   *
   * @return the key; never null
   * @throws IOException when the key cannot be fetched
   * @throws SignatureVerificationException when the fetched key cannot be parsed
   */
  OpenSshPublicKey fetch() throws IOException;
}
