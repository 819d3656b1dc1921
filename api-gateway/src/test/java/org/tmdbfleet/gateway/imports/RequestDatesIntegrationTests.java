package org.tmdbfleet.gateway.imports;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every date a request carries is bounded at the edge: the extremes {@link LocalDate} allows are
 * a 400 naming the field, never a plan that runs out of memory nor a 500. No endpoint that lists
 * takes a date; the bodies that do are an import's and a schedule's import.
 */
class RequestDatesIntegrationTests extends GatewayIntegrationTestSupport {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@ParameterizedTest(name = "to {0}")
	@ValueSource(strings = { "+999999999-12-31", "9999-12-31", "0000-01-01", "-999999999-01-01" })
	void aChangesImportUntilADayTmdbCannotAnswerIsRefusedNamingTo(String day) {
		assertProblem(api().postJson("/api/imports", "{\"source\":\"changes\",\"to\":\"" + day + "\"}"), 400, "to");
		assertProblem(api().postJson("/api/imports",
				"{\"source\":\"changes\",\"from\":\"" + TODAY.minusDays(2) + "\",\"to\":\"" + day + "\"}"), 400, "to");
	}

	@ParameterizedTest(name = "from {0}")
	@ValueSource(strings = { "+999999999-12-31", "9999-12-31", "0000-01-01", "-999999999-01-01" })
	void aChangesImportFromADayTmdbCannotAnswerIsRefusedNamingFrom(String day) {
		assertProblem(api().postJson("/api/imports", "{\"source\":\"changes\",\"from\":\"" + day + "\"}"), 400, "from");
		assertProblem(api().postJson("/api/imports",
				"{\"source\":\"changes\",\"from\":\"" + day + "\",\"to\":\"" + TODAY + "\"}"), 400, "from");
	}

	@Test
	void aChangesImportOfDaysOutsideTmdbsChangesIsRefusedNamingTheDay() {
		assertProblem(api().postJson("/api/imports", "{\"source\":\"changes\",\"from\":\"" + TODAY.plusDays(1) + "\"}"),
				400, "from");
		assertProblem(api().postJson("/api/imports", "{\"source\":\"changes\",\"to\":\"" + TODAY.plusDays(1) + "\"}"),
				400, "to");
		assertProblem(api().postJson("/api/imports", "{\"source\":\"changes\",\"from\":\"" + TODAY + "\",\"to\":\""
				+ TODAY.minusDays(1) + "\"}"), 400, "from");
		assertProblem(api().postJson("/api/imports", "{\"source\":\"changes\",\"to\":\""
				+ TODAY.minusDays(ImportRequest.CHANGES_REACH) + "\"}"), 400, "to");
	}

	@ParameterizedTest(name = "release date {0}")
	@ValueSource(strings = { "+999999999-12-31", "9999-12-31", "0000-01-01", "-999999999-01-01" })
	void aDiscoverImportOfAReleaseDateNoMovieHasIsRefusedNamingTheFilter(String day) {
		assertProblem(api().postJson("/api/imports", "{\"source\":\"discover\",\"filters\":{\"releaseDateFrom\":\""
				+ day + "\"}}"), 400, "filters.releaseDateFrom");
		assertProblem(api().postJson("/api/imports", "{\"source\":\"discover\",\"filters\":{\"releaseDateTo\":\""
				+ day + "\"}}"), 400, "filters.releaseDateTo");
		assertProblem(api().postJson("/api/schedules", "{\"name\":\"dates " + day + "\",\"cron\":\"0 3 * * *\","
				+ "\"import\":{\"source\":\"discover\",\"filters\":{\"releaseDateTo\":\"" + day + "\"}}}"), 400,
				"import.filters.releaseDateTo");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "+1000000000-01-01", "-1000000000-12-31", "2026-13-01" })
	void aDateTheTypeCannotHoldIsRefusedNamingTheField(String day) {
		assertProblem(api().postJson("/api/imports", "{\"source\":\"changes\",\"to\":\"" + day + "\"}"), 400, "to");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "1800-01-01", "2200-12-31" })
	void theBoundsThemselvesAreAccepted(String day) {
		Response response = api().postJson("/api/imports", "{\"source\":\"discover\",\"maxPages\":1,\"filters\":"
				+ "{\"releaseDateFrom\":\"" + day + "\",\"releaseDateTo\":\"" + day + "\"}}");
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		Response changes = api().postJson("/api/imports", "{\"source\":\"changes\",\"from\":\""
				+ TODAY.minusDays(ImportRequest.CHANGES_REACH) + "\",\"to\":\"" + TODAY + "\"}");
		assertThat(changes.status()).as(changes.body()).isEqualTo(202);
	}

}
