package org.tmdbfleet.gateway.tracking;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters of the imports API read as the API writes them. */
@Configuration(proxyBeanMethods = false)
class ImportWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new ImportSourceConverter());
	}

}
