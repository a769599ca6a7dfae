package dev.flow.server;

import dev.flow.server.auth.SecretBox;
import dev.flow.server.auth.Tokens;
import dev.flow.server.engine.FlowEngine;
import dev.flow.server.store.Database;
import dev.flow.server.store.FlowStore;
import dev.flow.server.store.ParameterSetStore;
import dev.flow.server.store.ProjectStore;

/**
 * What a server module gets to build its routes on: the store and its transactions, the catalog's
 * stores, the tokens, the secrets box and the engine (validate, preview, graph, diff).
 */
public record ServerContext(
    ServerConfig config,
    Database db,
    Tokens tokens,
    SecretBox secrets,
    ProjectStore projects,
    FlowStore flows,
    ParameterSetStore parameterSets,
    FlowEngine engine) {}
