package dev.flow.job.local;

import java.lang.reflect.Constructor;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.apache.flink.client.deployment.executors.LocalExecutor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.core.failure.FailureEnricher;
import org.apache.flink.runtime.blob.BlobServer;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.dispatcher.DispatcherGateway;
import org.apache.flink.runtime.dispatcher.DispatcherId;
import org.apache.flink.runtime.dispatcher.DispatcherOperationCaches;
import org.apache.flink.runtime.dispatcher.ExecutionGraphInfoStore;
import org.apache.flink.runtime.dispatcher.PartialDispatcherServices;
import org.apache.flink.runtime.dispatcher.SessionDispatcherFactory;
import org.apache.flink.runtime.dispatcher.VoidHistoryServerArchivist;
import org.apache.flink.runtime.dispatcher.runner.DefaultDispatcherRunnerFactory;
import org.apache.flink.runtime.dispatcher.runner.DispatcherRunner;
import org.apache.flink.runtime.entrypoint.ClusterInformation;
import org.apache.flink.runtime.entrypoint.component.DispatcherResourceManagerComponent;
import org.apache.flink.runtime.entrypoint.component.DispatcherResourceManagerComponentFactory;
import org.apache.flink.runtime.heartbeat.HeartbeatServices;
import org.apache.flink.runtime.highavailability.HighAvailabilityServices;
import org.apache.flink.runtime.jobmanager.HaServicesJobPersistenceComponentFactory;
import org.apache.flink.runtime.leaderretrieval.LeaderRetrievalService;
import org.apache.flink.runtime.metrics.MetricRegistry;
import org.apache.flink.runtime.metrics.groups.JobManagerMetricGroup;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.resourcemanager.ResourceManagerGateway;
import org.apache.flink.runtime.resourcemanager.ResourceManagerId;
import org.apache.flink.runtime.resourcemanager.ResourceManagerService;
import org.apache.flink.runtime.resourcemanager.ResourceManagerServiceImpl;
import org.apache.flink.runtime.resourcemanager.StandaloneResourceManagerFactory;
import org.apache.flink.runtime.rest.RestService;
import org.apache.flink.runtime.rpc.FatalErrorHandler;
import org.apache.flink.runtime.rpc.RpcService;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.RpcUtils;
import org.apache.flink.runtime.security.token.DelegationTokenManager;
import org.apache.flink.runtime.webmonitor.retriever.MetricQueryServiceRetriever;
import org.apache.flink.runtime.webmonitor.retriever.impl.RpcGatewayRetriever;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Reference;
import org.apache.flink.util.concurrent.ExponentialBackoffRetryStrategy;
import org.apache.flink.util.concurrent.FutureUtils;

/**
 * The embedded Flink that {@code flow run} runs a flow on: Flink's own local executor and mini
 * cluster, but without the REST endpoint and web monitor. A local run talks to its cluster in the
 * JVM and reads its progress from a metric reporter, so it never uses them, and starting them (the
 * web monitor's handlers, the web UI, an HTTP server on Netty: over a thousand classes) was a large
 * part of the time to the first record.
 */
public final class LocalCluster {
  private LocalCluster() {}

  /**
   * A local environment on this cluster, configured as {@link
   * StreamExecutionEnvironment#createLocalEnvironment(Configuration)} configures one (the default
   * parallelism is the number of cores unless {@code conf} sets it).
   */
  public static StreamExecutionEnvironment environment(Configuration conf) {
    Configuration c = new Configuration(conf);
    c.set(DeploymentOptions.TARGET, LocalExecutor.NAME);
    c.set(DeploymentOptions.ATTACHED, true);
    if (c.getOptional(CoreOptions.DEFAULT_PARALLELISM).isEmpty()) {
      c.set(CoreOptions.DEFAULT_PARALLELISM, Runtime.getRuntime().availableProcessors());
    }
    return new StreamExecutionEnvironment(new Executors(), c, null);
  }

  /** The only executor the environment knows: Flink's local one, on a cluster with no REST. */
  private static final class Executors implements PipelineExecutorServiceLoader {
    @Override
    public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
      return new PipelineExecutorFactory() {
        @Override
        public String getName() {
          return LocalExecutor.NAME;
        }

        @Override
        public boolean isCompatibleWith(Configuration conf) {
          return LocalExecutor.NAME.equalsIgnoreCase(conf.get(DeploymentOptions.TARGET));
        }

        @Override
        public PipelineExecutor getExecutor(Configuration conf) {
          return LocalExecutor.createWithFactory(conf, NoRestMiniCluster::new);
        }
      };
    }

