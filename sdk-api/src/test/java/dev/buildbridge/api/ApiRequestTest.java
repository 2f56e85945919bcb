package dev.buildbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

  @Test
  void encodesEachPlaceholderAsOneSegment() {
    ApiRequest request = ApiRequest.get("/repos/{owner}/{repo}/check-runs/{id}",
        "octo cat", "a/b#c?d", 42L).build();
    assertEquals("/repos/octo%20cat/a%2Fb%23c%3Fd/check-runs/42", request.path());
  }

  @Test
  void encodesMultiSegmentPlaceholderPerSegmentKeepingSlashes() {
    ApiRequest request = ApiRequest.get("/repos/{owner}/{repo}/contents/{+path}",
        "o", "r", ".solstice/wörk flow#1.kdl").build();
    assertEquals("/repos/o/r/contents/.solstice/w%C3%B6rk%20flow%231.kdl", request.path());
  }

  @Test
  void keepsTrailingSlashOfTheTemplate() {
    assertEquals("/builds/7/", ApiRequest.get("/builds/{id}/", 7).build().path());
    assertEquals("/build_node/build_done",
        ApiRequest.post("/build_node/build_done").build().path());
  }

  @Test
  void refusesDotSegmentsInArguments() {
    IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
        () -> ApiRequest.get("/repos/{owner}/{repo}", "..", "r"));
    assertTrue(single.getMessage().contains("owner"), single.getMessage());
    IllegalArgumentException multi = assertThrows(IllegalArgumentException.class,
        () -> ApiRequest.get("/contents/{+path}", "docs/../../admin"));
    assertTrue(multi.getMessage().contains("dot segment"), multi.getMessage());
  }

  @Test
  void refusesEmptyArgumentsAndEmptySegments() {
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/repos/{owner}", ""));
    IllegalArgumentException leading = assertThrows(IllegalArgumentException.class,
        () -> ApiRequest.get("/contents/{+path}", "/etc/passwd"));
    assertTrue(leading.getMessage().contains("empty segment"), leading.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ApiRequest.get("/contents/{+path}", "a//b"));
  }

  @Test
  void refusesNullArgumentNamingThePlaceholder() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> ApiRequest.get("/repos/{owner}/{repo}", "o", null));
    assertEquals("path argument repo is null", e.getMessage());
  }

  @Test
  void refusesArgumentCountMismatch() {
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/a/{x}/{y}", "1"));
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/a/{x}", "1", "2"));
  }

  @Test
  void refusesMalformedTemplates() {
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("builds/"));
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/builds/{id", 1));
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/builds/}"));
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/builds//x"));
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/a/../b"));
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/a b"));
    IllegalArgumentException query = assertThrows(IllegalArgumentException.class,
        () -> ApiRequest.get("/builds/?pageNumber=1"));
    assertTrue(query.getMessage().contains("query(name, value)"), query.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/a/{b c}", 1));
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/a/%zz"));
  }

  @Test
  void refusesUnpairedSurrogateInArgument() {
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/a/{x}", "\uD800"));
  }

  @Test
  void keepsQueryOrderSkipsNullsAndEncodesValues() {
    ApiRequest request = ApiRequest.get("/builds/")
        .query("pageNumber", 2)
        .query("project", null)
        .query("rpm_name", "a b&c=d")
        .query("arch", "x86_64")
        .query("arch", "aarch64")
        .build();
    assertEquals(Map.of("pageNumber", List.of("2"), "rpm_name", List.of("a b&c=d"),
        "arch", List.of("x86_64", "aarch64")), request.query());
    assertEquals("pageNumber=2&rpm_name=a%20b%26c%3Dd&arch=x86_64&arch=aarch64",
        request.encodedQuery());
  }

  @Test
  void postAndPatchAreNotIdempotentByDefault() {
    assertTrue(ApiRequest.get("/a").build().idempotent());
    assertTrue(ApiRequest.put("/a").build().idempotent());
    assertTrue(ApiRequest.delete("/a").build().idempotent());
    assertTrue(ApiRequest.newBuilder("head", "/a").build().idempotent());
    assertFalse(ApiRequest.post("/a").build().idempotent());
    assertFalse(ApiRequest.patch("/a").build().idempotent());
    assertTrue(ApiRequest.patch("/a").idempotent(true).build().idempotent());
  }

  @Test
  void treatsListedErrorStatusAsSuccess() {
    ApiRequest request = ApiRequest.post("/build_node/build_done").treatAsSuccess(409).build();
    assertTrue(request.treatsAsSuccess(409));
    assertTrue(request.treatsAsSuccess(204));
    assertFalse(request.treatsAsSuccess(404));
    assertThrows(IllegalArgumentException.class,
        () -> ApiRequest.post("/x").treatAsSuccess(200));
  }

  @Test
  void refusesAuthorizationAndRestrictedHeaders() {
    IllegalArgumentException auth = assertThrows(IllegalArgumentException.class,
        () -> ApiRequest.get("/a").header("authorization", "Bearer x"));
    assertFalse(auth.getMessage().contains("Bearer x"));
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/a").header("Host", "h"));
    assertThrows(IllegalArgumentException.class,
        () -> ApiRequest.get("/a").header("X-A", "v\r\nX-B: injected"));
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.get("/a").header("X A", "v"));
  }

  @Test
  void refusesBadMethodAndTimeout() {
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.newBuilder("GE T", "/a"));
    assertThrows(IllegalArgumentException.class,
        () -> ApiRequest.get("/a").timeout(Duration.ZERO));
    assertThrows(NullPointerException.class, () -> ApiRequest.post("/a").json(null));
  }

  @Test
  void toBuilderKeepsEverything() {
    ApiRequest original = ApiRequest.post("/a/{b}", "c")
        .query("q", 1).header("X-Test", "v").json(Map.of("k", 1)).idempotent(true)
        .treatAsSuccess(409).timeout(Duration.ofSeconds(3)).sensitive().build();
    ApiRequest copy = original.toBuilder().build();
    assertEquals(original.path(), copy.path());
    assertEquals(original.query(), copy.query());
    assertEquals(original.headers(), copy.headers());
    assertTrue(copy.hasBody());
    assertTrue(copy.idempotent());
    assertTrue(copy.treatsAsSuccess(409));
    assertEquals(original.timeout(), copy.timeout());
    assertTrue(copy.sensitive());
  }

  @Test
  void toStringShowsNoQuery() {
    ApiRequest request = ApiRequest.get("/search").query("token", "s3cret").build();
    assertEquals("ApiRequest[GET /search]", request.toString());
  }
}
