package org.tmdbfleet.simulator.fault;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/stats}: requests seen, the most in any 1 s window, the 429s sent and the
 * faults injected by kind; {@code DELETE} starts counting afresh.
 */
@RestController
@RequestMapping("/admin/stats")
class TrafficStatsController {

	private final TrafficStats stats;

	TrafficStatsController(TrafficStats stats) {
		this.stats = stats;
	}

	@GetMapping
	TrafficStats.Snapshot show() {
		return stats.snapshot();
	}

	@DeleteMapping
	TrafficStats.Snapshot reset() {
		stats.reset();
		return stats.snapshot();
	}

}
