package org.tmdbfleet.gateway.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problems as the API writes them: every refused input names its field in
 * {@code errors}, so a client can show the reason next to what it sent.
 */
final class Problems {

	private Problems() {
	}

	static ProblemDetail invalid(List<InvalidField> errors) {
		return invalid(HttpStatus.BAD_REQUEST, errors);
	}

	static ProblemDetail invalid(HttpStatus status, List<InvalidField> errors) {
		List<InvalidField> sorted = sorted(errors);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(sorted));
		problem.setProperty("errors", sorted);
		return problem;
	}

	/** The inputs in the order a problem lists them: by field, each once. */
	static List<InvalidField> sorted(List<InvalidField> errors) {
		return errors.stream()
			.distinct()
			.sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
			.toList();
	}

	/** A problem's detail: each input and what is wrong with it. */
	static String detail(List<InvalidField> sorted) {
		return sorted.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
	}

	/**
	 * The request path as the problem's {@code instance}, or none: a path Tomcat let through can
	 * still be an invalid URI, and a problem about bad input must not fail on it.
	 */
	static URI instance(String requestUri) {
		try {
			return (requestUri != null) ? URI.create(requestUri) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
