package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressionFactory;
import dev.buildbridge.core.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The official KCIDB v5.3 JSON schema (read from {@code ../shared}, never bundled), run by an
 * independent implementation: networknt json-schema-validator, Draft-07, formats asserted as the
 * official Python validator (jsonschema with {@code FORMAT_CHECKER}) asserts them.
 *
 * <p>Two adjustments make networknt run the schema as JSON Schema means it:
 * <ul>
 *   <li>Patterns are ECMA-262, where {@code \0} is NUL; the JDK engine networknt uses by default
 *       reads {@code \0} as the start of an octal escape and refuses {@code [^\0]}, so {@code \0}
 *       is rewritten to {@code \x00} (the same character). networknt already turns {@code $} into
 *       an end-of-input anchor.
 *   <li>{@code $defs} is not a Draft-07 keyword (references into it still resolve as JSON
 *       pointers); it is declared as a non-validating keyword so networknt does not warn.
 * </ul>
 * With {@code pythonEmail}, format {@code email} is the official checker's: the value has an
 * {@code @} (python-jsonschema's {@code is_email}); networknt's own is an RFC 5321 mailbox, which
 * refuses the usual Message-ID form {@code <id@host>} that KCIDB accepts.
 */
public final class OfficialSchema {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Schema schema;

  private OfficialSchema(Schema schema) {
    this.schema = schema;
  }

  /** Loads the schema, skipping the calling test when ../shared is absent. */
  public static OfficialSchema load(boolean pythonEmail) {
    String text;
    try {
      text = Files.readString(SharedData.require("schemas/kcidb/kcidb.v5.3.schema.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RegularExpressionFactory jdk = JDKRegularExpressionFactory.getInstance();
    RegularExpressionFactory ecmaNul = pattern -> jdk.getRegularExpression(
        pattern.replace("\\0", "\\x00"));
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .formatAssertionsEnabled(true)
        .regularExpressionFactory(ecmaNul)
        .build();
    Dialect.Builder dialect = Dialect.builder(Dialects.getDraft7())
        .keyword(new NonValidationKeyword("$defs"));
    if (pythonEmail) {
      dialect.format(new PythonEmail());
    }
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect.build(),
        b -> b.schemaRegistryConfig(config));
    return new OfficialSchema(registry.getSchema(text, InputFormat.JSON));
  }

  /** The errors networknt reports, as {@code pointer: message}; empty when valid. */
  public List<String> errors(JsonNode document) {
    String json;
    try {
      json = MAPPER.writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> errors = new ArrayList<>();
    for (Error error : schema.validate(json, InputFormat.JSON)) {
      errors.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    return errors;
  }

  public boolean isValid(JsonNode document) {
    return errors(document).isEmpty();
  }

  /** python-jsonschema's draft-07 {@code email} check: {@code "@" in instance}. */
  private static final class PythonEmail implements Format {
    @Override
    public String getName() {
      return "email";
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
      return value.indexOf('@') >= 0;
    }
  }
}
