package org.tmdbfleet.gateway.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** What no bad input may reach, but must still be safe: the answer to an unexpected error. */
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTests {

	@Test
	void anUnexpectedErrorIsAProblemThatTellsNothingAndIsLogged(CapturedOutput output) {
		IllegalStateException failure = new IllegalStateException(
				"could not lock relation \"import_jobs\" at jdbc:postgresql://db-7:5432/fleet");

		ResponseEntity<Object> response = new ApiExceptionHandler().unexpected(failure,
				new ServletWebRequest(new MockHttpServletRequest("POST", "/api/imports")));

		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail problem = (ProblemDetail) response.getBody();
		assertThat(problem.getStatus()).isEqualTo(500);
		assertThat(problem.getInstance()).hasToString("/api/imports");
		assertThat(problem.toString()).doesNotContain("import_jobs", "jdbc", "IllegalStateException", "at org.");
		assertThat(output).contains("Unexpected error answering POST /api/imports")
			.contains("IllegalStateException: could not lock relation");
	}

	@Test
	void aDatabaseOutageIsAServiceUnavailableProblemWithRetryAfter() {
		CannotCreateTransactionException outage = new CannotCreateTransactionException(
				"Could not open JPA EntityManager for transaction");

		ResponseEntity<Object> response = new ApiExceptionHandler().databaseUnavailable(outage,
				new ServletWebRequest(new MockHttpServletRequest("GET", "/api/imports/x")));

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(((ProblemDetail) response.getBody()).getDetail()).contains("database is unavailable");
	}

}
