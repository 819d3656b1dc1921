package org.tmdbfleet.gateway.auth;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Who may change things through the API.
 *
 * @param tokens bearer tokens accepted on mutating requests under {@code /api}
 * ({@code FLEET_API_TOKENS}, comma-separated; several allow rotation); none leaves the API open,
 * which the {@code prod} profile refuses
 */
@ConfigurationProperties("fleet.api")
record ApiTokenProperties(@DefaultValue List<String> tokens) {

	ApiTokenProperties {
		tokens = (tokens != null) ? tokens.stream().filter(StringUtils::hasText).map(String::strip).toList()
				: List.of();
	}

	/** Keeps the tokens out of every log line and actuator output that prints this. */
	@Override
	public String toString() {
		return "ApiTokenProperties[tokens=<" + this.tokens.size() + " set>]";
	}

}
