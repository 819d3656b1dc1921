package org.tmdbfleet.fetch.tmdb;

import java.util.stream.Collectors;

import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportSource;

import org.springframework.web.util.UriComponentsBuilder;

/** Which TMDB path and query parameters serve one page of an import's list. */
final class TmdbLists {

	private TmdbLists() {
	}

	static String path(ImportSource source) {
		return switch (source) {
			case POPULAR -> "/3/movie/popular";
			case TOP_RATED -> "/3/movie/top_rated";
			case NOW_PLAYING -> "/3/movie/now_playing";
			case UPCOMING -> "/3/movie/upcoming";
			case DISCOVER -> "/3/discover/movie";
			case CHANGES -> "/3/movie/changes";
			case CATALOG -> throw new IllegalArgumentException("a catalog import reads TMDB's export, not a list");
		};
	}

	static void query(UriComponentsBuilder uri, ImportSource source, ImportFilters filters, int page) {
		uri.queryParam("page", page);
		if (filters == null) {
			return;
		}
		if (source == ImportSource.CHANGES) {
			if (filters.changedFrom() != null) {
				uri.queryParam("start_date", filters.changedFrom());
			}
			if (filters.changedTo() != null) {
				uri.queryParam("end_date", filters.changedTo());
			}
			return;
		}
		if (filters.region() != null) {
			uri.queryParam("region", filters.region());
		}
		if (source != ImportSource.DISCOVER) {
			return;
		}
		if (filters.releaseDateFrom() != null) {
			uri.queryParam("primary_release_date.gte", filters.releaseDateFrom());
		}
		if (filters.releaseDateTo() != null) {
			uri.queryParam("primary_release_date.lte", filters.releaseDateTo());
		}
		if (!filters.genres().isEmpty()) {
			uri.queryParam("with_genres",
					filters.genres().stream().map(String::valueOf).collect(Collectors.joining(",")));
		}
		if (filters.sortBy() != null) {
			uri.queryParam("sort_by", filters.sortBy());
		}
		if (filters.language() != null) {
			uri.queryParam("with_original_language", filters.language());
		}
	}

}
