package dev.buildbridge.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.core.testing.SharedData;
import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.TuxSuiteCallbackSigner;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import dev.buildbridge.webhooks.tuxsuite.TuxBuildCallback;
import dev.buildbridge.webhooks.tuxsuite.TuxSuiteCallback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TuxSuiteHandlingTest {
  private static TuxSuiteCallbackSigner signer;
  private static WebhookHandler handler;

  @BeforeAll
  static void keys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    signer = TuxSuiteCallbackSigner.of(pair.getPrivate());
    handler = WebhookHandler.newBuilder()
        .tuxsuite(TuxSuiteCallbackVerifier.of(OpenSshPublicKey.from(pair.getPublic())))
        .build();
  }

  private static Delivery signed(byte[] body) {
    return Delivery.newBuilder().header("X-Tux-Payload-Signature", signer.sign(body))
        .header("Content-Type", "application/json").body(body).build();
  }

  @Test
  void everyTuxSuiteSampleIsAcceptedSignedAndRefusedTampered() throws IOException {
    Path dir = SharedData.require("fixtures/tuxsuite");
    for (String kind : List.of("build", "test", "oebuild", "plan")) {
      byte[] body = Files.readAllBytes(dir.resolve(kind + "-callback.json"));
      Decision d = handler.handle(signed(body));
      assertEquals(Outcome.CALLBACK, d.outcome(), kind + ": " + d.reason());
      assertEquals(200, d.status());
      assertEquals(Provider.TUXSUITE, d.provider());
      assertEquals(kind, d.eventName());
      assertInstanceOf(TuxSuiteCallback.class, d.event());
      assertTrue(d.jobs().isEmpty());

      byte[] tampered = body.clone();
      tampered[tampered.length / 3] ^= 0x02;
      Decision bad = handler.handle(Delivery.ofSingleValued(signed(body).headers(), tampered));
      assertEquals(401, bad.status(), kind);
      assertTrue(bad.reason().startsWith("SIGNATURE_MISMATCH"), bad.reason());
    }
  }

  @Test
  void callbackWithTheInvalidEscapeTuxSuiteHasSentIsAccepted() {
    byte[] body = "{\"kind\": \"build\", \"status\": {\"uid\": \"2ZITcwA6wxeKxh9cZA5HBJ6FkSj\", \"git_short_log\": \"Merge tag \\'net-6.7-rc5\\'\"}}"
        .getBytes(UTF_8);
    Decision d = handler.handle(signed(body));
    assertEquals(200, d.status(), d.reason());
    TuxBuildCallback build = assertInstanceOf(TuxBuildCallback.class, d.event());
    assertEquals("2ZITcwA6wxeKxh9cZA5HBJ6FkSj", build.status().uid());
  }

  @Test
  void legacyDoubleEncodedCallbackIsVerifiedOverItsInnerDocumentAndParsed() {
    String inner = "{\"kind\": \"test\", \"status\": {\"uid\": \"2MBYa8FhoBHkRCX2BMMPusjuClf\"}}";
    byte[] body = ("\"" + inner.replace("\"", "\\\"") + "\"").getBytes(UTF_8);
    Delivery d = Delivery.newBuilder()
        .header("x-tux-payload-signature", signer.sign(inner.getBytes(UTF_8))).body(body).build();
    Decision decision = handler.handle(d);
    assertEquals(200, decision.status(), decision.reason());
    assertEquals("test", decision.eventName());
  }

  @Test
  void callbackWithoutSignatureOnTheTuxSuiteEndpointIs401() {
    Delivery d = Delivery.newBuilder().body("{\"kind\":\"test\"}".getBytes(UTF_8)).build();
    Decision decision = handler.handle(Provider.TUXSUITE, d);
    assertEquals(401, decision.status());
    assertTrue(decision.reason().startsWith("MISSING_HEADER"), decision.reason());
  }

  @Test
  void signedCallbackThatIsNotAnObjectIs400() {
    Decision d = handler.handle(signed("[1]".getBytes(UTF_8)));
    assertEquals(400, d.status());
  }

  @Test
  void unsignedCallbackIsTakenOnlyWhenTheHandlerAllowsUnsignedDeliveries() {
    Delivery d = Delivery.newBuilder().body("{\"kind\":\"plan\",\"status\":{}}".getBytes(UTF_8))
        .build();
    WebhookHandler open = WebhookHandler.newBuilder().allowUnsignedDeliveries().build();
    assertEquals(200, open.handle(Provider.TUXSUITE, d).status());
    WebhookHandler closed = WebhookHandler.newBuilder().githubSecret("s").build();
    assertEquals(401, closed.handle(Provider.TUXSUITE, d).status());
  }
}
