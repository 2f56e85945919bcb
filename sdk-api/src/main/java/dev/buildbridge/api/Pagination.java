package dev.buildbridge.api;

import dev.buildbridge.api.ApiException.Reason;
import dev.buildbridge.api.internal.LinkHeader;
import dev.buildbridge.api.internal.UriEncoding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a listing is split into pages: where the items of a page are, and how the next page is
 * asked for. Used with {@link ApiTransport#paginate(ApiRequest, Class, Pagination)}. Immutable.
 *
 * <pre>{@code
 * // ALBS: ?pageNumber=1,2,... (10 per page), {"builds": [...], "total_builds": 123}
 * Pagination<BuildsPage, Build> albs =
 *     Pagination.pageNumber("pageNumber", 10, BuildsPage::builds, BuildsPage::totalBuilds);
 * // TuxSuite: {"results": [...], "next": "<token>"}, next page with ?start=<token>
 * Pagination<BuildList, TuxBuild> tux =
 *     Pagination.cursor("start", BuildList::results, BuildList::next);
 * // GitHub: Link: <https://api.github.com/...&page=2>; rel="next"
 * Pagination<CheckRunList, CheckRun> github = Pagination.linkHeader(CheckRunList::checkRuns);
 * }</pre>
 *
 * @param <P> the type of one page's body
 * @param <T> the item type
 */
public final class Pagination<P, T> {
  private enum Kind { PAGE_NUMBER, CURSOR, LINK }

  private final Kind kind;
  private final String parameter;
  private final int pageSize;
  private final Function<? super P, ? extends List<T>> items;
  private final Function<? super P, ? extends Number> total;
  private final Function<? super P, String> nextCursor;

  private Pagination(Kind kind, String parameter, int pageSize,
      Function<? super P, ? extends List<T>> items, Function<? super P, ? extends Number> total,
      Function<? super P, String> nextCursor) {
    this.kind = kind;
    this.parameter = parameter;
    this.pageSize = pageSize;
    this.items = Objects.requireNonNull(items, "items");
    this.total = total;
    this.nextCursor = nextCursor;
  }

  /**
   * Pages numbered from 1 in a query parameter (ALBS {@code pageNumber}). The first request's
   * value of the parameter is the first page (1 when absent). Stops after a page with fewer than
   * {@code pageSize} items.
   *
   * @param parameter the query parameter, such as {@code pageNumber}
   * @param pageSize the number of items in a full page (ALBS: 10)
   * @param items the items of a page; a null list counts as empty
   * @param <P> the page type
   * @param <T> the item type
   * @return the strategy
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the parameter is empty or the page size is below 1
   */
  public static <P, T> Pagination<P, T> pageNumber(String parameter, int pageSize,
      Function<? super P, ? extends List<T>> items) {
    return pageNumber(parameter, pageSize, items, page -> null);
  }

  /**
   * Pages numbered from 1, also stopping once the total the server reports has been seen (ALBS
   * {@code total_builds}).
   *
   * @param parameter the query parameter, such as {@code pageNumber}
   * @param pageSize the number of items in a full page
   * @param items the items of a page; a null list counts as empty
   * @param total the total number of items, from a page; null when unknown
   * @param <P> the page type
   * @param <T> the item type
   * @return the strategy
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the parameter is empty or the page size is below 1
   */
  public static <P, T> Pagination<P, T> pageNumber(String parameter, int pageSize,
      Function<? super P, ? extends List<T>> items, Function<? super P, ? extends Number> total) {
    checkParameter(parameter);
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
    return new Pagination<>(Kind.PAGE_NUMBER, parameter, pageSize, items,
        Objects.requireNonNull(total, "total"), null);
  }

  /**
   * Pages chained by an opaque cursor: the page names the next one (TuxSuite {@code next}), and
   * the next request carries it in a query parameter (TuxSuite {@code start}). Stops when the
   * cursor is null or blank; a cursor equal to the current one fails with
   * {@link ApiException.Reason#MALFORMED_RESPONSE} instead of looping.
   *
   * @param parameter the query parameter, such as {@code start}
   * @param items the items of a page; a null list counts as empty
   * @param nextCursor the next page's cursor, from a page; null or blank on the last page
   * @param <P> the page type
   * @param <T> the item type
   * @return the strategy
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the parameter is empty
   */
  public static <P, T> Pagination<P, T> cursor(String parameter,
      Function<? super P, ? extends List<T>> items, Function<? super P, String> nextCursor) {
    checkParameter(parameter);
    return new Pagination<>(Kind.CURSOR, parameter, 0, items, null,
        Objects.requireNonNull(nextCursor, "nextCursor"));
  }

  /**
   * Pages chained by the response's {@code Link: <url>; rel="next"} header (GitHub). The next URL
   * is followed only when it has the base URL's scheme, host and port and lies under its path;
   * otherwise iteration fails with {@link ApiException.Reason#MALFORMED_RESPONSE}, so a server
   * cannot send the credentials elsewhere.
   *
   * @param items the items of a page (for a bare JSON array, {@code page -> page}); a null list
   *     counts as empty
   * @param <P> the page type
   * @param <T> the item type
   * @return the strategy
   * @throws NullPointerException if the argument is null
   */
  public static <P, T> Pagination<P, T> linkHeader(Function<? super P, ? extends List<T>> items) {
    return new Pagination<>(Kind.LINK, null, 0, items, null, null);
  }

  private static void checkParameter(String parameter) {
    Objects.requireNonNull(parameter, "parameter");
    if (parameter.isEmpty()) {
      throw new IllegalArgumentException("parameter is empty");
    }
  }

  ApiRequest first(ApiRequest request) {
    if (kind != Kind.PAGE_NUMBER) {
      return request;
    }
    List<String> values = request.query().get(parameter);
    if (values == null || values.isEmpty()) {
      return request.withQueryParameter(parameter, "1");
    }
    parsePage(values.get(0));
    return request;
  }

  private int parsePage(String value) {
    try {
      int page = Integer.parseInt(value);
      if (page >= 0) {
        return page;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("query parameter " + parameter
        + " must be a page number, was \"" + value + "\"");
  }

  List<T> items(P page) {
    if (page == null) {
      return List.of();
    }
    List<T> list = items.apply(page);
    return list == null ? List.of() : list;
  }

  /**
   * Returns the request of the page after {@code current}, or null after the last page.
   *
   * @param seen the number of items seen so far, this page included
   */
  ApiRequest next(Exchanger exchanger, ApiRequest current, ApiResponse<P> response,
      int itemsOnPage, long seen) {
    P page = response.body().orElse(null);
    switch (kind) {
      case PAGE_NUMBER: {
        if (itemsOnPage < pageSize) {
          return null;
        }
        Number reported = page == null ? null : total.apply(page);
        if (reported != null && seen >= reported.longValue()) {
          return null;
        }
        int number = parsePage(current.query().get(parameter).get(0));
        return current.withQueryParameter(parameter, Integer.toString(number + 1));
      }
      case CURSOR: {
        String cursor = page == null ? null : nextCursor.apply(page);
        if (cursor == null || cursor.isBlank()) {
          return null;
        }
        List<String> now = current.query().get(parameter);
        if (now != null && now.contains(cursor)) {
          throw malformed(exchanger, current, response, "the next-page cursor repeats the"
              + " current one; stopping instead of looping");
        }
        return current.withQueryParameter(parameter, cursor);
      }
      default:
        return nextFromLink(exchanger, current, response);
    }
  }

  private ApiRequest nextFromLink(Exchanger exchanger, ApiRequest current,
      ApiResponse<P> response) {
    Optional<String> header = response.header("link");
    if (header.isEmpty()) {
      return null;
    }
    String target;
    URI next;
    try {
      target = LinkHeader.next(header.get());
      if (target == null) {
        return null;
      }
      next = exchanger.resolve(current).resolve(new URI(target));
    } catch (IllegalArgumentException | URISyntaxException e) {
      throw malformed(exchanger, current, response, "unreadable Link header: " + e.getMessage());
    }
    URI base = exchanger.baseUrl();
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    String path = next.getRawPath() == null ? "" : next.getRawPath();
    boolean sameOrigin = base.getScheme().equalsIgnoreCase(next.getScheme())
        && base.getHost().equalsIgnoreCase(next.getHost())
        && effectivePort(base) == effectivePort(next)
        && next.getRawUserInfo() == null
        && path.startsWith(basePath + "/");
    if (!sameOrigin) {
      throw malformed(exchanger, current, response, "the next-page link leaves the base URL "
          + base + "; not followed");
    }
    List<Map.Entry<String, String>> query = new ArrayList<>();
    String raw = next.getRawQuery();
    try {
      if (raw != null && !raw.isEmpty()) {
        for (String pair : raw.split("&", -1)) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String name = UriEncoding.decode(eq < 0 ? pair : pair.substring(0, eq));
          String value = eq < 0 ? "" : UriEncoding.decode(pair.substring(eq + 1));
          query.add(Map.entry(name, value));
        }
      }
      ApiRequest request = current.withPathAndQuery(path.substring(basePath.length()), query);
      if (exchanger.resolve(request).equals(exchanger.resolve(current))) {
        throw malformed(exchanger, current, response, "the next-page link points to the"
            + " current page; stopping instead of looping");
      }
      return request;
    } catch (IllegalArgumentException e) {
      throw malformed(exchanger, current, response, "unusable next-page link: "
          + e.getMessage());
    }
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static ApiException malformed(Exchanger exchanger, ApiRequest request,
      ApiResponse<?> response, String problem) {
    return ApiException.newBuilder(Reason.MALFORMED_RESPONSE, request.method(),
            exchanger.fullPath(request))
        .status(response.status())
        .attempts(response.attempts())
        .problem(problem)
        .build();
  }

  /**
   * Names the strategy.
   *
   * @return for example {@code Pagination[CURSOR start]}
   */
  @Override
  public String toString() {
    return "Pagination[" + kind + (parameter == null ? "" : " " + parameter) + "]";
  }
}
