package org.tmdbfleet.simulator.catalog;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalIdFinderTests {

	final Catalog catalog = Catalog.generate(20_000, 42, CatalogTests.TODAY);

	final ExternalIdFinder finder = new ExternalIdFinder(catalog);

	@Test
	void everyMovieIsFoundByItsOwnExternalIds() {
		for (int index = 0; index < catalog.size(); index += 37) {
			MovieDetails details = catalog.details(index);
			if (details.imdbId() != null) {
				assertThat(finder.byImdbId(details.imdbId())).containsExactly(index);
			}
			if (details.externalIds().wikidataId() != null) {
				assertThat(finder.byWikidataId(details.externalIds().wikidataId())).contains(index);
			}
		}
	}

	@Test
	void aDeletedMovieIsNotFound() {
		catalog.advance(10);
		int deleted = IntStream.range(0, catalog.size())
			.filter((index) -> !catalog.live(index) && catalog.imdbId(index) != null && catalog.wikidataNumbers[index] > 0)
			.findFirst()
			.orElseThrow();

		assertThat(finder.byImdbId(catalog.imdbId(deleted))).isEmpty();
		assertThat(finder.byWikidataId("Q" + catalog.wikidataNumbers[deleted])).doesNotContain(deleted);
	}

}
