package org.tmdbfleet.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running simulator over real HTTP, as an importer would, and keeps the raw body. */
public final class SimulatorClient {

	public static final String API_KEY = "simulator-key";

	public static final String READ_TOKEN = "simulator-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String base;

	public SimulatorClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** GET with the api_key query parameter. */
	public Response get(String pathAndQuery) {
		return send(request(pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "api_key=" + API_KEY).GET());
	}

	/** GET with no credentials but the given headers (name, value, name, value, …). */
	public Response getWith(String pathAndQuery, String... headers) {
		HttpRequest.Builder request = request(pathAndQuery).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	public Response put(String path, String json) {
		return send(request(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	/** A file as bytes, with no credentials (TMDB's files host asks for none). */
	public Download download(String path) {
		try {
			HttpResponse<byte[]> response = http.send(request(path).GET().build(), BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Download(int status, String contentType, byte[] body) {
	}

	/** The ids of the results of a list page, in order. */
	public List<Integer> ids(String pathAndQuery) {
		List<Integer> ids = new ArrayList<>();
		get(pathAndQuery).json().get("results").forEach((movie) -> ids.add(movie.get("id").asInt()));
		return ids;
	}

	private HttpRequest.Builder request(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(20));
	}

	private Response send(HttpRequest.Builder request) {
		try {
			long start = System.nanoTime();
			var response = http.send(request.build(), BodyHandlers.ofString());
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			JsonNode json = contentType.contains("json") ? JSON.readTree(response.body()) : null;
			return new Response(response.statusCode(), contentType, response.body(), json, elapsed,
					response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String contentType, String body, JsonNode json, Duration elapsed,
			java.net.http.HttpHeaders headers) {

		public int statusCode() {
			return json.get("status_code").asInt();
		}

	}

}
