package org.tmdbfleet.simulator.exports;

import org.springframework.stereotype.Component;

/**
 * What is wrong with the export files served next, set with {@code PUT /admin/exports}: a file
 * cut off in the middle of its gzip stream, a blank line, and fields no client knows. Real files
 * have none of these, but a download can be cut off and TMDB adds fields when it likes.
 */
@Component
class ExportQuirks {

	private volatile Settings current = Settings.NONE;

	Settings current() {
		return current;
	}

	Settings set(Settings settings) {
		current = settings;
		return settings;
	}

	/**
	 * @param truncated the gzip stream ends half-way through the file, without its trailer
	 * @param blankLine an empty line after the first
	 * @param unknownField every hundredth line carries a field no client knows
	 */
	record Settings(boolean truncated, boolean blankLine, boolean unknownField) {

		static final Settings NONE = new Settings(false, false, false);

	}

	/** The quirks wanted, each absent one off. */
	record Change(Boolean truncated, Boolean blankLine, Boolean unknownField) {

		Settings settings() {
			return new Settings(Boolean.TRUE.equals(truncated), Boolean.TRUE.equals(blankLine),
					Boolean.TRUE.equals(unknownField));
		}

	}

}
