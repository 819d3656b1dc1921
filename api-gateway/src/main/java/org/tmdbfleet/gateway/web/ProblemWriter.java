package org.tmdbfleet.gateway.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * Writes a problem from a servlet filter, where no exception handler runs, in exactly the
 * format the exception handler uses (same converter, same ProblemDetail mix-in).
 */
@Component
public class ProblemWriter {

	private final JacksonJsonHttpMessageConverter converter;

	ProblemWriter(JsonMapper jsonMapper) {
		this.converter = new JacksonJsonHttpMessageConverter(jsonMapper);
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (problem.getInstance() == null) {
			problem.setInstance(Problems.instance(request.getRequestURI()));
		}
		ServletServerHttpResponse output = new ServletServerHttpResponse(response);
		output.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		this.converter.write(problem, MediaType.APPLICATION_PROBLEM_JSON, output);
		output.flush();
	}

}
