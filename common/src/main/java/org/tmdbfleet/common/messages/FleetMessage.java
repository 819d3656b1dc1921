package org.tmdbfleet.common.messages;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Everything the services say to each other over Kafka. The {@code type} property names the
 * message on the wire (never a Java class name), so producers and consumers can be deployed
 * independently; {@code schemaVersion} lets a consumer tell an old shape from a new one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
		@JsonSubTypes.Type(value = ImportRequested.class, name = "ImportRequested"),
		@JsonSubTypes.Type(value = FetchPage.class, name = "FetchPage"),
		@JsonSubTypes.Type(value = MovieFetched.class, name = "MovieFetched"),
		@JsonSubTypes.Type(value = ImportPlanned.class, name = "ImportPlanned"),
		@JsonSubTypes.Type(value = PageFetched.class, name = "PageFetched"),
		@JsonSubTypes.Type(value = PageFailed.class, name = "PageFailed"),
		@JsonSubTypes.Type(value = ImportFailed.class, name = "ImportFailed"),
		@JsonSubTypes.Type(value = MoviesPersisted.class, name = "MoviesPersisted"),
		@JsonSubTypes.Type(value = ImportCancelled.class, name = "ImportCancelled"),
		@JsonSubTypes.Type(value = ImportPlanDecided.class, name = "ImportPlanDecided"),
		@JsonSubTypes.Type(value = FetchDetails.class, name = "FetchDetails"),
		@JsonSubTypes.Type(value = MovieNotFetched.class, name = "MovieNotFetched"),
		@JsonSubTypes.Type(value = GenresFetched.class, name = "GenresFetched"),
		@JsonSubTypes.Type(value = ImageConfigurationFetched.class, name = "ImageConfigurationFetched"),
		@JsonSubTypes.Type(value = ExportListed.class, name = "ExportListed"),
		@JsonSubTypes.Type(value = DetailsRequested.class, name = "DetailsRequested") })
public sealed interface FleetMessage permits ImportRequested, FetchPage, FetchDetails, MovieFetched, MovieNotFetched,
		GenresFetched, ImageConfigurationFetched, ImportProgress, ImportCancelled, ImportPlanDecided,
		DetailsRequested {

	/** The version of the message shape this code writes. */
	int CURRENT_SCHEMA = 1;

	int schemaVersion();

	/** The Kafka record key: what must stay in order shares a key. */
	String key();

}
