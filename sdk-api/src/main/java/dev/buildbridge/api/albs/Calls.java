package dev.buildbridge.api.albs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildbridge.api.ApiException;
import dev.buildbridge.api.ApiException.Reason;
import dev.buildbridge.api.ApiRequest;
import dev.buildbridge.api.ApiResponse;
import dev.buildbridge.api.ApiTransport;
import java.util.List;

/** Sending helpers shared by the endpoint groups. */
final class Calls {
  private Calls() {}

  /** Sends a request answered by a bare JSON array; a missing body or null item is refused. */
  static <T> List<T> list(ApiTransport transport, ApiRequest request,
      TypeReference<List<T>> type) {
    ApiResponse<List<T>> response = transport.exchange(request, type);
    List<T> items = response.body().orElseThrow(() ->
        malformed(transport, request, response, "expected a JSON array, got no body"));
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null) {
        throw malformed(transport, request, response, "item " + i + " of the array is null");
      }
    }
    return List.copyOf(items);
  }

  static ApiException malformed(ApiTransport transport, ApiRequest request,
      ApiResponse<?> response, String problem) {
    return ApiException.newBuilder(Reason.MALFORMED_RESPONSE, request.method(),
            transport.baseUrl().getRawPath() + request.path())
        .status(response.status())
        .attempts(response.attempts())
        .problem(problem)
        .build();
  }
}
