package org.tmdbfleet.gateway.docs;

import java.util.Arrays;
import java.util.Set;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds to every operation the errors the API's shared machinery can answer, so no endpoint
 * forgets one: 400 everywhere, 404 where a path names a resource, and 401, 413 and 415 (plus the
 * bearer requirement) where a request changes data, 503 while the database is down. Every 4xx and
 * 5xx is a problem.
 */
final class ErrorResponses implements OperationCustomizer {

	private static final Set<RequestMethod> SAFE = Set.of(RequestMethod.GET, RequestMethod.HEAD,
			RequestMethod.OPTIONS, RequestMethod.TRACE);

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		ApiResponses responses = operation.getResponses();
		add(responses, "400", "Invalid input: errors names each field and the reason");
		if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))) {
			add(responses, "404", "Nothing has this id");
		}
		if (changesData(handler)) {
			add(responses, "401", "No bearer token, or not a valid one (WWW-Authenticate: Bearer)");
			add(responses, "413", "The body is larger than fleet.api.max-body-size (64 KB)");
			add(responses, "415", "The body is not application/json");
			operation.addSecurityItem(new SecurityRequirement().addList(OpenApiConfiguration.BEARER));
		}
		add(responses, "500", "Unexpected; the body says nothing about the cause, the log does");
		add(responses, "503", "The database is unreachable; nothing was changed, retry later");
		// also over what springdoc inferred from the return type: an error is never an ImportView
		responses.forEach((code, response) -> {
			if (code.charAt(0) >= '4') {
				response.setContent(problem());
			}
		});
		return operation;
	}

	private static boolean changesData(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		return mapping != null && Arrays.stream(mapping.method()).anyMatch(method -> !SAFE.contains(method));
	}

	private static void add(ApiResponses responses, String code, String description) {
		if (!responses.containsKey(code)) {
			responses.addApiResponse(code, new ApiResponse().description(description));
		}
	}

	private static Content problem() {
		return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + OpenApiConfiguration.PROBLEM)));
	}

}
