package dev.flow.server.deploy.engine;

/**
 * How to find a submitted job again: its Flink job id, or for Kubernetes the resource name with the
 * job id once the operator reports it.
 *
 * @param jobId the Flink job id (32 hex digits), or null while Kubernetes has not started it
 * @param name the engine-side name: the job name, or the FlinkDeployment's name
 */
public record JobRef(String jobId, String name) {}
