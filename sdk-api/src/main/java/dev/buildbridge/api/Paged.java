package dev.buildbridge.api;

import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a paginated listing, fetched page by page as they are consumed. Nothing is sent
 * before iteration starts, and the next page is fetched only when the items of the previous one are
 * used up, so {@code stream().limit(5)} costs one request. Each {@link #iterator()} or
 * {@link #stream()} starts again from the first page. Iterating throws {@link ApiException} as
 * {@link ApiTransport#send(ApiRequest, Class)} does.
 *
 * <pre>{@code
 * Paged<CheckRun> runs = github.listCheckRunsForRef("octo", "repo", sha);
 * Optional<CheckRun> mine = runs.stream()
 *     .filter(run -> requestId.equals(run.externalId()))
 *     .findFirst();
 * for (CheckRun run : runs) { ... }                 // fetches again, from page 1
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Paged<T> implements Iterable<T> {
  private final Supplier<? extends Iterator<T>> iterators;

  /**
   * Creates a listing over iterators that each start from the first page.
   *
   * @param iterators makes a fresh iterator per iteration
   * @throws NullPointerException if the argument is null
   */
  Paged(Supplier<? extends Iterator<T>> iterators) {
    this.iterators = Objects.requireNonNull(iterators, "iterators");
  }

  /**
   * Starts iterating from the first page. The iterator is not thread-safe.
   *
   * @return a lazy iterator
   */
  @Override
  public Iterator<T> iterator() {
    return iterators.get();
  }

  /**
   * Returns a lazy, sequential, ordered stream of the items, starting from the first page when
   * the terminal operation runs.
   *
   * @return the stream
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        () -> Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED),
        Spliterator.ORDERED, false);
  }

  /**
   * Names the type; fetches nothing.
   *
   * @return {@code Paged[...]}
   */
  @Override
  public String toString() {
    return "Paged[...]";
  }
}
