package org.tmdbfleet.simulator.fault;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tmdbfleet.simulator.TmdbApiFilter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Delays every {@code /3/**} response, rejected ones included, by the configured latency ± jitter.
 * Requests run on virtual threads, so sleeping here holds no platform thread.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class LatencyFilter extends TmdbApiFilter {

	private final Faults faults;

	LatencyFilter(Faults faults) {
		this.faults = faults;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		pause(faults.current().drawLatency(ThreadLocalRandom.current()));
		chain.doFilter(request, response);
	}

	static void pause(Duration delay) {
		if (delay.isPositive()) {
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