    @Override
    public Stream<String> getExecutorNames() {
      return Stream.of(LocalExecutor.NAME);
    }
  }

  /**
   * Flink's RPC system: the one on the class path when the launcher put it there (its own jar,
   * taken out of flink-rpc-akka-loader by the build), else the one Flink loads as it always does,
   * by copying that jar to a temporary folder and loading it in a class loader of its own. The
   * first spares a local run that copy at every start, and lets class data sharing map the
   * thousands of Pekko and Scala classes instead of loading them.
   */
  static Reference<RpcSystem> rpcSystem(Configuration configuration) {
    java.util.Iterator<RpcSystem> onClassPath =
        java.util.ServiceLoader.load(RpcSystem.class, LocalCluster.class.getClassLoader())
            .iterator();
    return Reference.owned(
        onClassPath.hasNext() ? onClassPath.next() : RpcSystem.load(configuration));
  }

  /** A mini cluster whose dispatcher and resource manager come without the REST endpoint. */
  static final class NoRestMiniCluster extends MiniCluster {
    NoRestMiniCluster(MiniClusterConfiguration configuration) {
      super(configuration, () -> rpcSystem(configuration.getConfiguration()));
    }

    @Override
    protected DispatcherResourceManagerComponentFactory
        createDispatcherResourceManagerComponentFactory() {
      return new NoRestComponentFactory();
    }
  }

  /**
   * Starts what Flink's session cluster component starts (the session dispatcher and the standalone
   * resource manager, wired the same way), leaving out the REST endpoint, its metric fetcher and
   * the history server archive (which is the REST endpoint's JSON).
   */
  static final class NoRestComponentFactory implements DispatcherResourceManagerComponentFactory {
    private static final Constructor<DispatcherResourceManagerComponent> COMPONENT = component();

    @Override
    public DispatcherResourceManagerComponent create(
        Configuration configuration,
        ResourceID resourceId,
        Executor ioExecutor,
        RpcService rpcService,
        HighAvailabilityServices haServices,
        BlobServer blobServer,
        HeartbeatServices heartbeatServices,
        DelegationTokenManager delegationTokenManager,
        MetricRegistry metricRegistry,
        ExecutionGraphInfoStore executionGraphInfoStore,
        MetricQueryServiceRetriever metricQueryServiceRetriever,
        Collection<FailureEnricher> failureEnrichers,
        FatalErrorHandler fatalErrorHandler)
        throws Exception {
      LeaderRetrievalService dispatcherLeaderRetrieval = haServices.getDispatcherLeaderRetriever();
      LeaderRetrievalService resourceManagerRetrieval =
          haServices.getResourceManagerLeaderRetriever();
      var dispatcherGateway =
          new RpcGatewayRetriever<>(
              rpcService,
              DispatcherGateway.class,
              DispatcherId::fromUuid,
              new ExponentialBackoffRetryStrategy(
                  12, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50)));
      var resourceManagerGateway =
          new RpcGatewayRetriever<>(
              rpcService,
              ResourceManagerGateway.class,
              ResourceManagerId::fromUuid,
              new ExponentialBackoffRetryStrategy(
                  12, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50)));
      String hostname = RpcUtils.getHostname(rpcService);
      ResourceManagerService resourceManager = null;
      DispatcherRunner dispatcher = null;
      try {
        resourceManager =
            ResourceManagerServiceImpl.create(
                StandaloneResourceManagerFactory.getInstance(),
                configuration,
                resourceId,
                rpcService,
                haServices,
                heartbeatServices,
                delegationTokenManager,
                fatalErrorHandler,
                new ClusterInformation(hostname, blobServer.getPort()),
                "",
                metricRegistry,
                hostname,
                ioExecutor);
        DispatcherOperationCaches caches =
            new DispatcherOperationCaches(
                configuration.get(RestOptions.ASYNC_OPERATION_STORE_DURATION));
        PartialDispatcherServices services =
            new PartialDispatcherServices(
                configuration,
                haServices,
                resourceManagerGateway,
                blobServer,
                heartbeatServices,
                () -> JobManagerMetricGroup.createJobManagerMetricGroup(metricRegistry, hostname),
                executionGraphInfoStore,
                fatalErrorHandler,
                VoidHistoryServerArchivist.INSTANCE,
                metricRegistry.getMetricQueryServiceGatewayRpcAddress(),
                ioExecutor,
                caches,
                failureEnrichers);
        dispatcher =
            DefaultDispatcherRunnerFactory.createSessionRunner(SessionDispatcherFactory.INSTANCE)
                .createDispatcherRunner(
                    haServices.getDispatcherLeaderElection(),
                    fatalErrorHandler,
                    new HaServicesJobPersistenceComponentFactory(haServices),
                    ioExecutor,
                    rpcService,
                    services);
        resourceManager.start();
        resourceManagerRetrieval.start(resourceManagerGateway);
        dispatcherLeaderRetrieval.start(dispatcherGateway);
        return COMPONENT.newInstance(
            dispatcher,
            resourceManager,
            dispatcherLeaderRetrieval,
            resourceManagerRetrieval,
            new NoRest(),
            fatalErrorHandler,
            caches);
      } catch (Exception e) {
        List<CompletableFuture<Void>> closing = new java.util.ArrayList<>();
        if (resourceManager != null) {
          closing.add(resourceManager.closeAsync());
        }
        if (dispatcher != null) {
          closing.add(dispatcher.closeAsync());
        }
        try {
          FutureUtils.completeAll(closing).get();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }

    /**
     * The component's constructor is package-private in Flink; Flink's factory is its only user.
     */
    private static Constructor<DispatcherResourceManagerComponent> component() {
      try {
        Constructor<DispatcherResourceManagerComponent> c =
            DispatcherResourceManagerComponent.class.getDeclaredConstructor(
                DispatcherRunner.class,
                ResourceManagerService.class,
                LeaderRetrievalService.class,
                LeaderRetrievalService.class,
                RestService.class,
                FatalErrorHandler.class,
                DispatcherOperationCaches.class);
        c.setAccessible(true);
        return c;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(
            "this Flink version's DispatcherResourceManagerComponent is not the one Flow was built"
                + " against",
            e);
      }
    }
  }

  /** Stands for the REST endpoint the component would otherwise own and close. */
  private static final class NoRest implements RestService {
    @Override
    public int getRestPort() {
      return -1;
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
      return CompletableFuture.completedFuture(null);
    }
  }
}
