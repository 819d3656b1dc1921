package org.tmdbfleet.gateway.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What happens to a request before Spring MVC: the body limit, and the container's own errors. */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

	/** After the bearer token check: an unauthenticated client learns nothing, not even the limit. */
	static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestLimitProperties properties,
			ProblemWriter problems) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(Math.toIntExact(properties.maxBodySize().toBytes()), problems));
		registration.setOrder(BODY_LIMIT_ORDER);
		return registration;
	}

	/**
	 * Tomcat answers some requests itself, before any servlet (an encoded slash in the path, a
	 * malformed escape, oversized headers): with this valve those answers are problems too.
	 * Runs after Boot's customizer, so this valve sits inside Boot's and reports first.
	 */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
		return factory -> factory.addContextCustomizers(
				context -> context.getParent().getPipeline().addValve(new ProblemErrorReportValve()));
	}

}
