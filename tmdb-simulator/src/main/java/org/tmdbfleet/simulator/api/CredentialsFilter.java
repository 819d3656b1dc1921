package org.tmdbfleet.simulator.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tmdbfleet.simulator.SimulatorProperties;
import org.tmdbfleet.simulator.TmdbApiFilter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Admits a {@code /3/**} request carrying TMDB's v3 {@code api_key} parameter or the v4 read
 * access token as {@code Authorization: Bearer}; answers anything else like TMDB, with 401 and
 * status code 7. Unknown paths are rejected too: TMDB checks credentials before routing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class CredentialsFilter extends TmdbApiFilter {

	private static final TmdbError INVALID_API_KEY = new TmdbError(7,
			"Invalid API key: You must be granted a valid key.");

	private final byte[] apiKey;

	private final byte[] readToken;

	private final JsonMapper jsonMapper;

	CredentialsFilter(SimulatorProperties properties, JsonMapper jsonMapper) {
		this.apiKey = properties.apiKey().getBytes(StandardCharsets.UTF_8);
		this.readToken = properties.readToken().getBytes(StandardCharsets.UTF_8);
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (matches(request.getParameter("api_key"), apiKey) || matches(bearerToken(request), readToken)) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		jsonMapper.writeValue(response.getOutputStream(), INVALID_API_KEY);
	}

	private static String bearerToken(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return authorization.substring(7).strip();
	}

	/** Compares in constant time, so response timing does not leak the secret. */
	private static boolean matches(String given, byte[] expected) {
		return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected);
	}

}
