package dev.buildbridge.webhooks.github;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildbridge.core.testing.SharedData;
import dev.buildbridge.webhooks.internal.WebhookJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The octokit payload examples in {@code ../shared/fixtures/github/<event>/*.json}: the folder
 * name is the {@code X-GitHub-Event} value. Tests that use them are skipped when shared is absent.
 */
final class GitHubFixtures {
  /** Which record each typed event name parses to; every other name is a GitHubUnknownEvent. */
  static final Map<String, Class<? extends GitHubEvent>> TYPED = Map.of(
      "push", GitHubPushEvent.class,
      "pull_request", GitHubPullRequestEvent.class,
      "ping", GitHubPingEvent.class,
      "create", GitHubCreateEvent.class,
      "delete", GitHubDeleteEvent.class,
      "check_suite", GitHubCheckSuiteEvent.class,
      "check_run", GitHubCheckRunEvent.class,
      "release", GitHubReleaseEvent.class,
      "workflow_dispatch", GitHubWorkflowDispatchEvent.class);

  private GitHubFixtures() {}

  static Path dir() {
    return SharedData.require("fixtures/github");
  }

  /** Every regular file under the fixture folder, sorted. */
  static List<Path> all() {
    Path dir = dir();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertFalse(files.isEmpty(), "no fixtures under " + dir);
    return files;
  }

  /** The event name of a fixture: its folder. */
  static String eventName(Path file) {
    return file.getParent().getFileName().toString();
  }

  /** Such as {@code push/payload.json}. */
  static String relative(Path file) {
    return dir().relativize(file).toString().replace('\\', '/');
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String relative) {
    return bytes(dir().resolve(relative));
  }

  static JsonNode tree(String relative) {
    return WebhookJson.read(bytes(relative));
  }

  /** Parses a fixture with the event name its folder gives. */
  static GitHubEvent parse(String relative) {
    Path file = dir().resolve(relative);
    return GitHubEvents.parse(eventName(file), bytes(file));
  }
}
