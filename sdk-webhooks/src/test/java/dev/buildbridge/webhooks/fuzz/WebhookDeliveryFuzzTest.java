package dev.buildbridge.webhooks.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.buildbridge.core.job.JobRequest;
import dev.buildbridge.core.testing.SharedSeeds;
import dev.buildbridge.signing.OpenSshPublicKey;
import dev.buildbridge.signing.TuxSuiteCallbackSigner;
import dev.buildbridge.signing.TuxSuiteCallbackVerifier;
import dev.buildbridge.webhooks.Decision;
import dev.buildbridge.webhooks.Delivery;
import dev.buildbridge.webhooks.Outcome;
import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.WebhookHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the webhook decision: headers and body of any shape go through a handler that checks
 * signatures and one that accepts unsigned deliveries; both must answer with a {@link Decision}
 * and never throw, whether they tell the provider from the headers or serve the endpoint of the
 * provider an {@value #ENDPOINT} header names ({@code github}, {@code tuxsuite}, ...). The input
 * is a request in {@link FuzzedDelivery}'s form. Seeds: every GitHub, Gitea and TuxSuite sample in
 * {@code ../shared/fixtures} with its event headers, the GitLab samples among this module's test
 * resources, and {@code WebhookDeliveryFuzzTestInputs}.
 */
class WebhookDeliveryFuzzTest {
  private static final String SECRET = "fuzz-secret";
  /** A header that makes the test call the handler as the endpoint of one provider. */
  private static final String ENDPOINT = "X-Fuzz-Endpoint";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"),
      ZoneOffset.UTC);
  private static final Set<Outcome> REFUSALS = EnumSet.of(Outcome.MALFORMED,
      Outcome.UNAUTHORIZED, Outcome.TOO_LARGE, Outcome.UNSUPPORTED_MEDIA_TYPE);
  private static final TuxSuiteCallbackSigner TUX_SIGNER;
  private static final TuxSuiteCallbackVerifier TUX_VERIFIER;

  static {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      TUX_SIGNER = TuxSuiteCallbackSigner.of(pair.getPrivate());
      TUX_VERIFIER = TuxSuiteCallbackVerifier.of(OpenSshPublicKey.from(pair.getPublic()));
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static List<Named<byte[]>> deliveries() {
    List<Named<byte[]>> seeds = new ArrayList<>();
    int id = 0;
    for (Named<byte[]> sample : SharedSeeds.files("fixtures/github", ".json")) {
      // fixtures/github/<event>/<name>.json
      String event = sample.getName().split("/")[2];
      seeds.add(Named.of(sample.getName(), FuzzedDelivery.write(sample.getPayload(),
          "X-GitHub-Event: " + event, "X-GitHub-Delivery: " + ++id,
          "Content-Type: application/json", "X-Hub-Signature-256: " + FuzzedDelivery.SIGN)));
    }
    for (Named<byte[]> sample : SharedSeeds.files("fixtures/gitea", ".json")) {
      String event = sample.getName().endsWith("push.json") ? "push" : "pull_request";
      seeds.add(Named.of(sample.getName(), FuzzedDelivery.write(sample.getPayload(),
          "X-Gitea-Event: " + event, "X-Gitea-Delivery: " + ++id,
          "Content-Type: application/json", "X-Gitea-Signature: " + FuzzedDelivery.SIGN)));
    }
    for (Named<byte[]> sample : SharedSeeds.files("fixtures/tuxsuite", ".json")) {
      seeds.add(Named.of(sample.getName(), FuzzedDelivery.write(sample.getPayload(),
          "Content-Type: application/json", "x-tux-payload-signature: " + FuzzedDelivery.SIGN)));
    }
    for (String name : List.of("push", "tag_push", "merge_request_open")) {
      String event = name.startsWith("merge") ? "Merge Request Hook"
          : name.equals("push") ? "Push Hook" : "Tag Push Hook";
      seeds.add(Named.of("gitlab/" + name + ".json", FuzzedDelivery.write(
          resource("/gitlab/" + name + ".json"), "X-Gitlab-Event: " + event,
          "X-Gitlab-Event-UUID: " + ++id, "Content-Type: application/json",
          "X-Gitlab-Token: " + FuzzedDelivery.SIGN)));
    }
    return seeds;
  }

  @MethodSource("deliveries")
  @FuzzTest
  void everyDeliveryGetsADecisionAndNothingIsThrown(byte[] input) {
    FuzzedDelivery.Request request = FuzzedDelivery.read(input, SECRET, TUX_SIGNER);
    Provider endpoint = endpoint(request.delivery());
    WebhookHandler signed = WebhookHandler.newBuilder().githubSecret(SECRET).giteaSecret(SECRET)
        .gitlabToken(SECRET).tuxsuite(TUX_VERIFIER).clock(CLOCK).build();
    Decision checked = handle(signed, endpoint, request.delivery());
    check(checked);
    if (!request.signed()) {
      assertNull(checked.event(), "nothing is parsed from a delivery without a signature");
    }
    WebhookHandler unsigned = WebhookHandler.newBuilder().allowUnsignedDeliveries()
        .branches(List.of("main", "release/**")).excludeTags(List.of("*-rc*")).clock(CLOCK)
        .build();
    check(handle(unsigned, endpoint, request.delivery()));
  }

  /**
   * The provider named by an {@value #ENDPOINT} header, as on an endpoint per provider; null (the
   * handler tells the provider from the headers) when there is none or it names none.
   */
  private static Provider endpoint(Delivery delivery) {
    String name = delivery.header(ENDPOINT);
    for (Provider provider : Provider.values()) {
      if (provider.wireName().equals(name)) {
        return provider;
      }
    }
    return null;
  }

  private static Decision handle(WebhookHandler handler, Provider endpoint, Delivery delivery) {
    return endpoint == null ? handler.handle(delivery) : handler.handle(endpoint, delivery);
  }

  private static void check(Decision decision) {
    assertNotNull(decision);
    assertNotNull(decision.reason());
    assertTrue(decision.status() >= 200 && decision.status() < 600);
    if (REFUSALS.contains(decision.outcome())) {
      assertNull(decision.event(), decision.reason());
    }
    if (decision.outcome() == Outcome.ACCEPTED) {
      assertFalse(decision.jobs().isEmpty());
      for (JobRequest job : decision.jobs()) {
        assertEquals(job, JobRequest.parse(job.toJson()), "a job reads back as written");
      }
    } else {
      assertTrue(decision.jobs().isEmpty(), decision.reason());
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebhookDeliveryFuzzTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
