package dev.buildbridge.webhooks.github;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.webhooks.Provider;
import dev.buildbridge.webhooks.internal.WebhookJson;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every GitHub payload example in shared parses, to the record its event name calls for. */
class GitHubEventsCorpusTest {

  static Stream<Arguments> fixtures() {
    return GitHubFixtures.all().stream()
        .map(file -> Arguments.of(GitHubFixtures.relative(file), file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void parsesFixtureToTheRecordOfItsEventName(String name, Path file) {
    String eventName = GitHubFixtures.eventName(file);
    byte[] body = GitHubFixtures.bytes(file);
    JsonNode tree = WebhookJson.read(body);

    GitHubEvent event = assertDoesNotThrow(() -> GitHubEvents.parse(eventName, body), name);

    assertSame(GitHubFixtures.TYPED.getOrDefault(eventName, GitHubUnknownEvent.class),
        event.getClass(), name);
    assertEquals(Provider.GITHUB, event.provider());
    assertEquals(eventName, event.eventName());
    assertEquals(Optional.ofNullable(tree.path("action").textValue()), event.action(), "action");
    assertEquals(text(tree, "repository", "full_name"), event.repository().fullName(),
        "repository");
    assertEquals(text(tree, "repository", "clone_url"), event.repository().cloneUrl(), "clone_url");
    JsonNode installation = tree.path("installation").path("id");
    assertEquals(installation.isIntegralNumber()
        ? Optional.of(installation.longValue()) : Optional.empty(), event.installationId());
    assertEquals(Optional.ofNullable(tree.path("sender").path("login").textValue()),
        event.senderLogin());
    if (event instanceof GitHubUnknownEvent unknown) {
      assertEquals(tree, unknown.payload());
    }
    // the tree overload gives the same event, and leaves the tree alone
    JsonNode before = tree.deepCopy();
    assertEquals(event, GitHubEvents.parse(eventName, tree));
    assertEquals(before, tree);
  }

  @Test
  void parsesEveryFixtureAndCountsEventsPerType() {
    Map<String, Integer> files = new TreeMap<>();
    Map<String, Integer> parsed = new TreeMap<>();
    int total = 0;
    for (Path file : GitHubFixtures.all()) {
      String eventName = GitHubFixtures.eventName(file);
      GitHubEvent event = GitHubEvents.parse(eventName, GitHubFixtures.bytes(file));
      files.merge(eventName, 1, Integer::sum);
      parsed.merge(event.getClass().getSimpleName(), 1, Integer::sum);
      total++;
    }
    System.out.println("[github fixtures] " + total + " files in " + files.size()
        + " event folders parsed to " + parsed);

    assertEquals(total, parsed.values().stream().mapToInt(Integer::intValue).sum());
    int typed = 0;
    for (Map.Entry<String, Class<? extends GitHubEvent>> entry : GitHubFixtures.TYPED.entrySet()) {
      int expected = files.getOrDefault(entry.getKey(), 0);
      assertTrue(expected > 0, "shared has no " + entry.getKey() + " fixtures");
      assertEquals(expected, parsed.getOrDefault(entry.getValue().getSimpleName(), 0),
          entry.getKey());
      typed += expected;
    }
    assertTrue(total > typed, "expected fixtures of event names without a typed record");
    assertEquals(total - typed, parsed.get(GitHubUnknownEvent.class.getSimpleName()));
  }

  private static String text(JsonNode tree, String... path) {
    JsonNode node = tree;
    for (String field : path) {
      node = node.path(field);
    }
    return node.textValue();
  }
}
