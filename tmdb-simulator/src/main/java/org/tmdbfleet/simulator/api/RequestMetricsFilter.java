package org.tmdbfleet.simulator.api;

import java.io.IOException;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tmdbfleet.simulator.TmdbApiFilter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Counts {@code /3/**} requests as {@code simulator.requests}, tagged by endpoint and HTTP status.
 * Outermost of the simulator's filters, so rejected and delayed requests count too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestMetricsFilter extends TmdbApiFilter {

	private final MeterRegistry registry;

	RequestMetricsFilter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		int status = 500;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			registry.counter("simulator.requests", "endpoint", endpoint(request.getRequestURI()), "status",
					Integer.toString(status))
				.increment();
		}
	}

	static String endpoint(String uri) {
		return switch (uri) {
			case "/3/movie/popular" -> "popular";
			case "/3/movie/top_rated" -> "top_rated";
			case "/3/movie/now_playing" -> "now_playing";
			case "/3/movie/upcoming" -> "upcoming";
			case "/3/discover/movie" -> "discover";
			case "/3/search/movie" -> "search";
			case "/3/movie/changes" -> "changes";
			case "/3/genre/movie/list" -> "genres";
			case "/3/configuration" -> "configuration";
			default -> idPath(uri, "/3/movie/") ? "movie" : idPath(uri, "/3/find/") ? "find" : "other";
		};
	}

	/** Whether the path is the prefix and one segment (an id) after it. */
	private static boolean idPath(String uri, String prefix) {
		return uri.startsWith(prefix) && uri.indexOf('/', prefix.length()) < 0;
	}

}
