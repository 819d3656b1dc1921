package org.tmdbfleet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts an import through the API and follows it to its end with a live progress line: pages,
 * movies persisted, movies per second and the time left.
 */
public final class ImportWatch {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Not ended: a stalled import goes on when workers return. */
	private static final List<String> RUNNING = List.of("QUEUED", "RUNNING", "STALLED");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String gatewayUrl;

	private final PrintStream out;

	private final boolean live;

	public ImportWatch(String gatewayUrl, PrintStream out, boolean live) {
		this.gatewayUrl = gatewayUrl;
		this.out = out;
		this.live = live;
	}

	/** The request body of {@code POST /api/imports}: fields left null are left out. */
	public static String request(String source, Integer pages, boolean details, String from, String to) {
		ObjectNode body = JSON.createObjectNode().put("source", source);
		if (pages != null) {
			body.put("maxPages", pages);
		}
		if (details) {
			body.put("details", true);
		}
		if (source.equals("changes")) {
			// a changes import's days, not release dates
			if (from != null) {
				body.put("from", from);
			}
			if (to != null) {
				body.put("to", to);
			}
		}
		else if (from != null || to != null) {
			ObjectNode filters = body.putObject("filters");
			if (from != null) {
				filters.put("releaseDateFrom", from);
			}
			if (to != null) {
				filters.put("releaseDateTo", to);
			}
		}
		return body.toString();
	}

	public UUID start(String requestJson) {
		return UUID.fromString(post("/api/imports", requestJson, "the import").path("id").asString());
	}

	/** Cancels the import; answers the import as the gateway shows it then. */
	public JsonNode cancel(UUID id) {
		return post("/api/imports/" + id + "/cancel", "", "the cancellation");
	}

	/** Re-drives what failed of the import (its failed pages and movies). */
	public JsonNode retry(UUID id) {
		return post("/api/imports/" + id + "/retry", "", "the retry");
	}

