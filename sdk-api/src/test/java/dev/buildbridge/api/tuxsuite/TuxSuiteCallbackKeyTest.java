package dev.buildbridge.api.tuxsuite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.buildbridge.api.tuxsuite.TuxWire.PROJECT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.PublicKeyProvider;
import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.TuxSuiteCallbackSigner;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import dev.buildbridge.signing.TuxSuiteVerification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The project's callback key, from {@code GET .../keys} to a verified callback: a generated P-256
 * key pair stands in for TuxSuite's, its public half is served as {@code ssh.pub}, and callbacks
 * signed with sdk-signing's signer verify through {@link TuxSuiteClient#callbackKeyProvider()}.
 */
class TuxSuiteCallbackKeyTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static KeyPair tuxKey;
  private static KeyPair rotatedKey;

  private static final byte[] CALLBACK = ("{\"kind\": \"test\", \"status\": {\"uid\": "
      + "\"2MBYa8FhoBHkRCX2BMMPusjuClf\", \"state\": \"finished\", \"result\": \"pass\"}}")
      .getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void generateKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    tuxKey = generator.generateKeyPair();
    rotatedKey = generator.generateKeyPair();
  }

  private static String keysJson(KeyPair pair) {
    return "{\"ssh\": {\"pub\": \"" + OpenSshPublicKey.from(pair.getPublic(), "tuxsuite-demo")
        .toOpenSshLine() + "\"},"
        + " \"pat\": [{\"token\": \"****\", \"username\": \"ci\", \"domain\": \"gitlab.com\"}],"
        + " \"variables\": [{\"value\": \"****\", \"keyname\": \"KCIDB_TOKEN\","
        + " \"type\": \"variable\"}]}";
  }

  private static TuxSuiteClient.Builder client() {
    return TuxSuiteClient.newBuilder().baseUrl(wm.baseUrl()).group("demo").project("riscv")
        .transport(t -> t.sleeper(d -> { }).maxAttempts(2));
  }

  @Test
  void aCallbackSignedWithTheProjectKeyVerifiesThroughTheProvider() {
    wm.stubFor(get(PROJECT + "/keys").willReturn(okJson(keysJson(tuxKey))));
    TuxSuiteClient tux = client().build();
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.newBuilder()
        .keyProvider(tux.callbackKeyProvider())
        .build();
    String signature = TuxSuiteCallbackSigner.of(tuxKey.getPrivate()).sign(CALLBACK);

    TuxSuiteVerification verified = verifier.verify(signature, CALLBACK);
    verifier.verify(signature, CALLBACK);

    assertArrayEquals(CALLBACK, verified.payload());
    assertFalse(verified.legacy());
    byte[] tampered = new String(CALLBACK, StandardCharsets.UTF_8).replace("pass", "fail")
        .getBytes(StandardCharsets.UTF_8);
    SignatureVerificationException e = assertThrows(SignatureVerificationException.class,
        () -> verifier.verify(signature, tampered));
    assertEquals(SignatureVerificationException.Reason.SIGNATURE_MISMATCH, e.reason());
    // one fetch: the verifier caches the key (the mismatch is within the refresh interval)
    assertEquals(1, wm.getAllServeEvents().size());
    LoggedRequest request = wm.getAllServeEvents().get(0).getRequest();
    assertEquals("/v1/groups/demo/projects/riscv/keys", request.getUrl());
    assertEquals("GET", request.getMethod().value());
    assertFalse(request.containsHeader("Authorization")); // no token: the docs' anonymous fetch
  }

  @Test
  void aRotatedKeyIsPickedUpAfterTheRefreshInterval() {
    wm.stubFor(get(PROJECT + "/keys").inScenario("rotation")
        .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willSetStateTo("rotated").willReturn(okJson(keysJson(tuxKey))));
    wm.stubFor(get(PROJECT + "/keys").inScenario("rotation").whenScenarioStateIs("rotated")
        .willReturn(okJson(keysJson(rotatedKey))));
    TuxSuiteCallbackVerifier verifier = TuxSuiteCallbackVerifier.newBuilder()
        .keyProvider(client().token("tux-token").build().callbackKeyProvider())
        .refreshInterval(Duration.ZERO)
        .build();

    verifier.verify(TuxSuiteCallbackSigner.of(tuxKey.getPrivate()).sign(CALLBACK), CALLBACK);
    verifier.verify(TuxSuiteCallbackSigner.of(rotatedKey.getPrivate()).sign(CALLBACK), CALLBACK);

    assertEquals(2, wm.getAllServeEvents().size());
    assertEquals("tux-token", wm.getAllServeEvents().get(0).getRequest()
        .getHeader("Authorization"));
  }

  @Test
  void readsTheKeysAndTheCallbackKey() {
    wm.stubFor(get(PROJECT + "/keys").willReturn(okJson(keysJson(tuxKey))));
    TuxSuiteClient tux = client().build();

    TuxKeys keys = tux.getKeys();
    OpenSshPublicKey key = tux.callbackKey();

    assertEquals(OpenSshPublicKey.from(tuxKey.getPublic()), key);
    assertEquals("ecdsa-sha2-nistp256", key.type());
    assertEquals("tuxsuite-demo", key.comment().orElseThrow());
    assertTrue(keys.sshPublicKey().orElseThrow().startsWith("ecdsa-sha2-nistp256 AAAA"));
    assertEquals("gitlab.com", keys.pat().get(0).domain());
    assertEquals("KCIDB_TOKEN", keys.variables().get(0).keyname());
    assertEquals("variable", keys.variables().get(0).type());
  }

  @Test
  void keysWithoutSshPubAreMalformedAndTheVerifierReportsTheKeyUnavailable() throws Exception {
    wm.stubFor(get(PROJECT + "/keys").willReturn(okJson("{\"pat\": [], \"variables\": []}")));
    TuxSuiteClient tux = client().build();

    ApiException e = assertThrows(ApiException.class, tux::callbackKey);
    IOException fetch = assertThrows(IOException.class, () -> tux.callbackKeyProvider().fetch());
    SignatureVerificationException verify = assertThrows(SignatureVerificationException.class,
        () -> TuxSuiteCallbackVerifier.newBuilder().keyProvider(tux.callbackKeyProvider())
            .build().verify(TuxSuiteCallbackSigner.of(tuxKey.getPrivate()).sign(CALLBACK),
                CALLBACK));

    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertEquals("GET " + PROJECT + "/keys: 200 OK: the keys have no ssh.pub", e.getMessage());
    assertInstanceOf(ApiException.class, fetch.getCause());
    assertEquals(SignatureVerificationException.Reason.KEY_UNAVAILABLE, verify.reason());
  }

  @Test
  void anUnparsableSshPubIsMalformedAndTheProviderSaysSo() {
    wm.stubFor(get(PROJECT + "/keys").willReturn(okJson(
        "{\"ssh\": {\"pub\": \"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 rsa-key\"}}")));
    TuxSuiteClient tux = client().build();

    ApiException e = assertThrows(ApiException.class, tux::callbackKey);
    SignatureVerificationException fetch = assertThrows(SignatureVerificationException.class,
        () -> tux.callbackKeyProvider().fetch());

    assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    assertInstanceOf(SignatureVerificationException.class, e.getCause());
    assertTrue(e.getMessage().contains("ssh.pub is not a usable OpenSSH public key"),
        e.getMessage());
    assertEquals(SignatureVerificationException.Reason.UNSUPPORTED_KEY, fetch.reason());
  }

  @Test
  void aServerErrorIsAnIoExceptionForTheVerifier() {
    wm.stubFor(get(PROJECT + "/keys").willReturn(aResponse().withStatus(502)));
    PublicKeyProvider provider = client().build().callbackKeyProvider();

    IOException e = assertThrows(IOException.class, provider::fetch);

    ApiException cause = assertInstanceOf(ApiException.class, e.getCause());
    assertEquals(Reason.SERVER_ERROR, cause.reason());
    assertEquals(2, cause.attempts()); // a GET: retried
    assertEquals("TuxSuiteCallbackKeyProvider[demo/riscv]", provider.toString());
    assertNull(wm.getAllServeEvents().get(0).getRequest().getHeader("Authorization"));
  }
}
