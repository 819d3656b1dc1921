package org.tmdbfleet.simulator.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.tmdbfleet.simulator.catalog.MovieDetails.CastMember;
import org.tmdbfleet.simulator.catalog.MovieDetails.CountryReleases;
import org.tmdbfleet.simulator.catalog.MovieDetails.Credits;
import org.tmdbfleet.simulator.catalog.MovieDetails.CrewMember;
import org.tmdbfleet.simulator.catalog.MovieDetails.ExternalIds;
import org.tmdbfleet.simulator.catalog.MovieDetails.Keyword;
import org.tmdbfleet.simulator.catalog.MovieDetails.Keywords;
import org.tmdbfleet.simulator.catalog.MovieDetails.ProductionCountry;
import org.tmdbfleet.simulator.catalog.MovieDetails.Release;
import org.tmdbfleet.simulator.catalog.MovieDetails.ReleaseDates;
import org.tmdbfleet.simulator.catalog.MovieDetails.SpokenLanguage;

import static org.tmdbfleet.simulator.catalog.Words.pick;

/** Generates a movie's details on demand from (seed, index), like {@link MovieTexts}. */
final class DetailsGenerator {

	private static final List<String> CERTIFICATIONS = List.of("G", "PG", "PG-13", "PG-13", "R", "R", "NC-17", "");

	private DetailsGenerator() {
	}

	static MovieDetails generate(long seed, int index, Movie movie, Language language, boolean noImdbId,
			LocalDate today) {
		SplittableRandom random = Seeds.random(seed, index, Seeds.DETAILS);
		Figures figures = Figures.draw(random);
		String imdbId = noImdbId ? null : imdbId(movie.id());
		String homepage = figures.homepage() ? "https://www.example.com/movie/" + movie.id() : "";
		String wikidataId = (figures.wikidataNumber() == 0) ? null : "Q" + figures.wikidataNumber();
		return new MovieDetails(movie, figures.runtime(), imdbId, status(movie.releaseDate(), today), figures.tagline(),
				figures.budget(), figures.revenue(), homepage,
				List.of(new SpokenLanguage(language.englishName(), language.code(), language.nativeName())),
				List.of(new ProductionCountry(language.country(), language.countryName())),
				credits(Seeds.random(seed, index, Seeds.CREDITS)),
				new ExternalIds(imdbId, wikidataId, null, null, null), keywords(random),
				releaseDates(random, movie.releaseDate(), language));
	}

	/** A movie's IMDb id, derived from its TMDB id (so find can derive the TMDB id back). */
	static String imdbId(int id) {
		return "tt%07d".formatted(id * 3L + 17);
	}

	/**
	 * The first draws of a movie's details stream, in stream order: the catalog keeps the runtime
	 * and the Wikidata id of every movie from them (discover filters by the one, find looks up the
	 * other) without generating the rest.
	 *
	 * @param runtime minutes; {@code null} or 0 for some movies, as on TMDB
	 * @param wikidataNumber the number of the Wikidata id ({@code Q} + number), 0 for none
	 */
	record Figures(Integer runtime, String tagline, long budget, long revenue, boolean homepage, int wikidataNumber) {

		static Figures draw(SplittableRandom random) {
			int runtimeRoll = random.nextInt(100);
			Integer runtime = (runtimeRoll < 3) ? null : (runtimeRoll < 6) ? 0 : 70 + random.nextInt(110);
			String tagline = (random.nextInt(10) < 3) ? "" : pick(random, Words.TAGLINES);
			long budget = random.nextBoolean() ? 0 : 100_000L * (1 + random.nextInt(3000));
			long revenue = random.nextBoolean() ? 0 : 100_000L * random.nextInt(20_000);
			boolean homepage = random.nextInt(10) >= 6;
			int wikidataNumber = random.nextBoolean() ? 0 : 1000 + random.nextInt(9_000_000);
			return new Figures(runtime, tagline, budget, revenue, homepage, wikidataNumber);
		}

	}

	private static String status(LocalDate releaseDate, LocalDate today) {
		if (releaseDate == null) {
			return "In Production";
		}
		return releaseDate.isAfter(today) ? "Post Production" : "Released";
	}

	private static Credits credits(SplittableRandom random) {
		List<CastMember> cast = new ArrayList<>();
		int castSize = 5 + random.nextInt(10);
		for (int order = 0; order < castSize; order++) {
			String profile = (random.nextInt(5) == 0) ? null : MovieTexts.imagePath(random);
			cast.add(new CastMember(personId(random), Words.person(random), pick(random, Words.CHARACTERS), order,
					"Acting", profile, creditId(random)));
		}
		List<CrewMember> crew = new ArrayList<>();
		crew.add(crew(random, "Directing", "Director"));
		if (random.nextInt(10) == 0) {
			crew.add(crew(random, "Directing", "Director"));
		}
		crew.add(crew(random, "Writing", "Screenplay"));
		crew.add(crew(random, "Production", "Producer"));
		crew.add(crew(random, "Sound", "Original Music Composer"));
		crew.add(crew(random, "Camera", "Director of Photography"));
		return new Credits(cast, crew);
	}

	private static CrewMember crew(SplittableRandom random, String department, String job) {
		return new CrewMember(personId(random), Words.person(random), department, job, creditId(random));
	}

	private static int personId(SplittableRandom random) {
		return 1 + random.nextInt(4_999_999);
	}

	private static String creditId(SplittableRandom random) {
		return "%016x%08x".formatted(random.nextLong(), random.nextInt());
	}

	private static Keywords keywords(SplittableRandom random) {
		List<Keyword> keywords = new ArrayList<>();
		int count = random.nextInt(7);
		for (int i = 0; i < count; i++) {
			int word = random.nextInt(Words.KEYWORDS.size());
			Keyword keyword = new Keyword(1000 + word * 37, Words.KEYWORDS.get(word));
			if (!keywords.contains(keyword)) {
				keywords.add(keyword);
			}
		}
		return new Keywords(keywords);
	}

	private static ReleaseDates releaseDates(SplittableRandom random, LocalDate releaseDate, Language language) {
		if (releaseDate == null) {
			return new ReleaseDates(List.of());
		}
		List<Release> us = List.of(release(pick(random, CERTIFICATIONS), releaseDate, 3),
				release(pick(random, CERTIFICATIONS), releaseDate.plusDays(90), 4));
		List<CountryReleases> results = new ArrayList<>();
		if (!language.country().equals("US")) {
			results.add(new CountryReleases(language.country(), List.of(release("", releaseDate, 3))));
		}
		results.add(new CountryReleases("US", us));
		return new ReleaseDates(results);
	}

	private static Release release(String certification, LocalDate date, int type) {
		return new Release(certification, List.of(), "", "", date + "T00:00:00.000Z", type);
	}

}
