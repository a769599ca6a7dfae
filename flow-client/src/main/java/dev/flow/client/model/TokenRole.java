package dev.flow.client.model;

/** What a token may do. */
public enum TokenRole {
  /** GETs and side-effect-free POSTs: validate, preview, graph, diff. */
  read,
  /** Also writes. */
  edit,
  /** Also manages tokens. */
  admin
}
