package dev.flow.connectors.http;

/** The HTTP methods that Fetch and the HTTP publisher send and that a Webhook accepts. */
public enum RequestMethod {
  GET,
  POST,
  PUT,
  PATCH,
  DELETE
}
