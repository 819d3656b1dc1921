package org.tmdbfleet.simulator;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.filter.OncePerRequestFilter;

/** A filter for TMDB's API ({@code /3/**}) only; the admin and actuator paths pass untouched. */
public abstract class TmdbApiFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/3/");
	}

}
