package dev.flow.bench.s3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * S3's second limit: a bare Netty HTTP/1.1 server on the same Netty as the webhook, with one event
 * loop (the webhook's default) and TCP_NODELAY. It aggregates each body, parses it as JSON with
 * Jackson's streaming parser (every token, so a malformed body gets 400), and answers {@code 202}
 * with no body. No queue, no run ids, no hand-off: what a webhook on Netty cannot beat.
 */
public final class BareNettyServer implements WebhookTarget {
  private static final JsonFactory JSON = new JsonFactory();

  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private Channel channel;

  @Override
  public String name() {
    return "netty-server";
  }

  @Override
  public URI start() throws Exception {
    boss = new NioEventLoopGroup(1, new DefaultThreadFactory("bare-accept", true));
    workers = new NioEventLoopGroup(1, new DefaultThreadFactory("bare-io", true));
    channel =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(1 << 20))
                        .addLast(new Handler());
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
    int port = ((InetSocketAddress) channel.localAddress()).getPort();
    return URI.create("http://127.0.0.1:" + port + "/events");
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

  private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      HttpResponseStatus status =
          valid(req) ? HttpResponseStatus.ACCEPTED : HttpResponseStatus.BAD_REQUEST;
      FullHttpResponse r =
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
      r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
      if (HttpUtil.isKeepAlive(req)) {
        ctx.writeAndFlush(r, ctx.voidPromise());
      } else {
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
      }
    }

    private static boolean valid(FullHttpRequest req) {
      try (JsonParser p =
          JSON.createParser((java.io.InputStream) new ByteBufInputStream(req.content()))) {
        while (p.nextToken() != null) {
          if (p.currentToken() == JsonToken.NOT_AVAILABLE) {
            return false;
          }
        }
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
