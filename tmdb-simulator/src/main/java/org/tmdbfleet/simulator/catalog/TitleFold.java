package org.tmdbfleet.simulator.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What search compares: a text lowercased, with the accents of Latin, Greek and Cyrillic letters
 * removed, exactly as PostgreSQL's {@code lower(unaccent(s))} in a UTF-8 database, so the
 * simulator and catalog-api match the same titles. {@code unaccent.rules} is PostgreSQL 18's own
 * rule file (contrib/unaccent, PostgreSQL License): one code point to its replacement, e.g.
 * {@code é}→{@code e}, {@code ё}→{@code е}, {@code æ}→{@code ae}, a combining accent to nothing.
 * Unicode decomposition would not do: it takes {@code й} to {@code и} and Japanese voiced kana
 * apart, which unaccent leaves alone.
 */
final class TitleFold {

	private static final Map<Integer, String> UNACCENT = rules("unaccent.rules");

	private TitleFold() {
	}

	static String fold(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		text.codePoints().forEach((codePoint) -> {
			String replacement = UNACCENT.get(codePoint);
			if (replacement == null) {
				folded.appendCodePoint(Character.toLowerCase(codePoint));
			}
			else {
				replacement.codePoints().forEach((c) -> folded.appendCodePoint(Character.toLowerCase(c)));
			}
		});
		return folded.toString();
	}

	/** Reads the rules as unaccent does: a source, then whitespace and a target (quoted if it has spaces) or none. */
	private static Map<Integer, String> rules(String resource) {
		Map<Integer, String> rules = new HashMap<>();
		try (var reader = new BufferedReader(new InputStreamReader(TitleFold.class.getResourceAsStream(resource),
				StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] parts = line.strip().split("\\s+", 2);
				if (!parts[0].isEmpty()) {
					rules.putIfAbsent(parts[0].codePointAt(0), (parts.length == 1) ? "" : target(parts[1]));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(rules);
	}

	private static String target(String target) {
		if (target.startsWith("\"") && target.endsWith("\"") && target.length() >= 2) {
			return target.substring(1, target.length() - 1).replace("\"\"", "\"");
		}
		return target;
	}

}
