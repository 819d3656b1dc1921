package org.tmdbfleet.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The ways an instance says it is ready. */
final class HealthChecks {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private HealthChecks() {
	}

	/** Spring Boot's {@code /actuator/health} answers UP. */
	static Instance.HealthCheck actuator(String baseUrl) {
		return () -> {
			String body = get(baseUrl + "/actuator/health");
			return body != null && body.contains("\"status\":\"UP\"");
		};
	}

	/** Any 200 on the path. */
	static Instance.HealthCheck http(String url) {
		return () -> get(url) != null;
	}

	/** The port accepts connections and the file exists (written once the server is usable). */
	static Instance.HealthCheck listeningWithMarker(int port, Path marker) {
		return () -> Files.exists(marker) && accepts(port);
	}

	/** The port accepts connections and the log says the server started since it was last launched. */
	static Instance.HealthCheck listeningWithLogLine(int port, Path log, String line) {
		return () -> accepts(port) && loggedSinceLaunch(log, line);
	}

	static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean loggedSinceLaunch(Path log, String line) {
		try {
			String text = Files.readString(log);
			return text.indexOf(line, Math.max(0, text.lastIndexOf(ProcessRegistry.LAUNCH_MARKER))) >= 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Fire-and-forget POST, for reload hooks; failures are ignored. */
	static void post(String url) {
		try {
			HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody())
				.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			// Prometheus picks the file up on its next restart
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The body of a 200 answer to a GET, or null. */
	static String get(String url) {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 ? response.body() : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
