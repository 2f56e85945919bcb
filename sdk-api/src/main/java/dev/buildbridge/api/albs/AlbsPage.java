package dev.buildbridge.api.albs;

import java.util.List;

/**
 * One page of an ALBS listing, for code that shows pages itself (a dashboard, say); to go through
 * every item, the {@code list} methods and their lazy {@link dev.buildbridge.api.Paged} are
 * simpler. ALBS pages hold {@value #PAGE_SIZE} items.
 *
 * <pre>{@code
 * AlbsPage<Build> page = albs.builds().page(BuildQuery.all(), 3);
 * System.out.println("builds 21-30 of " + page.total());
 * }</pre>
 *
 * @param items the items of the page, at most {@value #PAGE_SIZE}
 * @param total the number of items over all pages, or null when ALBS did not say
 * @param pageNumber the page, from 1
 * @param <T> the item type
 */
public record AlbsPage<T>(List<T> items, Long total, int pageNumber) {
  /** The fixed page size of ALBS listings. */
  public static final int PAGE_SIZE = 10;

  /**
   * Copies the items.
   *
   * @throws NullPointerException if the items or one of them is null
   * @throws IllegalArgumentException if the page number is below 1
   */
  public AlbsPage {
    items = List.copyOf(items);
    if (pageNumber < 1) {
      throw new IllegalArgumentException("pageNumber must be at least 1, was " + pageNumber);
    }
  }

  /**
   * Returns whether a later page may hold items: this page is full and the total, when known,
   * is not reached.
   *
   * @return true when asking for {@code pageNumber + 1} may return items
   */
  public boolean hasNextPage() {
    return items.size() >= PAGE_SIZE
        && (total == null || (long) pageNumber * PAGE_SIZE < total);
  }
}
