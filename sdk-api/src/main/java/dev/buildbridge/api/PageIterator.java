package dev.buildbridge.api;

import com.fasterxml.jackson.databind.JavaType;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Walks the pages of one iteration of a {@link Paged}. */
final class PageIterator<P, T> implements Iterator<T> {
  private final Exchanger exchanger;
  private final JavaType pageType;
  private final Pagination<P, T> pagination;
  private ApiRequest nextRequest;
  private ApiRequest lastRequest;
  private ApiResponse<P> lastResponse;
  private int lastCount;
  private Iterator<T> current = List.<T>of().iterator();
  private long seen;

  PageIterator(Exchanger exchanger, ApiRequest first, JavaType pageType,
      Pagination<P, T> pagination) {
    this.exchanger = exchanger;
    this.nextRequest = first;
    this.pageType = pageType;
    this.pagination = pagination;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (lastResponse != null) {
        // the next page is worked out only once this page's items are used up, so every item
        // received is handed out before a bad link or cursor is reported
        ApiResponse<P> response = lastResponse;
        lastResponse = null;
        nextRequest = pagination.next(exchanger, lastRequest, response, lastCount, seen);
      }
      if (nextRequest == null) {
        return false;
      }
      ApiRequest request = nextRequest;
      nextRequest = null; // a failure below ends the iteration
      ApiResponse<P> response = exchanger.exchange(request, pageType);
      List<T> items = pagination.items(response.body().orElse(null));
      seen += items.size();
      lastRequest = request;
      lastResponse = response;
      lastCount = items.size();
      current = items.iterator();
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more items");
    }
    return current.next();
  }
}
