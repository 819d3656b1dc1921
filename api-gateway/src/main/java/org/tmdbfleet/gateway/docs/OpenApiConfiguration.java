package org.tmdbfleet.gateway.docs;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui/index.html}),
 * generated from the controllers; this adds what they cannot say: the bearer scheme, the
 * problem schema and the errors every endpoint can answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	static final String PROBLEM = "Problem";

	@Bean
	OpenAPI fleetOpenApi(ObjectProvider<BuildProperties> build) {
		Components components = new Components().addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("One of the tokens in fleet.api.tokens; needed by every request that changes data"));
		ModelConverters.getInstance(true).readAll(ProblemSchema.class).forEach(components::addSchemas);
		BuildProperties properties = build.getIfAvailable();
		return new OpenAPI().components(components)
			.info(new Info().title("tmdb-fleet API")
				.version((properties != null) ? properties.getVersion() : "dev")
				.description("Imports The Movie Database into PostgreSQL through Kafka: start imports, follow "
						+ "their exact progress, search what was imported. Errors are application/problem+json."));
	}

	@Bean
	OperationCustomizer errorResponses() {
		return new ErrorResponses();
	}

}
