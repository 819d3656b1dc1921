package org.tmdbfleet.gateway.tracking;

import org.tmdbfleet.common.messages.ImportSource;

import org.springframework.core.convert.converter.Converter;

/**
 * Reads {@code ?source=top_rated} by the wire name, as the API writes it, not the enum name. An
 * empty value is no filter, like an empty {@code ?status=}.
 */
class ImportSourceConverter implements Converter<String, ImportSource> {

	@Override
	public ImportSource convert(String value) {
		if (value.isBlank()) {
			return null;
		}
		for (ImportSource source : ImportSource.values()) {
			if (source.wireName().equals(value)) {
				return source;
			}
		}
		throw new IllegalArgumentException("Not a source");
	}

}
