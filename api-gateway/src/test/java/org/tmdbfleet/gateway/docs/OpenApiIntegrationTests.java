package org.tmdbfleet.gateway.docs;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document lists every endpoint, its errors as problems, and the bearer scheme. */
class OpenApiIntegrationTests extends GatewayIntegrationTestSupport {

	/** Every operation and the error statuses it must document. */
	private static final Map<String, List<String>> ERRORS = Map.ofEntries(
			Map.entry("post /api/imports", List.of("400", "401", "409", "413", "415", "500", "503")),
			Map.entry("get /api/imports", List.of("400", "500", "503")),
			Map.entry("get /api/imports/{id}", List.of("400", "404", "500", "503")),
			Map.entry("get /api/imports/{id}/failed-pages", List.of("400", "404", "500", "503")),
			Map.entry("get /api/imports/{id}/failed-movies", List.of("400", "404", "500", "503")),
			Map.entry("post /api/imports/{id}/cancel", List.of("400", "401", "404", "409", "500", "503")),
			Map.entry("post /api/imports/{id}/retry", List.of("400", "401", "404", "409", "500", "503")),
			Map.entry("get /api/imports/{id}/events", List.of("400", "404", "500")),
			Map.entry("get /api/movies", List.of("400", "500")),
			Map.entry("get /api/movies/{tmdbId}", List.of("400", "404", "500")),
			Map.entry("get /api/genres", List.of("500")),
			Map.entry("get /api/images", List.of("404", "500")),
			Map.entry("post /api/schedules", List.of("400", "401", "409", "500", "503")),
			Map.entry("get /api/schedules/{id}", List.of("400", "404", "500", "503")),
			Map.entry("post /api/schedules/{id}/pause", List.of("400", "401", "404", "500", "503")),
			Map.entry("delete /api/schedules/{id}", List.of("400", "401", "404", "500", "503")));

	@Test
	void everyEndpointIsDocumentedWithItsErrors() {
		JsonNode document = document();

		assertThat(document.path("openapi").asString()).startsWith("3.1");
		assertThat(document.path("paths").propertyNames()).containsExactlyInAnyOrder("/api/imports",
				"/api/imports/{id}", "/api/imports/{id}/cancel", "/api/imports/{id}/retry", "/api/imports/{id}/events",
				"/api/imports/{id}/failed-pages", "/api/imports/{id}/failed-movies",
				"/api/movies", "/api/movies/{tmdbId}", "/api/schedules", "/api/schedules/{id}",
				"/api/schedules/{id}/pause", "/api/schedules/{id}/resume", "/api/genres", "/api/images");
		ERRORS.forEach((operation, statuses) -> {
			String[] methodAndPath = operation.split(" ");
			JsonNode responses = document.path("paths").path(methodAndPath[1]).path(methodAndPath[0]).path("responses");
			assertThat(responses.propertyNames()).as(operation).containsAll(statuses);
			statuses.forEach(status -> assertThat(responses.path(status)
				.path("content")
				.path("application/problem+json")
				.path("schema")
				.path("$ref")
				.asString()).as(operation + " " + status).isEqualTo("#/components/schemas/Problem"));
		});
		assertThat(document.at("/components/schemas/Problem/properties").propertyNames()).contains("type", "title",
				"status", "detail", "instance", "errors");
	}

	@Test
	void onlyRequestsThatChangeDataNeedTheBearerToken() {
		JsonNode document = document();

		assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(document.at("/paths/~1api~1imports/post/security/0").has("bearer")).isTrue();
		assertThat(document.at("/paths/~1api~1imports/get/security").isMissingNode()).isTrue();
		assertThat(document.at("/paths/~1api~1movies/get/security").isMissingNode()).isTrue();
	}

	@Test
	void theImportRequestComesWithExamples() {
		JsonNode post = document().at("/paths/~1api~1imports/post");

		JsonNode examples = post.at("/requestBody/content/application~1json/examples");
		assertThat(examples.propertyNames()).contains("popular", "discover");
		assertThat(examples.at("/discover/value").toString()).contains("releaseDateFrom");
		assertThat(post.path("parameters").findValuesAsString("name")).contains("Idempotency-Key");
		assertThat(post.at("/responses/202/headers").has("Location")).isTrue();
		assertThat(post.at("/responses/202/content/application~1json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/ImportView");
	}

	@Test
	void swaggerUiIsServed() {
		Response page = api().get("/swagger-ui/index.html");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).containsIgnoringCase("swagger");
	}

	private JsonNode document() {
		Response response = api().get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

}
