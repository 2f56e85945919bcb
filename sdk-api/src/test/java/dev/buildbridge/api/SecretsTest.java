package dev.buildbridge.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Puts a token into auth and checks it appears in no message, toString or log line. */
class SecretsTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String TOKEN = "ghs_Secr3tTokenValue0123456789abcdef";

  private final List<String> logLines = new ArrayList<>();
  private final Logger julLogger = Logger.getLogger(ApiTransport.class.getName());
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logLines.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  private Level previous;

  @BeforeEach
  void captureLogs() {
    previous = julLogger.getLevel();
    julLogger.setLevel(Level.ALL);
    julLogger.addHandler(capture);
  }

  @AfterEach
  void restoreLogs() {
    julLogger.removeHandler(capture);
    julLogger.setLevel(previous);
  }

  private static String everything(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    ApiException api = (ApiException) e;
    return out + api.toString() + api.bodyExcerpt() + api.detail().orElse("");
  }

  record Token(String token, @JsonProperty("expires_at") Instant expiresAt) {}

  @Test
  void tokenAppearsNowhereEvenWhenTheServerEchoesIt() {
    wm.stubFor(get(urlPathEqualTo("/echo")).willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"Bad credentials: Bearer " + TOKEN + "\"}")));
    wm.stubFor(get(urlPathEqualTo("/flaky")).willReturn(aResponse().withStatus(503)
        .withBody("Authorization: Bearer " + TOKEN)));
    wm.stubFor(get(urlPathEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(get(urlPathEqualTo("/garbage")).willReturn(okJson("{\"id\": \"" + TOKEN + "\"")));
    ApiAuth auth = ApiAuth.bearer(TOKEN);
    ApiTransport t = ApiTransport.newBuilder().baseUrl(wm.baseUrl()).auth(auth)
        .sleeper(d -> { }).maxAttempts(2).build();

    List<String> texts = new ArrayList<>();
    for (String path : List.of("/echo", "/flaky", "/reset", "/garbage")) {
      ApiException e = assertThrows(ApiException.class,
          () -> t.send(ApiRequest.get(path).query("q", 1).build(), Token.class));
      texts.add(everything(e));
    }
    texts.add(auth.toString());
    texts.add(t.toString());
    texts.add(ApiAuth.rawAuthorization(TOKEN).toString());
    texts.addAll(logLines);

    assertFalse(logLines.isEmpty(), "DEBUG lines were logged");
    for (String text : texts) {
      assertFalse(text.contains(TOKEN), text);
      assertFalse(text.contains("Secr3t"), text);
    }
    assertTrue(texts.get(0).contains("Bad credentials: <redacted>"), texts.get(0));
  }

  @Test
  void sensitiveResponsesKeepNoExcerptAndNoParserMessage() {
    wm.stubFor(post("/app/installations/1/access_tokens").willReturn(aResponse().withStatus(201)
        .withBody("{\"token\":\"" + TOKEN + "\",\"expires_at\":\"" + TOKEN + "\"}")));
    ApiTransport t = ApiTransport.newBuilder().baseUrl(wm.baseUrl()).build();

    ApiException e = assertThrows(ApiException.class, () -> t.send(
        ApiRequest.post("/app/installations/1/access_tokens").sensitive().build(), Token.class));

    assertEquals(ApiException.Reason.MALFORMED_RESPONSE, e.reason());
    assertEquals("", e.bodyExcerpt());
    assertEquals(null, e.getCause());
    assertEquals("POST /app/installations/1/access_tokens: 201 Created: response body is not"
        + " valid JSON for Token at $.expires_at", e.getMessage());
    assertFalse(everything(e).contains(TOKEN));
  }

  @Test
  void refusesTokensThatCouldSplitHeadersWithoutShowingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ApiAuth.bearer("abc\r\nX-Injected: " + TOKEN));
    assertFalse(e.getMessage().contains(TOKEN));
    assertThrows(IllegalArgumentException.class, () -> ApiAuth.rawAuthorization(" "));
    ApiTransport t = ApiTransport.newBuilder().baseUrl(wm.baseUrl())
        .auth(ApiAuth.bearer(() -> TOKEN + "\n")).build();
    IllegalStateException supplied = assertThrows(IllegalStateException.class,
        () -> t.send(ApiRequest.get("/x").build()));
    assertFalse(supplied.getMessage().contains(TOKEN));
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
