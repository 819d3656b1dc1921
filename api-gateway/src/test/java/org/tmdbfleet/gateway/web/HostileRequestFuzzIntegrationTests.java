package org.tmdbfleet.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import org.tmdbfleet.gateway.web.HostileRequests.Probe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of generated malformed and hostile requests (see {@link HostileRequests}) against the
 * running server. None may get a 5xx, and every 4xx must be a problem.
 */
class HostileRequestFuzzIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void hostileRequestsGetProblemsNeverServerErrors() {
		List<Probe> probes = HostileRequests.all();

		Map<Integer, Integer> histogram = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		List<String> accepted = new ArrayList<>();
		for (Probe probe : probes) {
			Response response = (probe.raw() != null) ? api().raw(probe.raw())
					: api().send(probe.method(), probe.path(), probe.body(), probe.headers());
			histogram.merge(response.status(), 1, Integer::sum);
			if (response.status() < 300) {
				accepted.add(probe + " -> " + response.status());
			}
			if (response.status() >= 500) {
				failures.add(probe + " -> " + response.status() + " " + response.body());
			}
			else if (response.status() >= 400 && !isProblem(probe, response)) {
				failures.add(probe + " -> " + response.status() + " not a problem: " + response.contentType() + " "
						+ response.body());
			}
		}
		System.out.println("Hostile requests sent: " + probes.size() + ", status histogram: " + histogram);
		// valid after all (an empty filter, a well-formed region): listed so a reader can check
		accepted.forEach(line -> System.out.println("  accepted: " + line));

		assertThat(probes).hasSizeGreaterThanOrEqualTo(300);
		assertThat(failures).isEmpty();
		assertThat(histogram.keySet()).allMatch(status -> status < 500);
	}

	private static boolean isProblem(Probe probe, Response response) {
		if (!"application/problem+json".equals(response.contentType())) {
			return false;
		}
		return probe.method().equals("HEAD") || response.json().path("status").asInt() == response.status();
	}

}
