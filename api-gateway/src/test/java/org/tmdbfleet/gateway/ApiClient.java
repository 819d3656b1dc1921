package org.tmdbfleet.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tmdbfleet.common.kafka.FleetJson;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's HTTP API as a client sees it: any method, any header, any bytes, and every
 * answer returned, whatever its status.
 */
public final class ApiClient {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	private final String baseUrl;

	public ApiClient(int port) {
		this.port = port;
		this.baseUrl = "http://localhost:" + port;
	}

	public Response get(String path, String... headers) {
		return send("GET", path, BodyPublishers.noBody(), headers);
	}

	public Response postJson(String path, String json, String... headers) {
		return send("POST", path, BodyPublishers.ofString(json), with(headers, "Content-Type", "application/json"));
	}

	/** @param headers name, value, name, value, ... */
	public Response send(String method, String path, BodyPublisher body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			var response = client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends bytes as they are, for what no HTTP client library lets through: malformed escapes,
	 * raw non-ASCII header bytes. The request must ask for {@code Connection: close}.
	 */
	public Response raw(byte[] request) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request);
			socket.getOutputStream().flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("raw request failed", ex);
		}
	}

	private static Response parse(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String[] head = text.substring(0, end).split("\r\n");
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (int i = 1; i < head.length; i++) {
			int colon = head[i].indexOf(':');
			headers.computeIfAbsent(head[i].substring(0, colon).trim(), name -> new ArrayList<>())
				.add(head[i].substring(colon + 1).trim());
		}
		String body = text.substring(end + 4);
		if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
			body = unchunk(body);
		}
		body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
		return new Response(Integer.parseInt(head[0].split(" ")[1]), HttpHeaders.of(headers, (name, value) -> true),
				body);
	}

	private static String unchunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
			if (size == 0) {
				return body.toString();
			}
			body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

	private static String[] with(String[] headers, String name, String value) {
		String[] all = Arrays.copyOf(headers, headers.length + 2);
		all[headers.length] = name;
		all[headers.length + 1] = value;
		return all;
	}

	/** An answer: status, headers, body as text. */
	public record Response(int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			return FleetJson.MAPPER.readTree(body);
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

	}

}
