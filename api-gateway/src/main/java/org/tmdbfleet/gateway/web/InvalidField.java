package org.tmdbfleet.gateway.web;

/**
 * One reason a request was refused: which input, and what is wrong with it. Serialized in the
 * {@code errors} array of a problem.
 *
 * @param field the body field ({@code filters.genres[0]}), query parameter, path variable or
 * header; {@code body} when the body as a whole cannot be read
 * @param message what the input must be, never an echo of what was sent
 */
public record InvalidField(String field, String message) {
}
