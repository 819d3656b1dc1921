package org.tmdbfleet.fetch.planning;

import org.tmdbfleet.common.messages.ImportRequested;

import org.springframework.stereotype.Component;

/**
 * Each kind of import to its plan: a list ({@link ListPlan}, which hands a discover list longer
 * than TMDB serves on to {@link WindowedPlan}), TMDB's changes ({@link ChangesPlan}) or the whole
 * catalog ({@link CatalogPlan}).
 */
@Component
class Plans {

	private final ListPlan lists;

	private final ChangesPlan changes;

	private final CatalogPlan catalog;

	Plans(ListPlan lists, ChangesPlan changes, CatalogPlan catalog) {
		this.lists = lists;
		this.changes = changes;
		this.catalog = catalog;
	}

	PlanOutcome plan(ImportRequested request) {
		return switch (request.source()) {
			case CHANGES -> changes.plan(request);
			case CATALOG -> catalog.plan(request);
			default -> lists.plan(request);
		};
	}

}
