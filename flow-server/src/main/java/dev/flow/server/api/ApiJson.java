package dev.flow.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The API's JSON: one strict mapper (unknown fields, trailing tokens and nulls for primitives are
 * errors), request bodies read up to a size limit, and instants written as ISO-8601 text.
 */
public final class ApiJson {
  /** The largest JSON body, 10 MiB. */
  public static final int MAX_JSON_BYTES = 10 << 20;

  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(
              new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private ApiJson() {}

  /** The request body as {@code type}; 400 for bad JSON or an unknown field, 413 over the limit. */
  public static <T> T body(Context ctx, Class<T> type) {
    byte[] bytes = bytes(ctx, MAX_JSON_BYTES);
    if (bytes.length == 0) {
      throw ApiException.badRequest("the request needs a JSON body");
    }
    return parse(bytes, type);
  }

  /** Parses a JSON body already read; 400 for bad JSON or an unknown field. */
  public static <T> T parse(byte[] bytes, Class<T> type) {
    try {
      return MAPPER.readValue(bytes, type);
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds() == null
              ? ""
              : "; known fields: "
                  + e.getKnownPropertyIds().stream()
                      .map(Object::toString)
                      .sorted()
                      .collect(Collectors.joining(", "));
      throw ApiException.badRequest("unknown field '" + e.getPropertyName() + "'" + known);
    } catch (JsonMappingException e) {
      String path =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      throw ApiException.badRequest(
          (path.isEmpty() ? "" : "field '" + path + "': ") + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("the body could not be read: " + e.getMessage());
    }
  }

  /** The raw body, at most {@code limit} bytes; 413 when it is larger. */
  public static byte[] bytes(Context ctx, int limit) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw ApiException.tooLarge("the body is larger than " + limit + " bytes");
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] b = in.readNBytes(limit + 1);
      if (b.length > limit) {
        throw ApiException.tooLarge("the body is larger than " + limit + " bytes");
      }
      return b;
    } catch (IOException e) {
      throw ApiException.badRequest("the body could not be read: " + e.getMessage());
    }
  }

  /** Writes {@code value} as the JSON response with {@code status}. */
  public static void send(Context ctx, int status, Object value) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
