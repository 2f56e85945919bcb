package dev.buildbridge.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildbridge.core.json.HardenedJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorDetailsTest {
  private static final ObjectMapper MAPPER = HardenedJson.newMapper();

  private static String detail(String body) {
    return ErrorDetails.detail(MAPPER, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsGitHubValidationErrors() {
    assertEquals("Validation Failed: description is too long (maximum is 140 characters)"
        + " (https://docs.github.com/rest/commits/statuses#create-a-commit-status)",
        detail("{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Status\","
            + "\"code\":\"custom\",\"field\":\"description\",\"message\":\"description is too"
            + " long (maximum is 140 characters)\"}],\"documentation_url\":"
            + "\"https://docs.github.com/rest/commits/statuses#create-a-commit-status\"}"));
    assertEquals("Validation Failed: CheckRun.head_sha missing",
        detail("{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"CheckRun\","
            + "\"field\":\"head_sha\",\"code\":\"missing\"}]}"));
  }

  @Test
  void readsTuxSuiteErrors() {
    assertEquals("group not found", detail("{\"status_message\":\"group not found\"}"));
  }

  @Test
  void rendersNonStandardFastApiDetailAsJson() {
    assertEquals("{\"ok\":false}", detail("{\"detail\":{\"ok\":false}}"));
  }

  @Test
  void boundsLongListsAndEscapesControls() {
    StringBuilder list = new StringBuilder("{\"detail\":[");
    for (int i = 0; i < 30; i++) {
      list.append(i == 0 ? "" : ",").append("{\"loc\":[\"body\",").append(i)
          .append("],\"msg\":\"bad\\nvalue\"}");
    }
    String d = detail(list.append("]}").toString());
    assertTrue(d.length() <= ErrorDetails.MAX_DETAIL + 3, d);
    assertTrue(d.startsWith("body.0: bad\\nvalue; body.1: "), d);
  }

  @Test
  void hasNoDetailForNonJsonOrOtherShapes() {
    assertNull(detail("<html><body>502 Bad Gateway</body></html>"));
    assertNull(detail("[1,2]"));
    assertNull(detail("{\"unrelated\":1}"));
    assertNull(detail(""));
  }
}
