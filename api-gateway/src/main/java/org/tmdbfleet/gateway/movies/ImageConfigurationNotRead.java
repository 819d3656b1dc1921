package org.tmdbfleet.gateway.movies;

import org.tmdbfleet.gateway.web.NotFound;

/** TMDB's image configuration before any import read it: it is read when an import is planned. */
final class ImageConfigurationNotRead extends NotFound {

	ImageConfigurationNotRead() {
		super("TMDB's image configuration is not known yet: it is read when an import is planned");
	}

}
