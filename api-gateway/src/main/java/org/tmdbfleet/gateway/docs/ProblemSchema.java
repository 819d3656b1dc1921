package org.tmdbfleet.gateway.docs;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tmdbfleet.gateway.web.InvalidField;

/** The shape of every error the API answers, for the OpenAPI document only. */
@Schema(name = OpenApiConfiguration.PROBLEM,
		description = "RFC 9457 problem details (application/problem+json); errors name each refused input")
record ProblemSchema(@Schema(example = "about:blank") String type, @Schema(example = "Bad Request") String title,
		@Schema(example = "400") int status,
		@Schema(example = "maxPages: must be less than or equal to 500") String detail,
		@Schema(example = "/api/imports") String instance,
		@Schema(description = "Present when the problem is about inputs: one entry per field and reason")
		List<InvalidField> errors) {
}
