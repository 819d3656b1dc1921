package org.tmdbfleet.simulator.fault;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tmdbfleet.simulator.TmdbApiFilter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Counts every {@code /3/**} arrival and, above the configured rate, answers like TMDB's rate
 * limit: HTTP 429, {@code status_code} 25, with or without {@code Retry-After}. Before the latency
 * filter, as a real limiter refuses at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class RateLimitFilter extends TmdbApiFilter {

	private static final String OVER_LIMIT = """
			{"success":false,"status_code":25,"status_message":"Your request count (#) is over the allowed limit of (40)."}""";

	private final Faults faults;

	private final TrafficStats stats;

	RateLimitFilter(Faults faults, TrafficStats stats) {
		this.faults = faults;
		this.stats = stats;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		FaultSettings settings = faults.current();
		if (stats.arrive(settings.rateLimit())) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(429);
		if (settings.retryAfter()) {
			response.setHeader("Retry-After", "1");
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(OVER_LIMIT);
	}

}
