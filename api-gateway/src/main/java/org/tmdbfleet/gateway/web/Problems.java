package org.tmdbfleet.gateway.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problems as the API writes them: every refused input names its field in
 * {@code errors}, so a client can show the reason next to what it sent.
 */
public final class Problems {

	private Problems() {
	}

	/** A 400 for one bad input. */
	public static ErrorResponseException badRequest(String field, String message) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, invalid(List.of(new InvalidField(field, message))),
				null);
	}

	/** A 400 for several bad inputs. */
	public static ErrorResponseException badRequest(List<InvalidField> errors) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, invalid(errors), null);
	}

	/** A problem of any status that names the input it is about. */
	public static ErrorResponseException of(HttpStatus status, String title, String field, String message) {
		ProblemDetail problem = invalid(status, List.of(new InvalidField(field, message)));
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

	/**
	 * The same problem with each field it names as a field of {@code parent}: {@code maxPages}
	 * becomes {@code import.maxPages} when the request was the {@code import} of a larger one.
	 */
	public static ErrorResponseException nested(String parent, ErrorResponseException problem) {
		if (!(problem.getBody().getProperties() != null
				&& problem.getBody().getProperties().get("errors") instanceof List<?> errors)) {
			return problem;
		}
		List<InvalidField> renamed = errors.stream()
			.map(InvalidField.class::cast)
			.map(error -> new InvalidField(parent + "." + error.field(), error.message()))
			.toList();
		ProblemDetail nested = invalid(HttpStatus.valueOf(problem.getStatusCode().value()), renamed);
		nested.setTitle(problem.getBody().getTitle());
		return new ErrorResponseException(problem.getStatusCode(), nested, null);
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
