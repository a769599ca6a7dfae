package dev.flow.client.model;

import java.util.Map;

/** Settings to change in a flow, based on the version read; the server writes a new version. */
public record ConfigurationChange(int baseVersion, Map<String, Object> set, String message) {}
