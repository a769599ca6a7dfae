package dev.flow.connectors.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook's HTTP server, on Netty: one acceptor thread and {@code ioThreads} event loops, with
 * TCP_NODELAY on every connection. Each connection's pipeline: request and idle timer, HTTP codec,
 * router (health, 404, 405, bearer 401), body aggregation with the size limit (413), and the
 * handler that parses, admits and answers.
 */
final class WebhookServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

  /** What every connection of one server shares. */
  record Config(
      WebhookOptions options,
      String stageName,
      Set<String> methods,
      Inbox inbox,
      WebhookMetrics metrics,
      AuthThrottle throttle) {}

  private final Config config;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private Channel channel;

  WebhookServer(Config config) {
    this.config = config;
  }

  /** Binds and starts serving; returns the port bound. */
  int start(int port) {
    WebhookOptions o = config.options();
    boss = new NioEventLoopGroup(1, new DefaultThreadFactory("webhook-accept", true));
    workers =
        new NioEventLoopGroup(
            Math.max(1, o.ioThreads()), new DefaultThreadFactory("webhook-io", true));
    ServerBootstrap b =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    pipeline(ch.pipeline());
                  }
                });
    String bind = o.bind() == null || o.bind().isEmpty() ? "127.0.0.1" : o.bind();
    try {
      channel = b.bind(bind, port).syncUninterruptibly().channel();
    } catch (Exception e) {
      close();
      throw new IllegalStateException(
          "webhook stage '"
              + config.stageName()
              + "' cannot listen on "
              + bind
              + ":"
              + port
              + ": "
              + e.getMessage(),
          e);
    }
    int bound = ((InetSocketAddress) channel.localAddress()).getPort();
    LOG.info(
        "webhook stage '{}' listening on http://{}:{}{}",
        config.stageName(),
        bind,
        bound,
        o.path());
    return bound;
  }

  private void pipeline(ChannelPipeline p) {
    WebhookOptions o = config.options();
    long idleMillis = o.idleTimeout() == null ? 60_000 : o.idleTimeout().toMillis();
    long readMillis = o.readTimeout() == null ? 10_000 : o.readTimeout().toMillis();
    RequestTimer timer = new RequestTimer(readMillis, idleMillis);
    p.addLast(timer);
    p.addLast(new HttpServerCodec(4096, 16384, 16384));
    p.addLast(new WebhookRouter(config));
    p.addLast(new SizeLimit(o.maxBodyBytes(), config.metrics()));
    p.addLast(new WebhookHandler(config, timer));
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    if (boss != null) {
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (workers != null) {
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** Aggregates a body up to the limit and answers a larger one with a JSON 413. */
  private static final class SizeLimit extends HttpObjectAggregator {
    private final int max;
    private final WebhookMetrics metrics;

    SizeLimit(int max, WebhookMetrics metrics) {
      super(max);
      this.max = max;
      this.metrics = metrics;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      metrics.refused(413);
      HttpResponses.send(
          ctx.channel(),
          HttpResponses.error(
              HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
              "the body is larger than the limit of " + max + " bytes"),
          false);
    }
  }
}
