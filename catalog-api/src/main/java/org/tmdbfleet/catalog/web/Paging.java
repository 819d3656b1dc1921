package org.tmdbfleet.catalog.web;

/** TMDB's {@code page} parameter, without TMDB's cap at 500: the mirror serves every page. */
public final class Paging {

	public static final int PAGE_SIZE = 20;

	private Paging() {
	}

	/** The page asked for: 1 when absent, else an integer of at least 1, or TMDB's status 22. */
	public static int page(String page) {
		if (page == null || page.isBlank()) {
			return 1;
		}
		try {
			int number = Integer.parseInt(page.strip());
			if (number >= 1) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to TMDB's answer for any page that is not a positive integer
		}
		throw TmdbApiException.invalidPage();
	}

	/** Rows to skip for the page; a long, so the last int page does not overflow. */
	public static long offset(int page) {
		return (page - 1L) * PAGE_SIZE;
	}

	/** TMDB's {@code total_pages} for a count of results. */
	public static long totalPages(long totalResults) {
		return (totalResults + PAGE_SIZE - 1) / PAGE_SIZE;
	}

}
