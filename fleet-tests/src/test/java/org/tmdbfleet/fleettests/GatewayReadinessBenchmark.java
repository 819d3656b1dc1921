package org.tmdbfleet.fleettests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the first {@code POST /api/imports} takes once the gateway reports healthy, beside
 * the median of the hundred after it, with the warm-up switched off (the baseline) and on, each
 * in a fleet of its own processes started by the launcher exactly as {@code ./fleet up} does;
 * then the same pair with API tokens set ({@code FLEET_API_TOKENS}), every POST authorised, as a
 * gateway anywhere but a laptop runs.
 * Run: {@code ./mvnw -pl fleet-tests -am verify -Dit.test=GatewayReadinessBenchmark -Dsurefire.skip=true}.
 */
class GatewayReadinessBenchmark {

	private static final int FOLLOWING = 100;

	private static final String TOKEN = "readiness-benchmark-token";

	@Test
	void theFirstPostAfterReadinessCostsWhatTheHundredthDoes() {
		List<String> rows = new ArrayList<>();
		for (int run = 1; run <= 2; run++) {
			rows.add(measure("off", run, Map.of("FLEET_GATEWAY_WARMUP", "false"), null).row("warm-up off (baseline)", run));
			rows.add(measure("on", run, Map.of(), null).row("warm-up on", run));
		}
		for (int run = 1; run <= 2; run++) {
			rows.add(measure("tokens-off", run, Map.of("FLEET_GATEWAY_WARMUP", "false", "FLEET_API_TOKENS", TOKEN), TOKEN)
				.row("tokens, warm-up off (baseline)", run));
			rows.add(measure("tokens-on", run, Map.of("FLEET_API_TOKENS", TOKEN), TOKEN).row("tokens, warm-up on", run));
		}
		System.out.println("\nGateway readiness benchmark: first POST /api/imports after healthy vs the next "
				+ FOLLOWING + " (ms)\n" + String.join("\n", rows) + "\n");
	}

	/** @param token sent with every POST, or null on an open API */
	private Result measure(String name, int run, Map<String, String> environment, String token) {
		try (RunningFleet running = new RunningFleet("readiness-" + name + "-" + run, environment)) {
			running.fleet().up(1, 1, 0, false);
			HttpClient http = HttpClient.newHttpClient();
			String url = running.fleet().gatewayUrl() + "/api/imports";
			// the client's own first request (its classes, the connection) is not the gateway's cost
			send(http, HttpRequest.newBuilder(URI.create(running.fleet().gatewayUrl() + "/actuator/health")).build(), 200);
			double first = post(http, url, token);
			List<Double> following = new ArrayList<>();
			for (int i = 0; i < FOLLOWING; i++) {
				following.add(post(http, url, token));
			}
			following.sort(Double::compare);
			return new Result(first, following.get(FOLLOWING / 2), following.get(FOLLOWING * 99 / 100 - 1));
		}
	}

	private static double post(HttpClient http, String url, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"upcoming\",\"maxPages\":1}"));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		HttpRequest request = builder.build();
		long started = System.nanoTime();
		send(http, request, 202);
		return (System.nanoTime() - started) / 1e6;
	}

	private static void send(HttpClient http, HttpRequest request, int status) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Result(double first, double median, double p99) {

		String row(String label, int run) {
			return "  %-32s run %d: first %7.1f | next %d: p50 %6.1f, p99 %6.1f | first / p50 = %5.1fx".formatted(label,
					run, first, FOLLOWING, median, p99, first / median);
		}

	}

}
