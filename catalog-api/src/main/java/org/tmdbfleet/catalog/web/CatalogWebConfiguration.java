package org.tmdbfleet.catalog.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** The key check in front of {@code /3}, when keys are configured; the {@code prod} profile requires them. */
@Configuration(proxyBeanMethods = false)
class CatalogWebConfiguration {

	@Bean
	FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(CatalogProperties properties, JsonMapper json,
			Environment environment) {
		if (properties.keys().isEmpty() && environment.matchesProfiles("prod")) {
			throw new IllegalStateException("The catalog API has no keys (fleet.catalog.keys, FLEET_CATALOG_KEYS, "
					+ "comma-separated). The prod profile refuses to start with an open mirror.");
		}
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
				new ApiKeyFilter(properties.keys(), json));
		registration.setEnabled(!properties.keys().isEmpty());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * ETags for every answer under {@code /3}: an answer that set its own from the stored row
	 * keeps it, the others get a digest of their body; either way a matching
	 * {@code If-None-Match} answers 304 without the body.
	 */
	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/3/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** How long clients and caches in between may keep an answer. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> cacheControlFilter(CatalogProperties properties) {
		String cacheControl = CacheControl.maxAge(properties.maxAge()).cachePublic().getHeaderValue();
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
						chain.doFilter(request, response);
					}
				});
		registration.addUrlPatterns("/3/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

}