	/** A command to the gateway, with the API token; its refusal, a problem, becomes the message. */
	private JsonNode post(String path, String json, String what) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (!json.isEmpty()) {
			request.header("Content-Type", "application/json");
		}
		apiToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
		HttpResponse<String> response = send(request.build());
		if (response.statusCode() != 202 && response.statusCode() != 200) {
			throw new FleetException("The gateway refused " + what + " (HTTP " + response.statusCode() + "): "
					+ problem(response.body()));
		}
		return JSON.readTree(response.body());
	}

	/** The detail of an {@code application/problem+json} answer, else the body as it is. */
	private static String problem(String body) {
		try {
			JsonNode problem = JSON.readTree(body);
			return problem.path("detail").isString() ? problem.path("detail").asString() : body;
		}
		catch (RuntimeException ex) {
			return body;
		}
	}

	/** FLEET_API_TOKEN, else the first of the gateway's own FLEET_API_TOKENS. */
	private static java.util.Optional<String> apiToken() {
		String token = System.getenv("FLEET_API_TOKEN");
		if (token == null || token.isBlank()) {
			token = System.getenv().getOrDefault("FLEET_API_TOKENS", "").split(",")[0].trim();
		}
		return token.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(token);
	}

	/** The gateway's schedules, as {@code GET /api/schedules} lists them. */
	public JsonNode schedules() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/schedules"))
			.timeout(Duration.ofSeconds(10))
			.build());
		if (response.statusCode() != 200) {
			throw new FleetException("The gateway did not list its schedules (HTTP " + response.statusCode() + "): "
					+ problem(response.body()));
		}
		return JSON.readTree(response.body());
	}

	/** One line a schedule: name, when, what, the next due time and how the last run went. */
	static String scheduleLine(JsonNode schedule) {
		JsonNode last = schedule.path("lastRun");
		String lastRun = last.isObject() ? last.path("dueAt").asString() + " " + last.path("outcome").asString()
				+ (last.path("importId").isString()
						? " " + last.path("importId").asString() + " " + last.path("importStatus").asString("")
						: " (" + last.path("reason").asString("") + ")")
				: "never";
		return String.format("%-20s %-16s %-14s %-30s %-22s %s", schedule.path("name").asString(),
				schedule.path("cron").asString(), schedule.path("zone").asString(),
				schedule.path("import").toString(),
				schedule.path("paused").asBoolean() ? "paused" : schedule.path("nextRunAt").asString(), lastRun);
	}

	public JsonNode view(UUID id) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/imports/" + id))
			.timeout(Duration.ofSeconds(10))
			.build());
		return JSON.readTree(response.body());
	}

	/** The import now, or the last view while the gateway cannot answer (its database is down, say). */
	private JsonNode viewOr(UUID id, JsonNode last) {
		try {
			JsonNode view = view(id);
			return isImport(view) ? view : last;
		}
		catch (FleetException ex) {
			return last;
		}
	}

	/** An import, not a problem (whose {@code status} is the HTTP status, a number). */
	private static boolean isImport(JsonNode view) {
		return view.has("id") && view.path("status").isString();
	}

	/**
	 * Follows the import until it ends (or the patience runs out) and prints a summary; an id the
	 * gateway does not know is refused with its problem's detail.
	 */
	public JsonNode follow(UUID id, Duration patience) {
		Instant started = Instant.now();
		Instant deadline = started.plus(patience);
		Instant lastLine = Instant.EPOCH;
		JsonNode view = view(id);
		if (!isImport(view)) {
			throw new FleetException(view.path("detail").asString("No import " + id));
		}
		JsonNode first = view;
		while (RUNNING.contains(view.path("status").asString()) && Instant.now().isBefore(deadline)) {
			if (live || Duration.between(lastLine, Instant.now()).toSeconds() >= 5) {
				out.print((live ? "\r" : "") + progressLine(view, first, Duration.between(started, Instant.now()))
						+ (live ? "" : "\n"));
				out.flush();
				lastLine = Instant.now();
			}
			Fleet.pause(Duration.ofMillis(500));
			view = viewOr(id, view);
		}
		Duration took = Duration.between(started, Instant.now());
		out.println((live ? "\r" : "") + progressLine(view, first, took));
		out.println(summary(view, first, took));
		return view;
	}

	/**
	 * The live line: the import's progress, and the rate and time left from what happened since
	 * {@code first} (the import when the watch began: a watch may join an import half done, or
	 * follow a retry).
	 */
	static String progressLine(JsonNode view, JsonNode first, Duration elapsed) {
		int total = view.path("pagesTotal").asInt(0);
		long pagesDone = pagesDone(view);
		long persisted = view.path("moviesPersisted").asLong();
		double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
		double rate = (persisted - first.path("moviesPersisted").asLong()) / seconds;
		double fraction = total == 0 ? 0 : Math.min(1.0, pagesDone / (double) total);
		double fractionSince = total == 0 ? 0 : (pagesDone - Math.min(pagesDone, pagesDone(first))) / (double) total;
		int width = 30;
		int filled = (int) Math.round(fraction * width);
		String eta = fractionSince <= 0 || fraction >= 1 ? "--"
				: Math.round(seconds * (1 - fraction) / fractionSince) + "s";
		return "[%s%s] %3.0f%% pages %d/%s  movies %d/%d  %.0f movies/s  ETA %s   ".formatted("#".repeat(filled),
				"-".repeat(width - filled), fraction * 100, pagesDone, total == 0 ? "?" : Integer.toString(total),
				persisted, view.path("moviesExpected").asLong(), rate, eta);
	}

	private static long pagesDone(JsonNode view) {
		return view.path("pagesFetched").asLong() + view.path("pagesFailed").asLong();
	}

	static String summary(JsonNode view, JsonNode first, Duration took) {
		long persisted = view.path("moviesPersisted").asLong();
		long persistedSince = persisted - first.path("moviesPersisted").asLong();
		StringBuilder summary = new StringBuilder("""
				Import %s: %s
				  pages:  %d fetched, %d failed of %d
				  movies: %d persisted of %d expected
				  time:   %.1f s (%.0f movies/s)
				""".formatted(view.path("id").asString(), view.path("status").asString(),
				view.path("pagesFetched").asLong(), view.path("pagesFailed").asLong(), view.path("pagesTotal").asInt(),
				persisted, view.path("moviesExpected").asLong(), took.toMillis() / 1000.0,
				persistedSince / Math.max(took.toMillis() / 1000.0, 0.001)));
		view.path("failedPages")
			.forEach(page -> summary.append("  failed page ")
				.append(page.path("page").asInt())
				.append(": ")
				.append(page.path("reason").asString())
				.append('\n'));
		view.path("failedMovies")
			.forEach(movie -> summary.append("  failed movie ")
				.append(movie.path("tmdbId").asLong())
				.append(": ")
				.append(movie.path("reason").asString())
				.append('\n'));
		long unlisted = view.path("pagesFailed").asLong() + view.path("moviesFailed").asLong()
				- view.path("failedPages").size() - view.path("failedMovies").size();
		if (unlisted > 0) {
			summary.append("  ... and ").append(unlisted).append(" more: GET /api/imports/")
				.append(view.path("id").asString()).append("/failed-pages and /failed-movies\n");
		}
		if (!view.path("error").isNull() && !view.path("error").isMissingNode()) {
			summary.append("  error: ").append(view.path("error").asString()).append('\n');
		}
		return summary.toString().stripTrailing();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new FleetException("The gateway at " + gatewayUrl + " does not answer ("
					+ (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName())
					+ "). Is the fleet up? ./fleet status");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FleetException("Interrupted");
		}
	}

}
