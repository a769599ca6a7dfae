package dev.flow.spi;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An external thing a stage reads or writes: a Kafka topic, a Kinesis stream, a file path, a
 * database table, an HTTP endpoint. Two stages that name the same resource, one writing it and one
 * reading it, are joined by a data edge when their flows run together in a factory.
 *
 * <p>Two resources are the same when their {@code type} and {@code scope} are equal and their names
 * {@link #matches match}: exactly, as a path prefix (a directory and the files under it), or by a
 * regular expression (a Kafka topic pattern).
 *
 * @param type a short kind, e.g. {@code kafka-topic}, {@code kinesis-stream}, {@code file-path},
 *     {@code jdbc-table}, {@code http-endpoint}; custom actions may add their own
 * @param scope where the name lives, e.g. the bootstrap servers, the region and endpoint, the JDBC
 *     URL; empty when the name is global
 * @param name the topic, stream, path or table
 * @param access whether the stage reads or writes it
 * @param match how the name is compared
 * @param exclusive a name this writer must not share with another writer of the same resource (e.g.
 *     a Kafka transactional id prefix), or null
 */
public record Resource(
    String type, String scope, String name, Access access, Match match, String exclusive) {

  /** Whether a stage reads or writes the resource. */
  public enum Access {
    READS,
    WRITES
  }

  /** How a resource's name is compared with another's. */
  public enum Match {
    /** The names are equal. */
    EXACT,
    /** One name is the other or lies under it, at a {@code /} boundary (a directory). */
    PATH,
    /** This name is a regular expression that the other name matches in full. */
    PATTERN
  }

  public Resource {
    scope = scope == null ? "" : scope;
    match = match == null ? Match.EXACT : match;
  }

  /** A resource the stage reads, compared exactly. */
  public static Resource reads(String type, String scope, String name) {
    return new Resource(type, scope, name, Access.READS, Match.EXACT, null);
  }

  /** A resource the stage writes, compared exactly. */
  public static Resource writes(String type, String scope, String name) {
    return new Resource(type, scope, name, Access.WRITES, Match.EXACT, null);
  }

  /** This resource compared by {@code m}. */
  public Resource withMatch(Match m) {
    return new Resource(type, scope, name, access, m, exclusive);
  }

  /** This resource with the name its writer must hold alone. */
  public Resource withExclusive(String e) {
    return new Resource(type, scope, name, access, match, e);
  }

  /** True when this and {@code other} name the same thing (whatever their access). */
  public boolean matches(Resource other) {
    if (!type.equals(other.type) || !scope.equals(other.scope)) {
      return false;
    }
    if (match == Match.PATTERN || other.match == Match.PATTERN) {
      Resource pattern = match == Match.PATTERN ? this : other;
      Resource plain = pattern == this ? other : this;
      if (plain.match == Match.PATTERN) {
        return name.equals(other.name);
      }
      try {
        return Pattern.compile(pattern.name).matcher(plain.name).matches();
      } catch (PatternSyntaxException e) {
        return false;
      }
    }
    if (match == Match.PATH || other.match == Match.PATH) {
      return under(name, other.name) || under(other.name, name);
    }
    return name.equals(other.name);
  }

  private static boolean under(String path, String dir) {
    String d = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    return path.equals(d) || path.startsWith(d + "/");
  }

  /** How the resource is named on a graph edge, e.g. {@code kafka-topic signups}. */
  public String label() {
    return type + " " + name;
  }

  /** The label with the scope, e.g. {@code kafka-topic signups (localhost:9092)}. */
  public String describe() {
    return scope.isEmpty() ? label() : label() + " (" + scope + ")";
  }

  /**
   * Bootstrap servers or other host lists in one canonical form: trimmed, lower case, sorted, so
   * that {@code b:9092,a:9092} and {@code a:9092, b:9092} are one cluster.
   */
  public static String hostList(String hosts) {
    if (hosts == null) {
      return "";
    }
    return java.util.Arrays.stream(hosts.split(","))
        .map(h -> h.trim().toLowerCase(Locale.ROOT))
        .filter(h -> !h.isEmpty())
        .sorted()
        .distinct()
        .collect(java.util.stream.Collectors.joining(","));
  }
}
