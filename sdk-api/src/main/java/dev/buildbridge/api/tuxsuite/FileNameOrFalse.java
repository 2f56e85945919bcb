package dev.buildbridge.api.tuxsuite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a build's {@code modules}: the archive's file name, or {@code false} when the build made
 * no modules. {@code false}, {@code null} and an empty name read as null; any other type is an
 * error.
 */
final class FileNameOrFalse extends StdDeserializer<String> {
  private static final long serialVersionUID = 1L;

  FileNameOrFalse() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      String text = p.getText();
      return text.isEmpty() ? null : text;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return null;
    }
    return (String) ctxt.handleUnexpectedToken(String.class, p);
  }

  @Override
  public String getNullValue(DeserializationContext ctxt) {
    return null;
  }
}
