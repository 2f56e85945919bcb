package dev.buildbridge.samples.gateway;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that times the POSTs it sends (KCIDB submissions, as the outbox's sender
 * makes them) into a histogram, and counts those that fail. Everything else is the wrapped
 * client's.
 */
final class TimedHttpClient extends HttpClient {
  private final HttpClient delegate;
  private final Metrics.Histogram latency;
  private final Metrics.Counter outcomes;

  TimedHttpClient(HttpClient delegate, Metrics.Histogram latency, Metrics.Counter outcomes) {
    this.delegate = delegate;
    this.latency = latency;
    this.outcomes = outcomes;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<T> response = null;
    try {
      response = delegate.send(request, handler);
      return response;
    } finally {
      record(request, start, response);
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> handler) {
    long start = System.nanoTime();
    return delegate.sendAsync(request, handler)
        .whenComplete((response, error) -> record(request, start, response));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
    long start = System.nanoTime();
    return delegate.sendAsync(request, handler, push)
        .whenComplete((response, error) -> record(request, start, response));
  }

  private void record(HttpRequest request, long start, HttpResponse<?> response) {
    if (!"POST".equals(request.method())) {
      return;
    }
    latency.observe((System.nanoTime() - start) / 1e9);
    int status = response == null ? 0 : response.statusCode();
    outcomes.inc(status == 0 ? "no_answer" : status / 100 == 2 ? "2xx" : status / 100 == 4
        ? "4xx" : "5xx");
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
