package org.tmdbfleet.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A proxy in front of the simulated TMDB, as operators put one in front of the real one: it passes
 * every request on, except the details of the movies it was told to break, which it answers
 * itself, every time they are asked for, with what a misbehaving proxy or TMDB sends.
 */
final class TmdbProxy implements AutoCloseable {

	private static final Pattern DETAILS = Pattern.compile("/3/movie/(\\d+)");

	private final HttpServer server;

	private final HttpClient client = HttpClient.newHttpClient();

	private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();

	private final Map<Long, Fault> broken = new ConcurrentHashMap<>();

	private volatile String target;

	private TmdbProxy(HttpServer server) {
		this.server = server;
	}

	static TmdbProxy start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			TmdbProxy proxy = new TmdbProxy(server);
			server.createContext("/", proxy::handle);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return proxy;
		}
		catch (IOException ex) {
			throw new IllegalStateException("The proxy cannot listen", ex);
		}
	}

	String url() {
		return "http://localhost:" + server.getAddress().getPort();
	}

	/** Where TMDB is; until it is known, the proxy answers 503 (retried by any client). */
	void forwardTo(String tmdbUrl) {
		this.target = tmdbUrl;
	}

	/** Breaks the details of the next movies asked for, one fault per movie, in this order. */
	void breakNextMovies(Fault... next) {
		faults.addAll(List.of(next));
	}

	/** The movies broken so far, by fault. */
	Map<Long, Fault> broken() {
		return Map.copyOf(broken);
	}

	/** Passes every request on again. */
	void heal() {
		faults.clear();
		broken.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Matcher details = DETAILS.matcher(exchange.getRequestURI().getPath());
			Fault fault = details.matches()
					? broken.computeIfAbsent(Long.parseLong(details.group(1)), id -> faults.poll()) : null;
			if (fault != null) {
				answer(exchange, fault.status, fault.contentType, fault.body);
			}
			else if (target == null) {
				answer(exchange, 503, "application/json", "{\"status_code\":9,\"status_message\":\"Service offline\"}");
			}
			else {
				forward(exchange);
			}
		}
	}

	private void forward(HttpExchange exchange) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()));
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<byte[]> response;
		try {
			response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		for (String header : Set.of("Content-Type", "Retry-After")) {
			response.headers().firstValue(header).ifPresent(value -> exchange.getResponseHeaders().set(header, value));
		}
		exchange.sendResponseHeaders(response.statusCode(), (response.body().length > 0) ? response.body().length : -1);
		exchange.getResponseBody().write(response.body());
	}

	private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		server.stop(0);
	}

	/** What the proxy answers for a broken movie instead of TMDB. */
	enum Fault {

		/** 200 with an empty object: a cache or TMDB itself on a bad day. */
		BLANK(200, "application/json", "{}"),

		/** The proxy's own error page: not TMDB's JSON with its status_code 34. */
		HTML_NOT_FOUND(404, "text/html", "<html><head><title>404 Not Found</title></head>"
				+ "<body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>");

		private final int status;

		private final String contentType;

		private final String body;

		Fault(int status, String contentType, String body) {
			this.status = status;
			this.contentType = contentType;
			this.body = body;
		}

	}

}
