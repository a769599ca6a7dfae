/**
 * The test harness of Flow, for action authors and for Flow's own tests.
 *
 * <ul>
 *   <li>{@link dev.flow.testing.StageHarness} builds stages one at a time with the production stage
 *       context, so uids, counting and error routing are those of a real flow;
 *   <li>{@link dev.flow.testing.CollectSink} keeps what a job wrote, by name, and {@link
 *       dev.flow.testing.ExactlyOnceCollectSink} only what a checkpoint committed;
 *   <li>{@link dev.flow.testing.FlowMiniCluster} is the shared MiniCluster extension and the
 *       environment Flow sets up for a job;
 *   <li>{@link dev.flow.testing.FlowRun} and {@link dev.flow.testing.CapturedRun} run a flow
 *       written in YAML with its publishers captured; {@link dev.flow.testing.TestFlows} builds
 *       flows by hand.
 * </ul>
 *
 * <p>{@code dev.flow.flowtest.FlowTests} runs {@code *.test.yaml} files as JUnit dynamic tests.
 *
 * <p>The module depends on {@code flow-compiler}, so Maven cannot let the compiler's own tests use
 * it: the compiler's job-level tests (its {@code *ITCase}s) live in this module's test tree, and
 * the compiler keeps only its unit tests.
 */
package dev.flow.testing;
