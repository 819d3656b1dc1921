package org.tmdbfleet.catalog.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Who may read the mirror, and how long clients may cache its answers.
 *
 * @param keys {@code api_key} values or bearer tokens accepted ({@code FLEET_CATALOG_KEYS},
 * comma-separated); none leaves the mirror open, which the {@code prod} profile refuses
 * @param maxAge the {@code Cache-Control} max-age of every answer
 * @param rememberedTotals how many lists' totals are remembered with the snapshot they were
 * counted in, to be answered again without counting while no transaction has ended (0: none)
 * @param rememberedSearches how many searches' matching ids are remembered the same way, for
 * their next pages and their next askers (0: none)
 */
@ConfigurationProperties("fleet.catalog")
public record CatalogProperties(@DefaultValue List<String> keys, @DefaultValue("60s") Duration maxAge,
		@DefaultValue("1000") int rememberedTotals, @DefaultValue("50") int rememberedSearches) {

	public CatalogProperties {
		keys = (keys != null) ? keys.stream().filter(StringUtils::hasText).map(String::strip).toList() : List.of();
	}

	/** Keeps the keys out of every log line and actuator output that prints this. */
	@Override
	public String toString() {
		return "CatalogProperties[keys=<" + this.keys.size() + " set>, maxAge=" + this.maxAge + ", rememberedTotals="
				+ this.rememberedTotals + ", rememberedSearches=" + this.rememberedSearches + "]";
	}

}
