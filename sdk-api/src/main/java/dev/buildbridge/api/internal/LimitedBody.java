package dev.buildbridge.api.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body handler that collects the body into a byte array of at most a given size. A larger body
 * (by {@code Content-Length}, or as it arrives) fails the exchange with {@link TooLargeException}
 * and the subscription is cancelled, so a hostile or broken server cannot exhaust memory.
 */
public final class LimitedBody implements HttpResponse.BodyHandler<byte[]> {
  private final long maxBytes;
  private volatile TooLargeException overflow;

  /**
   * Creates a handler.
   *
   * @param maxBytes the largest body accepted
   */
  public LimitedBody(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("content-length").orElse(-1L);
    if (declared > maxBytes) {
      return new Collector(declared);
    }
    return new Collector(-1);
  }

  /**
   * Returns the overflow, if this handler's body was too large. The JDK client may report the
   * cancelled exchange with its own exception (an HTTP/2 stream reset, say) instead of ours.
   *
   * @return the overflow, or null
   */
  public TooLargeException overflow() {
    return overflow;
  }

  /** The body was larger than the limit. Not worth retrying. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long maxBytes, long declared) {
      super(declared >= 0
          ? "response body of " + declared + " bytes exceeds the limit of " + maxBytes + " bytes"
          : "response body exceeds the limit of " + maxBytes + " bytes");
    }
  }

  private final class Collector implements BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long declaredTooLarge;
    private byte[] buffer = new byte[256];
    private int size;
    private Flow.Subscription subscription;

    Collector(long declaredTooLarge) {
      this.declaredTooLarge = declaredTooLarge;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      this.subscription = s;
      if (declaredTooLarge >= 0) {
        fail(new TooLargeException(maxBytes, declaredTooLarge));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        int n = item.remaining();
        if ((long) size + n > maxBytes) {
          fail(new TooLargeException(maxBytes, -1));
          return;
        }
        if (size + n > buffer.length) {
          long grown = Math.max((long) buffer.length * 2, (long) size + n);
          buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Math.max(maxBytes, size + n)));
        }
        item.get(buffer, size, n);
        size += n;
      }
    }

    private void fail(TooLargeException e) {
      overflow = e;
      buffer = null;
      result.completeExceptionally(e);
      subscription.cancel();
    }

    @Override
    public void onError(Throwable throwable) {
      buffer = null;
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      if (!result.isDone()) {
        result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
        buffer = null;
      }
    }
  }
}
