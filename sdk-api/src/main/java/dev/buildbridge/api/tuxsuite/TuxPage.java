package dev.buildbridge.api.tuxsuite;

import java.util.List;

/**
 * One page of a TuxSuite listing: {@code {"results": [...], "next": "<cursor>"}}. The client's
 * {@code list...} methods follow the cursors for you; pages appear directly only inside a
 * {@link TuxPlan}.
 *
 * <pre>{@code
 * TuxPlan plan = tux.getPlan(planUid);
 * List<TuxBuild> firstBuilds = plan.builds().results();
 * boolean more = plan.builds().hasNext();    // then iterate tux.planBuilds(planUid)
 * }</pre>
 *
 * @param results the items of this page; empty when absent
 * @param next the cursor of the next page (sent as {@code start}), or null on the last page
 * @param <T> the item type
 */
public record TuxPage<T>(List<T> results, String next) {

  /** Copies the items; null becomes empty. */
  public TuxPage {
    results = Copies.list(results);
  }

  /**
   * Tells whether another page follows.
   *
   * @return true when {@link #next()} is neither null nor blank
   */
  public boolean hasNext() {
    return next != null && !next.isBlank();
  }
}
