package org.tmdbfleet.gateway.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.gateway.web.ProblemWriter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Bearer tokens on the API's mutating requests. A plain servlet filter rather than Spring
 * Security: one rule (mutating requests under {@code /api} need one of a few static tokens)
 * fits in one readable class, with no filter chain to configure around it.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthConfiguration {

	/** Before the body limit and everything else that reads the request. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	static final String NO_TOKEN_IN_PROD = "No API token configured: set fleet.api.tokens (env FLEET_API_TOKENS, "
			+ "comma-separated). The prod profile refuses to start with an open API, where anyone could start imports.";

	private static final Logger log = LoggerFactory.getLogger(ApiAuthConfiguration.class);

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(ApiTokenProperties properties,
			Environment environment, ProblemWriter problems) {
		if (properties.tokens().isEmpty()) {
			if (environment.matchesProfiles("prod")) {
				throw new IllegalStateException(NO_TOKEN_IN_PROD);
			}
			log.warn("API is open: no token configured (fleet.api.tokens / FLEET_API_TOKENS), so anyone who can reach "
					+ "this gateway can start imports. Fine on a laptop; set a token anywhere else. "
					+ "The prod profile refuses to start like this.");
		}
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
				new BearerTokenFilter(properties.tokens(), problems));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(ORDER);
		registration.setEnabled(!properties.tokens().isEmpty());
		return registration;
	}

	@Bean
	OwnApiCalls ownApiCalls(ApiTokenProperties properties) {
		return new OwnApiCalls(properties.tokens());
	}

}
