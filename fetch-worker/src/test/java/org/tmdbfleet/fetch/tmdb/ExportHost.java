package org.tmdbfleet.fetch.tmdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for TMDB's files host on a free port, told for each coming request whether to serve
 * an export or to stall mid-body: its headers and the start of the file, then nothing until it
 * is closed. With nothing told, it serves. Every file name is answered alike.
 */
public final class ExportHost implements AutoCloseable {

	private final HttpServer server;

	private final Queue<Boolean> stalls = new ConcurrentLinkedQueue<>();

	private final CountDownLatch closing = new CountDownLatch(1);

	private final AtomicInteger requests = new AtomicInteger();

	private final byte[] export;

	/** @param ids the movie ids of the export it serves */
	public ExportHost(int... ids) {
		this.export = gzip(Arrays.stream(ids)
			.mapToObj(id -> "{\"adult\":false,\"id\":" + id + ",\"popularity\":1.0,\"video\":false}\n")
			.collect(Collectors.joining()));
		try {
			server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory()));
		server.createContext("/p/exports/", this::answer);
		server.start();
	}

	public String url() {
		return "http://localhost:" + server.getAddress().getPort();
	}

	/** The next request gets the headers and the start of the file, then nothing more. */
	public ExportHost thenStalls() {
		stalls.add(true);
		return this;
	}

	/** The next request gets the whole export. */
	public ExportHost thenServes() {
		stalls.add(false);
		return this;
	}

	/** Forgets what it was told and was not asked yet. */
	public void clear() {
		stalls.clear();
	}

	/** Requests answered so far. */
	public int requests() {
		return requests.get();
	}

	private void answer(HttpExchange exchange) throws IOException {
		requests.incrementAndGet();
		boolean stall = Boolean.TRUE.equals(stalls.poll());
		exchange.sendResponseHeaders(200, stall ? 0 : export.length);
		try (OutputStream body = exchange.getResponseBody()) {
			if (!stall) {
				body.write(export);
				return;
			}
			body.write(export, 0, export.length / 2);
			body.flush();
			closing.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
	}

	private static byte[] gzip(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
