package dev.flow.bench.s2;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The S2 event as Flink POJOs (public fields, no-argument constructors), so that Flink's
 * PojoSerializer handles it without Kryo. Arrays, not lists: a {@code List} field would be Kryo.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class Purchase {
  public String id;
  public long ts;
  public String type;
  public User user;
  public double amount;
  public String currency;
  public Item[] items;
  public Device device;
  public String debug;

  /** The nested user. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class User {
    public String id;
    public String country;
    public String tier;
    public String email;
  }

  /** One line item. */
  public static class Item {
    public String sku;
    public int qty;
  }

  /** The nested device. */
  public static class Device {
    public String os;
    public String version;
  }
}
