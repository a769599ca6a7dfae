package dev.flow.actions.trash;

/** The {@code Trash} publisher has no props. */
public record TrashOptions() {}
