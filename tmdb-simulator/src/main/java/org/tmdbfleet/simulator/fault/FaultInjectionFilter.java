package org.tmdbfleet.simulator.fault;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tmdbfleet.simulator.TmdbApiFilter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Breaks targeted {@code /3/**} requests at the configured rates, and the details of the movies given
 * their own fault every time: TMDB's 5xx answers, slow answers, cut-off bodies, dropped connections,
 * blank answers and a proxy's 404 page, so that clients can prove they retry and give up well.
 * <p>
 * Ordered after the rate limiter (a refused request is refused, not also broken, and a 429 stays
 * a 429) and after the latency (every answer is delayed, broken ones too), but before the
 * credentials check: gateway errors, resets and cut bodies happen in front of TMDB's API whatever
 * key a request carries, and a test's targeted page then fails the same for every client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
class FaultInjectionFilter extends TmdbApiFilter {

	private final Faults faults;

	private final TrafficStats stats;

	FaultInjectionFilter(Faults faults, TrafficStats stats) {
		this.faults = faults;
		this.stats = stats;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		FaultSettings settings = faults.current();
		InjectedFault fault = settings
			.drawFault(request.getRequestURI(), request.getParameter("page"), ThreadLocalRandom.current())
			.orElse(null);
		if (fault == null) {
			chain.doFilter(request, response);
			return;
		}
		stats.injected(fault);
		switch (fault) {
			case RESET -> ConnectionReset.drop(request, response);
			case MALFORMED -> answerCutOff(request, response, chain);
			case SLOW -> {
				LatencyFilter.pause(settings.rates().slowDelay());
				chain.doFilter(request, response);
			}
			default -> {
				response.setStatus(fault.status());
				response.setContentType(fault.contentType());
				response.getWriter().write(fault.body());
			}
		}
	}

	/**
	 * Answers 200 with the first half of the body the API would have sent: a JSON object without its
	 * closing brace is never valid, and the client cannot tell from the headers.
	 */
	private static void answerCutOff(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper whole = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, whole);
		byte[] body = whole.getContentAsByteArray();
		byte[] half = Arrays.copyOf(body, body.length / 2);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(half.length);
		response.getOutputStream().write(half);
	}

}
