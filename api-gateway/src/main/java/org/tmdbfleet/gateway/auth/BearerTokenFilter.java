package org.tmdbfleet.gateway.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tmdbfleet.gateway.web.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request that changes something through only with {@code Authorization: Bearer} and
 * one of the configured tokens; reading stays open. Every method but GET, HEAD and OPTIONS
 * counts as changing something, so a method nobody thought of is protected too.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private static final Pattern BEARER = Pattern.compile("Bearer +(\\S+) *", Pattern.CASE_INSENSITIVE);

	private static final String CHALLENGE = "Bearer realm=\"tmdb-fleet\"";

	private final List<byte[]> tokenDigests;

	private final ProblemWriter problems;

	BearerTokenFilter(List<String> tokens, ProblemWriter problems) {
		this.tokenDigests = tokens.stream().map(BearerTokenFilter::sha256).toList();
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return SAFE_METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		Matcher bearer = (header != null) ? BEARER.matcher(header) : null;
		if (bearer == null || !bearer.matches()) {
			refuse(request, response, CHALLENGE,
					"This request changes data: it needs the header Authorization: Bearer <token>.");
		}
		else if (!accepted(bearer.group(1))) {
			refuse(request, response, CHALLENGE + ", error=\"invalid_token\"", "The bearer token is not valid.");
		}
		else {
			chain.doFilter(request, response);
		}
	}

	/**
	 * Compares digests, not the tokens: equal lengths, so {@link MessageDigest#isEqual} takes the
	 * same time whatever was sent; and every token is compared, so the time does not tell which
	 * one came close.
	 */
	private boolean accepted(String token) {
		byte[] presented = sha256(token);
		boolean accepted = false;
		for (byte[] digest : this.tokenDigests) {
			accepted |= MessageDigest.isEqual(digest, presented);
		}
		return accepted;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String challenge, String detail)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		this.problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail));
	}

	private static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
