package org.tmdbfleet.catalog.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * TMDB's two ways to present a key: the {@code api_key} query parameter (v3) or
 * {@code Authorization: Bearer} (a v4 read access token). A request under {@code /3} with neither
 * valid key gets TMDB's 401 with status code 7. Only installed when keys are configured.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

	private static final Pattern BEARER = Pattern.compile("Bearer +(\\S+) *", Pattern.CASE_INSENSITIVE);

	private final List<byte[]> keyDigests;

	private final byte[] refusal;

	ApiKeyFilter(List<String> keys, JsonMapper json) {
		this.keyDigests = keys.stream().map(ApiKeyFilter::sha256).toList();
		this.refusal = json.writeValueAsBytes(TmdbApiException.invalidApiKey().error());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/3/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (accepted(request.getParameter("api_key")) || accepted(bearer(request))) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.refusal);
	}

	private static String bearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		Matcher bearer = (header != null) ? BEARER.matcher(header) : null;
		return (bearer != null && bearer.matches()) ? bearer.group(1) : null;
	}

	/**
	 * Compares digests of equal length with {@link MessageDigest#isEqual}, every key each time, so
	 * the time taken tells nothing about how close a guess came.
	 */
	private boolean accepted(String key) {
		if (key == null) {
			return false;
		}
		byte[] presented = sha256(key);
		boolean accepted = false;
		for (byte[] digest : this.keyDigests) {
			accepted |= MessageDigest.isEqual(digest, presented);
		}
		return accepted;
	}

	private static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
