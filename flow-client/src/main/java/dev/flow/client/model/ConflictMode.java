package dev.flow.client.model;

/** What an import does with a flow whose name is taken in the project. */
public enum ConflictMode {
  /** Keeps the existing flow and leaves the imported one out. */
  skip,
  /** Makes the imported flow a new version of the existing one. */
  replace,
  /** Imports the flow under a free name: {@code name (1)}, {@code name (2)}, ... */
  rename
}
