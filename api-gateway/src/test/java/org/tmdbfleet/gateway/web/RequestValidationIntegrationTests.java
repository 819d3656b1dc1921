package org.tmdbfleet.gateway.web;

import java.net.http.HttpRequest.BodyPublishers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input gets a 4xx problem that names the field and the reason; none of them
 * ever reaches a 500.
 */
class RequestValidationIntegrationTests extends GatewayIntegrationTestSupport {

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"source":"everything"}                                                   | 400 | source
			{"source":1}                                                              | 400 | source
			{"maxPages":3}                                                            | 400 | source
			{"source":"popular","maxPages":0}                                         | 400 | maxPages
			{"source":"popular","maxPages":501}                                       | 400 | maxPages
			{"source":"discover","maxPages":100001}                                   | 400 | maxPages
			{"source":"popular","maxPages":"ten"}                                     | 400 | maxPages
			{"source":"popular","maxPages":"25"}                                      | 400 | maxPages
			{"source":"popular","maxPages":2.5}                                       | 400 | maxPages
			{"source":"popular","maxPages":99999999999999999999}                      | 400 | maxPages
			{"source":"discover","filters":{"releaseDateFrom":"2025-02-30"}}          | 400 | filters.releaseDateFrom
			{"source":"discover","filters":{"releaseDateTo":"yesterday"}}             | 400 | filters.releaseDateTo
			{"source":"discover","filters":{"releaseDateFrom":20000}}                 | 400 | filters.releaseDateFrom
			{"source":"discover","filters":{"releaseDateFrom":"2000-01-01","releaseDateTo":"1990-01-01"}} | 400 | filters.releaseDateRangeOrdered
			{"source":"discover","filters":{"genres":[28,-1]}}                        | 400 | filters.genres[1]
			{"source":"discover","filters":{"genres":[null]}}                         | 400 | filters.genres[0]
			{"source":"discover","filters":{"genres":"28"}}                           | 400 | filters.genres
			{"source":"discover","filters":{"sortBy":"revenue.desc"}}                 | 400 | filters.sortBy
			{"source":"discover","filters":{"sortBy":"popularity"}}                   | 400 | filters.sortBy
			{"source":"discover","filters":{"language":"eng"}}                        | 400 | filters.language
			{"source":"discover","filters":{"language":"EN"}}                         | 400 | filters.language
			{"source":"discover","filters":{"region":"us"}}                           | 400 | filters.region
			{"source":"popular","maxPage":3}                                          | 400 | maxPage
			{"source":"discover","filters":{"genre":[28]}}                            | 400 | filters.genre
			{"source":"discover","filters":{"releaseDateRangeOrdered":true}}          | 400 | filters.releaseDateRangeOrdered
			{"source":"popular","source":"upcoming"}                                  | 400 | body
			{"source":"popular"} trailing                                             | 400 | body
			{"source":                                                                | 400 | body
			`[{"source":"popular"}]`                                                  | 400 | body
			""")
	void badBodiesAreProblemsNamingTheField(String body, int status, String field) {
		JsonNode problem = assertProblem(api().postJson("/api/imports", body), status, field);
		assertThat(problem.path("detail").asString()).contains(field);
	}

	@Test
	void eachRefusedFieldIsListedWithItsReason() {
		JsonNode problem = assertProblem(api().postJson("/api/imports", """
				{"source":"popular","maxPages":0,"filters":{"language":"english","region":"usa"}}"""), 400,
				"maxPages", "filters.language", "filters.region");

		assertThat(problem.path("errors")).hasSize(3);
		problem.path("errors").forEach(error -> assertThat(error.path("message").asString()).isNotBlank());
	}

	@Test
	void anEmptyBodyIsAProblem() {
		assertProblem(api().postJson("/api/imports", ""), 400, "body");
	}

	@Test
	void aBodyThatIsNotJsonIsRefusedByItsContentType() {
		assertProblem(api().send("POST", "/api/imports", BodyPublishers.ofString("source=popular"), "Content-Type",
				"application/x-www-form-urlencoded"), 415);
		assertProblem(api().send("POST", "/api/imports", BodyPublishers.ofString("{\"source\":\"popular\"}"),
				"Content-Type", "text/plain"), 415);
		assertProblem(api().send("POST", "/api/imports", BodyPublishers.ofString("{\"source\":\"popular\"}")), 415);
	}

	@Test
	void aBodyOverTheLimitIsRefusedUnread() {
		String padding = " ".repeat(64 * 1024);
		assertProblem(api().postJson("/api/imports", "{\"source\":\"popular\"}" + padding), 413);
		// the limit is on bytes, however they arrive: a chunked body is counted as it is read
		assertProblem(api().send("POST", "/api/imports",
				BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
						("{\"source\":\"popular\"}" + padding).getBytes())), "Content-Type", "application/json"), 413);
	}

	@Test
	void aBodyJustUnderTheLimitIsRead() {
		String body = "{\"source\":\"popular\",\"maxPages\":0}";
		String padded = body + " ".repeat(64 * 1024 - body.length());
		assertProblem(api().postJson("/api/imports", padded), 400, "maxPages");
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			GET    | /api/imports/not-a-uuid                           | 400 | id
			GET    | /api/imports/00000000-0000-0000-0000-00000000000g | 400 | id
			GET    | /api/movies/abc                                   | 400 | tmdbId
			GET    | /api/movies/-5                                    | 400 | tmdbId
			GET    | /api/movies/99999999999999999999                  | 400 | tmdbId
			GET    | /api/imports?page=-1                              | 400 | page
			GET    | /api/imports?size=0                               | 400 | size
			GET    | /api/imports?size=101                             | 400 | size
			GET    | /api/imports?size=ten                             | 400 | size
			GET    | /api/imports?status=DONE                          | 400 | status
			GET    | /api/imports?source=everything                    | 400 | source
			GET    | /api/movies?sort=revenue                          | 400 | sort
			GET    | /api/movies?sort=title.up                         | 400 | sort
			GET    | /api/movies?query=ab                              | 400 | query
			GET    | /api/movies?query=abc%00                          | 400 | query
			GET    | /api/movies?year=1066                             | 400 | year
			GET    | /api/movies?year=last                             | 400 | year
			GET    | /api/movies?genre=-28                             | 400 | genre
			GET    | /api/movies?page=10000001                         | 400 | page
			""")
	void badPathsAndParametersAreProblemsNamingThem(String method, String path, int status, String field) {
		assertProblem(api().send(method, path, BodyPublishers.noBody()), status, field);
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			DELETE | /api/imports                          | 405
			PUT    | /api/imports                          | 405
			POST   | /api/movies                           | 405
			GET    | /api/nothing-here                     | 404
			GET    | /api/imports/11111111-2222-3333-4444-555555555555 | 404
			GET    | /api/movies/987654321                 | 404
			GET    | /actuator/env                         | 404
			GET    | /actuator/beans                       | 404
			""")
	void wrongMethodsAndUnknownPathsAreProblems(String method, String path, int status) {
		assertProblem(api().send(method, path, BodyPublishers.noBody()), status);
	}

	@Test
	void aMalformedQueryStringIsAProblem() {
		assertProblem(api().raw("GET /api/movies?query=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), 400, "query string");
	}

	@Test
	void whatTomcatRefusesItselfIsAProblemToo() {
		assertProblem(api().get("/api/imports/..%2F..%2Fetc%2Fpasswd"), 400);
	}

	@Test
	void aClientThatAcceptsNoJsonStillGetsTheProblemAsJson() {
		assertProblem(api().get("/api/imports/not-a-uuid", "Accept", "text/html"), 400, "id");
		assertProblem(api().get("/api/imports/not-a-uuid", "Accept", "not a media type"), 400, "id");
		assertProblem(api().get("/api/imports", "Accept", "application/xml"), 406);
	}

	@Test
	void theIdempotencyKeyMustBePrintableAndShort() {
		String body = "{\"source\":\"popular\",\"maxPages\":1}";
		assertProblem(api().postJson("/api/imports", body, "Idempotency-Key", "k".repeat(201)), 400,
				"Idempotency-Key");
		// raw bytes: HTTP client libraries replace what is not ASCII before it is sent
		String request = "POST /api/imports HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: application/json\r\nIdempotency-Key: caf\u00c3\u00a9\r\nContent-Length: "
				+ body.length() + "\r\n\r\n" + body;
		assertProblem(api().raw(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), 400,
				"Idempotency-Key");
	}

}
