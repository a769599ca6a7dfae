package dev.flow.client.model;

/** What a token may do. */
public enum Role {
  /** GETs and side-effect-free POSTs: validate, preview, graph, diff. */
  read,
  /** Also writes. */
  edit,
  /** Also manages tokens. */
  admin
}
